#!/usr/bin/env python3
"""Offline MD5 digest check for uas-407-then-200.xml.

SIPp's <verifyauth> cannot read Proxy-Authorization, so the UAS scenario only checks the
header's structure and writes it to its -trace_logs file as
    <call-id> PROXY-AUTHORIZATION method=INVITE Digest username="agni",realm=...,response="..."
This script recomputes every logged response (RFC 2617, MD5, with or without qop=auth).

    verify-digest.py [--user agni] [--password secret] uas-407-then-200_<pid>_logs.log ...

Exit code 0 when at least one line was found and all are valid, 1 otherwise.
"""
import argparse, hashlib, re, sys

def md5(s):
    return hashlib.md5(s.encode()).hexdigest()

def params(h):
    return {k.lower(): (v1 if v1 != '' or q else v2) for k, q, v1, v2 in
            re.findall(r'([A-Za-z-]+)\s*=\s*(?:(")([^"]*)"|([^,\s]*))', h)}

ap = argparse.ArgumentParser()
ap.add_argument('--user', default='agni')
ap.add_argument('--password', default='secret')
ap.add_argument('logs', nargs='+')
a = ap.parse_args()
seen = bad = 0
for path in a.logs:
    for line in open(path, errors='replace'):
        m = re.search(r'PROXY-AUTHORIZATION method=(\S+) (.*)$', line)
        if not m:
            continue
        seen += 1
        method, hdr = m.group(1), m.group(2)
        p = params(hdr)
        ha1 = md5(f"{a.user}:{p.get('realm', '')}:{a.password}")
        ha2 = md5(f"{method}:{p.get('uri', '')}")
        if p.get('qop'):
            want = md5(f"{ha1}:{p.get('nonce', '')}:{p.get('nc', '')}:{p.get('cnonce', '')}:{p['qop']}:{ha2}")
        else:
            want = md5(f"{ha1}:{p.get('nonce', '')}:{ha2}")
        ok = p.get('username') == a.user and p.get('response', '').lower() == want
        bad += not ok
        print(('OK  ' if ok else 'BAD ') + line.split(' PROXY-AUTHORIZATION')[0].split()[-1] + ' ' + hdr.strip())
if seen == 0:
    print('no PROXY-AUTHORIZATION lines found (run the UAS with -trace_logs)')
sys.exit(0 if seen and not bad else 1)

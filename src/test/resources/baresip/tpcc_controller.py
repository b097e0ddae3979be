#!/usr/bin/env python3
"""Minimal RFC 3725 (flow I-ish, "delayed offer") 3PCC controller emulation.

Plain stdlib, UDP only. Flow:
  1. INVITE callee  (no SDP)            -> 200 OK carrying callee's SDP *offer*
  2. INVITE agent   (callee's offer)    -> 200 OK carrying agent's SDP *answer*
  3. ACK agent      (no body)
  4. ACK callee     (agent's answer as body)
  5. hold the call for --duration seconds, then BYE both legs.

Exit code 0 when both legs were set up and torn down cleanly.
"""
import argparse
import random
import re
import socket
import sys
import time


def rnd(n=10):
    return "".join(random.choice("abcdef0123456789") for _ in range(n))


class Leg:
    def __init__(self, name, ruri, to_uri, ctrl):
        self.name = name
        self.ruri = ruri          # request URI of the initial INVITE
        self.to_uri = to_uri
        self.ctrl = ctrl
        self.call_id = rnd(16) + "@" + ctrl.host
        self.from_tag = rnd(8)
        self.to_tag = None
        self.remote_target = ruri  # updated from Contact of the 2xx
        self.cseq = 1
        self.invite_branch = None
        self.body_200 = ""
        self.route_set = []        # (baresip does not Record-Route, kept for completeness)

    # ------------------------------------------------------------------
    def _msg(self, method, ruri, branch, cseq_num, cseq_method, body="",
             content_type="application/sdp"):
        c = self.ctrl
        to = "<%s>" % self.to_uri + (";tag=%s" % self.to_tag if self.to_tag else "")
        lines = [
            "%s %s SIP/2.0" % (method, ruri),
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport" % (c.host, c.port, branch),
            "Max-Forwards: 70",
            "From: <sip:controller@%s:%d>;tag=%s" % (c.host, c.port, self.from_tag),
            "To: %s" % to,
            "Call-ID: %s" % self.call_id,
            "CSeq: %d %s" % (cseq_num, cseq_method),
            "Contact: <sip:controller@%s:%d>" % (c.host, c.port),
            "User-Agent: tpcc-selftest",
        ]
        for r in self.route_set:
            lines.append("Route: %s" % r)
        if method == "INVITE":
            lines.append("Allow: INVITE, ACK, BYE, CANCEL, OPTIONS")
        if body:
            lines.append("Content-Type: %s" % content_type)
        lines.append("Content-Length: %d" % len(body.encode()))
        return "\r\n".join(lines) + "\r\n\r\n" + body

    def invite(self, body=""):
        self.invite_branch = "z9hG4bK" + rnd(12)
        msg = self._msg("INVITE", self.ruri, self.invite_branch, self.cseq, "INVITE", body)
        return self.ctrl.transact(self, msg, "INVITE", self.cseq)

    def ack(self, body=""):
        msg = self._msg("ACK", self.remote_target, "z9hG4bK" + rnd(12), self.cseq, "ACK", body)
        self.ctrl.send(msg, self)

    def bye(self):
        self.cseq += 1
        msg = self._msg("BYE", self.remote_target, "z9hG4bK" + rnd(12), self.cseq, "BYE")
        return self.ctrl.transact(self, msg, "BYE", self.cseq)


def parse(data):
    text = data.decode(errors="replace")
    head, _, body = text.partition("\r\n\r\n")
    lines = head.split("\r\n")
    start = lines[0]
    hdrs = {}
    for ln in lines[1:]:
        if ":" not in ln:
            continue
        k, v = ln.split(":", 1)
        k = k.strip().lower()
        k = {"i": "call-id", "m": "contact", "f": "from", "t": "to", "v": "via",
             "l": "content-length", "c": "content-type"}.get(k, k)
        hdrs.setdefault(k, []).append(v.strip())
    return start, hdrs, body


class Controller:
    def __init__(self, host, port, verbose):
        self.host, self.port, self.verbose = host, port, verbose
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, port))
        self.legs = {}

    def log(self, *a):
        print("[tpcc]", *a, flush=True)

    def send(self, msg, leg):
        if self.verbose:
            self.log(">>> to %s (%s)\n%s" % (leg.name, leg.dst, msg))
        self.sock.sendto(msg.encode(), leg.dst)

    def _handle_request(self, start, hdrs, addr):
        """Answer in-dialog requests from the UAs (BYE, OPTIONS, ...) with 200."""
        method = start.split(" ", 1)[0]
        if method == "ACK":
            return
        resp = ["SIP/2.0 200 OK"]
        for v in hdrs.get("via", []):
            resp.append("Via: " + v)
        for h in ("from", "to", "call-id", "cseq"):
            for v in hdrs.get(h, []):
                resp.append("%s: %s" % (h.title(), v))
        resp.append("Content-Length: 0")
        self.sock.sendto(("\r\n".join(resp) + "\r\n\r\n").encode(), addr)
        self.log("answered incoming %s from %s:%d with 200" % (method, addr[0], addr[1]))

    def transact(self, leg, msg, method, cseq, timeout=10.0):
        """Send a request, retransmit (UDP timer A/E), wait for the final response."""
        self.send(msg, leg)
        t0 = time.time()
        t_next, interval = t0 + 0.5, 0.5
        got_prov = False
        while time.time() - t0 < timeout:
            self.sock.settimeout(max(0.01, t_next - time.time()))
            try:
                data, addr = self.sock.recvfrom(65535)
            except socket.timeout:
                if not got_prov:
                    self.sock.sendto(msg.encode(), leg.dst)
                interval = min(interval * 2, 4.0)
                t_next = time.time() + interval
                continue
            start, hdrs, body = parse(data)
            if self.verbose:
                self.log("<<< from %s:%d\n%s" % (addr[0], addr[1], data.decode(errors="replace")))
            if not start.startswith("SIP/2.0"):
                self._handle_request(start, hdrs, addr)
                continue
            callid = hdrs.get("call-id", [""])[0]
            cseq_h = hdrs.get("cseq", [""])[0].split()
            if callid != leg.call_id or len(cseq_h) != 2 or int(cseq_h[0]) != cseq \
                    or cseq_h[1] != method:
                # e.g. a retransmitted 2xx of the other leg: re-ACK is not needed here
                continue
            code = int(start.split()[1])
            if code < 200:
                got_prov = True
                t_next = time.time() + 3600
                self.log("%s: %s" % (leg.name, start))
                continue
            self.log("%s: %s" % (leg.name, start))
            if method == "INVITE":
                m = re.search(r";\s*tag=([^;>\s]+)", hdrs.get("to", [""])[0])
                leg.to_tag = m.group(1) if m else None
                if code >= 300:
                    # ACK non-2xx: same branch
                    ack = leg._msg("ACK", leg.ruri, leg.invite_branch, cseq, "ACK")
                    self.sock.sendto(ack.encode(), leg.dst)
                    return code, body
                cm = re.search(r"<([^>]+)>", hdrs.get("contact", [""])[0])
                if cm:
                    leg.remote_target = cm.group(1)
                rr = hdrs.get("record-route", [])
                leg.route_set = list(reversed(rr))
                leg.body_200 = body
            return code, body
        raise RuntimeError("%s: timeout waiting for final response to %s" % (leg.name, method))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bind", default="127.0.0.1:25080")
    ap.add_argument("--callee", required=True, help="request URI of the callee, e.g. sip:+15550001@127.0.0.1:25060")
    ap.add_argument("--agent", required=True, help="request URI of the agent, e.g. sip:agent@127.0.0.1:25070")
    ap.add_argument("--duration", type=float, default=4.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--ack-empty", action="store_true", help="(negative test) ACK the callee without the answer SDP")
    a = ap.parse_args()

    host, port = a.bind.rsplit(":", 1)
    ctrl = Controller(host, int(port), a.verbose)

    def mkleg(name, uri):
        leg = Leg(name, uri, uri, ctrl)
        m = re.match(r"sips?:(?:[^@]+@)?([^:;>]+)(?::(\d+))?", uri)
        leg.dst = (m.group(1), int(m.group(2) or 5060))
        return leg

    callee = mkleg("callee", a.callee)
    agent = mkleg("agent", a.agent)

    # 1. INVITE without SDP to callee
    code, offer = callee.invite("")
    if code != 200 or "m=audio" not in offer:
        ctrl.log("FAIL: callee did not answer with an SDP offer (code %d)" % code)
        return 2
    ctrl.log("callee offer:\n" + offer.strip())
    # 2. INVITE agent with callee's offer
    code, answer = agent.invite(offer)
    if code != 200 or "m=audio" not in answer:
        ctrl.log("FAIL: agent did not answer with SDP (code %d)" % code)
        callee.ack("")
        callee.bye()
        return 3
    ctrl.log("agent answer:\n" + answer.strip())
    # 3./4. ACKs
    agent.ack("")
    callee.ack("" if a.ack_empty else answer)
    ctrl.log("both legs connected; holding %.1fs" % a.duration)

    # hold: keep answering whatever comes in (e.g. 2xx retransmissions, OPTIONS)
    t_end = time.time() + a.duration
    while time.time() < t_end:
        ctrl.sock.settimeout(max(0.01, t_end - time.time()))
        try:
            data, addr = ctrl.sock.recvfrom(65535)
        except socket.timeout:
            break
        start, hdrs, _ = parse(data)
        if not start.startswith("SIP/2.0"):
            ctrl._handle_request(start, hdrs, addr)
            if start.startswith("BYE"):
                ctrl.log("WARNING: a UA hung up during the call")
        elif start.startswith("SIP/2.0 200") and "INVITE" in hdrs.get("cseq", [""])[0]:
            # 2xx retransmission: re-send the ACK
            cid = hdrs.get("call-id", [""])[0]
            for leg, body in ((callee, answer), (agent, "")):
                if leg.call_id == cid:
                    leg.ack(body)

    rc = 0
    for leg in (callee, agent):
        try:
            code, _ = leg.bye()
            if code != 200:
                rc = 4
        except RuntimeError as e:
            ctrl.log("BYE failed: %s" % e)
            rc = 4
    return rc


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Engine throughput against the raw SQL limit, in one run on this machine:
#   1. the raw limit (bench/raw-limit-*.sql: claim 100 due rows with SKIP LOCKED, insert their call
#      rows, finish them; pgbench, 2 clients, 20 s) on the PostgreSQL at 127.0.0.1:5432;
#   2. EngineThroughputBenchmark (H2 and that PostgreSQL, as it is configured: here autovacuum off);
#   3. the same two on a PostgreSQL this script starts itself with stock settings (autovacuum on)
#      and pg_stat_statements, on port 5433, whose top statements it prints;
#   4. the raw limit again, and engine / raw as ratios;
#   5. EngineIdleBenchmark: 10,000 running campaigns with nothing to do (idle statements per second,
#      first-dial lag of newly activated campaigns), on H2 and the PostgreSQL at :5432.
# Usage: scripts/bench-engine.sh [contacts]   (default 1000000; results in target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTACTS="${1:-1000000}"
export PGOPTIONS="-c client_min_messages=warning"
OUT=target/bench
mkdir -p "$OUT"
: > "$OUT/throughput.txt"
STOCK_DIR="$PWD/$OUT/pg-stock"
STOCK_PORT=5433
PGBIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin"

raw_limit() { # $1 port: prints attempts per second
  local port="$1"
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt -c 'DROP DATABASE IF EXISTS agni_raw_limit' >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt -c 'CREATE DATABASE agni_raw_limit' >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt agni_raw_limit -f bench/raw-limit-schema.sql >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt agni_raw_limit \
    -c 'CREATE INDEX calls_live ON calls (campaign_id, state)' >/dev/null
  pgbench -h 127.0.0.1 -p "$port" -U postgres -n -c 2 -j 2 -T 20 -f bench/raw-limit-attempt.sql \
    agni_raw_limit 2>/dev/null | awk '/^tps = / {printf "%.0f\n", $3 * 100}'
  psql -h 127.0.0.1 -p "$port" -U postgres -qAt -c 'DROP DATABASE agni_raw_limit' >/dev/null
}

engine() { # $1 JDBC URL of the PostgreSQL, $2 label, $3 test filter
  AGNI_TEST_POSTGRES=required AGNI_TEST_POSTGRES_URL="$1" mvn -B -q -Pbench test \
    -Dtest="$3" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.contacts="$CONTACTS" -Dbench.xmx=512m | grep -E '^\[bench\]|^  |^THROUGHPUT' \
    | sed "s/^THROUGHPUT /THROUGHPUT $2 /" | tee -a "$OUT/engine-runs.txt"
}

start_stock() {
  rm -rf "$STOCK_DIR"
  mkdir -p "$STOCK_DIR"
  chown postgres "$STOCK_DIR" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/initdb" -D "$STOCK_DIR/data" -U postgres --auth=trust >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STOCK_DIR/data" -l "$STOCK_DIR/log" -w -o \
    "-p $STOCK_PORT -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c unix_socket_directories=$STOCK_DIR" \
    start >/dev/null
  psql -h 127.0.0.1 -p "$STOCK_PORT" -U postgres -qAt -c 'CREATE EXTENSION pg_stat_statements' >/dev/null
}

stop_stock() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$STOCK_DIR/data" -m fast stop >/dev/null 2>&1 || true
}
trap stop_stock EXIT

: > "$OUT/engine-runs.txt"
echo "[bench] raw SQL limit, PostgreSQL :5432 (autovacuum $(psql -h 127.0.0.1 -U postgres -qAt -c 'show autovacuum')) ..."
RAW1=$(raw_limit 5432)
echo "[bench]   $RAW1 attempts/s"
engine "jdbc:postgresql://127.0.0.1:5432/test" local 'EngineThroughputBenchmark*'
echo "[bench] starting a stock PostgreSQL on :$STOCK_PORT (autovacuum on, pg_stat_statements) ..."
start_stock
RAW_STOCK=$(raw_limit "$STOCK_PORT")
echo "[bench]   raw limit there: $RAW_STOCK attempts/s"
psql -h 127.0.0.1 -p "$STOCK_PORT" -U postgres -qAt -c 'SELECT pg_stat_statements_reset()' >/dev/null
engine "jdbc:postgresql://127.0.0.1:$STOCK_PORT/postgres" stock 'EngineThroughputBenchmark$OnPostgres'
echo "[bench] top statements of the engine on the stock server (calls, total ms, mean ms):"
psql -h 127.0.0.1 -p "$STOCK_PORT" -U postgres -qAt -F ' | ' -c "
  SELECT calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3),
         left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 8" | tee "$OUT/pg-top-statements.txt"
stop_stock
RAW2=$(raw_limit 5432)
echo "[bench] raw SQL limit again, :5432: $RAW2 attempts/s"

awk -v r1="$RAW1" -v r2="$RAW2" -v rs="$RAW_STOCK" '
  /^THROUGHPUT local postgresql/ { pg = $4 }
  /^THROUGHPUT local h2/ { h2 = $4 }
  /^THROUGHPUT stock postgresql/ { st = $4 }
  END {
    raw = (r1 + r2) / 2
    printf "[bench] summary (%s contacts)\n", ENVIRON["CONTACTS"]
    printf "  raw SQL limit :5432           %d and %d attempts/s (mean %d)\n", r1, r2, raw
    printf "  engine, PostgreSQL :5432      %d attempts/s = %.1f %% of the raw limit\n", pg, 100 * pg / raw
    printf "  engine, stock PostgreSQL      %d attempts/s = %.1f %% of its raw limit (%d)\n", st, 100 * st / rs, rs
    printf "  engine, H2                    %d attempts/s\n", h2
  }' "$OUT/engine-runs.txt" | tee "$OUT/summary.txt"

echo "[bench] idle cost of 10,000 running campaigns ..."
: > "$OUT/idle.txt"
AGNI_TEST_POSTGRES=required mvn -B -q -Pbench test -Dtest='EngineIdleBenchmark*' \
  -Dsurefire.failIfNoSpecifiedTests=false | grep -E '^\[bench\]|^  '

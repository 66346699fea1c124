#!/usr/bin/env bash
# Cơ sở dữ liệu mất kết nối 30 giây khi đang có tải (issue 13, README: Vận hành).
#
# Starts the application (the fat jar, "postgres" profile, job executor on, demo officials) on a fresh
# PostgreSQL database through a small TCP proxy of its own (tcp_proxy.py), so that only this application's
# connections are cut, never those of other builds on the shared server. Officials' clients (outage_load.py)
# propose dossiers through /api and complete tasks through /engine-rest; after 20 s the proxy is cut for 30 s,
# then restored. Prints the answers counted per phase (ok / 503 / other), when health went DOWN and UP again,
# how many seconds after the database returned requests succeeded again (no restart), and the inconsistencies
# found in the database afterwards (consistency.sql). Fails on any 500, any 503 without the Vietnamese message,
# no recovery, or any inconsistency.
#
# Time: about 2.5 minutes (start 25-40 s, load 20 + 30 + 25 s, checks 2 s), plus about a minute to build
# the jar when target/ has none.
#
#   bash tools/faults/db-outage.sh        (PostgreSQL on 127.0.0.1:5432, user postgres/postgres)
set -euo pipefail
cd "$(dirname "$0")/../.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGPASSWORD=${PGPASSWORD:-postgres}
DB=${OUTAGE_DB:-tdkt_outage}
PROXY_PORT=${OUTAGE_PROXY_PORT:-15499}
APP_PORT=${OUTAGE_APP_PORT:-18499}
CLIENTS=${OUTAGE_CLIENTS:-6}
OUT=target/faults
mkdir -p "$OUT"
started=$(date +%s)

jar=$(ls target/tdkt-workflow-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  echo "== db-outage: building the jar"
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/tdkt-workflow-*.jar | grep -v original | head -1)
fi

psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -q \
  -c "drop database if exists $DB with (force)" -c "create database $DB"

proxy_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null && wait "$proxy_pid" 2>/dev/null || true
}
trap cleanup EXIT

python3 tools/faults/tcp_proxy.py "$PROXY_PORT" "$PGHOST" "$PGPORT" >"$OUT/db-outage-proxy.log" 2>&1 &
proxy_pid=$!

echo "== db-outage: starting $jar on port $APP_PORT, database $DB through the proxy on $PROXY_PORT"
SPRING_PROFILES_ACTIVE=postgres DB_URL="jdbc:postgresql://127.0.0.1:$PROXY_PORT/$DB" DB_USER="$PGUSER" \
  DB_PASSWORD="$PGPASSWORD" TDKT_DEMO_ENABLED=true TDKT_MAIL_ENABLED=false PORT="$APP_PORT" TZ=UTC \
  java -Xmx768m -Dfile.encoding=UTF-8 -jar "$jar" --tdkt.demo.simulated-year=false >"$OUT/db-outage-app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 150); do
  if curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "application exited; see $OUT/db-outage-app.log"; tail -40 "$OUT/db-outage-app.log"; exit 1; fi
  sleep 1
done
ready=$(date +%s)
echo "== db-outage: application up after $((ready - started)) s; load with $CLIENTS clients, the database cut for 30 s"

load_status=0
python3 tools/faults/outage_load.py "http://127.0.0.1:$APP_PORT" "$proxy_pid" --clients "$CLIENTS" \
  --before 20 --outage 30 --after 25 | tee "$OUT/db-outage-load.json" || load_status=$?

# Let the job executor finish what it holds before reading the tables.
sleep 2
echo "== db-outage: consistency of the database (each check: rows that break it)"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -v ON_ERROR_STOP=1 -qAt -F ' | ' \
  -f tools/faults/consistency.sql | tee "$OUT/db-outage-consistency.txt"
inconsistencies=$(awk -F ' \\| ' '{ s += $2 } END { print s + 0 }' "$OUT/db-outage-consistency.txt")
dossiers=$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -qAt -c "select count(*) from dossier")
grep -q '"appraisals"' "$OUT/db-outage-load.json" || true
restarts=$(grep -c "Started TdktApplication" "$OUT/db-outage-app.log" || true)

echo "== db-outage: summary"
python3 - "$OUT/db-outage-load.json" "$inconsistencies" "$dossiers" "$restarts" "$(( $(date +%s) - started ))" <<'EOF'
import json, sys
result = json.loads(open(sys.argv[1]).read().split("RESULT ")[-1])
counts = result["counts"]
line = lambda p: ", ".join(f"{k} {v}" for k, v in counts[p].items())
print(f"requests before the outage: {line('before')}")
print(f"requests during the outage: {line('during')}")
print(f"requests after the outage:  {line('after')}")
print(f"health DOWN during the outage: {result['health_down_during_outage']}; "
      f"recovered after {result['recovered_after_s']} s (health UP and both /api and /engine-rest answering, "
      f"no restart: application started {sys.argv[4]} time(s))")
print(f"dossiers in the database: {sys.argv[3]}; inconsistencies: {sys.argv[2]}; drill time {sys.argv[5]} s")
EOF

if [ "$load_status" != 0 ] || [ "$inconsistencies" != 0 ] || [ "$restarts" != 1 ]; then
  echo "db-outage: FAILED (load $load_status, inconsistencies $inconsistencies, starts $restarts); logs in $OUT/"
  exit 1
fi
echo "db-outage: passed"

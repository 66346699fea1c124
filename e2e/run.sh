#!/usr/bin/env bash
# Runs the browser test against the application as a user starts it: the fat jar on a fresh
# embedded database, with demo data. Installs Debian's Chromium and playwright-core if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
(cd e2e && npm ci --no-audit --no-fund --silent)

# Pictures of the diagrams and the element templates applied as Camunda Modeler applies them (no
# application needed); a diagram that does not import or a template that does not apply fails the run.
diagrams=0
node e2e/diagrams.e2e.mjs || diagrams=1
node e2e/element-templates.e2e.mjs || diagrams=1

./mvnw -B -ntp -q -DskipTests package
PORT=${E2E_PORT:-18080}
DATA=$(mktemp -d)
java -jar target/tdkt-workflow-*.jar --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$DATA/tdkt" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
# The demo's simulated year (tdkt.demo.simulated-year) runs after the demo campaign, on the engine's
# clock moved through last year: the tests start once it has finished.
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$PORT/camunda/app/welcome/" >/dev/null && grep -q "Demo campaign" "$DATA/app.log" \
    && grep -q "Demo: simulated year" "$DATA/app.log" && break
  if ! kill -0 $APP 2>/dev/null; then cat "$DATA/app.log"; exit 1; fi
  sleep 1
done
export BASE_URL="http://localhost:$PORT"
status=$diagrams
node e2e/launch-plan.e2e.mjs || status=1
node e2e/award-dossier.e2e.mjs || status=1
node e2e/audit.e2e.mjs || status=1
# Last: it moves the demo's launch-plan cases to a new version of the procedure.
node e2e/migration.e2e.mjs || status=1
exit $status

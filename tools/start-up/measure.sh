#!/usr/bin/env bash
# Start-up of the fat jar against the same application started with a class data sharing archive (issue 12,
# target: ≤ 15 s on an existing database), taken in turns so that both see the same load on a shared host.
# The archive is made as the Docker image makes it (Dockerfile): Spring Boot's extracted layout and one training
# start on an in-memory database that stops once the context is up. Each start runs on PostgreSQL (profile
# postgres, DB_URL etc. as for the application; the database should hold the schema and data already: that is
# the target's "existing database") on a free port, and is stopped after its "Started TdktApplication" line.
#   DB_URL=jdbc:postgresql://127.0.0.1:5432/test DB_USER=postgres DB_PASSWORD=postgres bash tools/start-up/measure.sh [ROUNDS]
# Builds the jar first when target/ has none. Prints one line per start and the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
: "${DB_URL:?DB_URL: the existing database to start on, e.g. jdbc:postgresql://127.0.0.1:5432/test}"
if ! ls target/tdkt-workflow-*.jar >/dev/null 2>&1; then ./mvnw -B -ntp -q -DskipTests package; fi
JAR=$(ls target/tdkt-workflow-*.jar | head -1)
# The application's own JVM options (pom.xml, app.jvm-options), as the Dockerfile and spring-boot:run use them.
read -r -a JVM_OPTIONS <<< "$(sed -n 's:.*<app.jvm-options>\(.*\)</app.jvm-options>.*:\1:p' pom.xml)"
echo "JVM options: ${JVM_OPTIONS[*]}"
RUN=target/start-up
rm -rf "$RUN" && mkdir -p "$RUN"
cp "$JAR" "$RUN/tdkt-workflow.jar"
java -Djarmode=tools -jar "$RUN/tdkt-workflow.jar" extract --destination "$RUN/app" >/dev/null
# The Dockerfile's training start, word for word but for the paths.
(cd "$RUN" && java "${JVM_OPTIONS[@]}" -XX:ArchiveClassesAtExit=app/app.jsa -Dspring.context.exit=onRefresh -jar app/tdkt-workflow.jar \
  --spring.datasource.url=jdbc:h2:mem:cds-training --spring.datasource.hikari.connection-timeout=30000 \
  --logging.level.root=warn > training.log 2>&1) || { tail -30 "$RUN/training.log"; exit 1; }
test -s "$RUN/app/app.jsa"
echo "archive: $(du -h "$RUN/app/app.jsa" | cut -f1)"

# start LABEL JAVA-ARGS…: one start; prints the seconds Spring reports.
start() {
  local label=$1 log="$RUN/start.log" pid seconds=
  shift
  SPRING_PROFILES_ACTIVE=postgres TDKT_ADMIN_PASSWORD=StartUpMeasure2026 java "${JVM_OPTIONS[@]}" "$@" --server.port=0 --camunda.bpm.job-execution.enabled=false \
    --tdkt.demo.enabled=false > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    seconds=$(grep -o 'Started TdktApplication in [0-9.]*' "$log" | grep -o '[0-9.]*$' || true)
    [ -n "$seconds" ] && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log"; echo "$label: không khởi động được"; return 1; }
    sleep 0.25
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$label $seconds"
}
: > "$RUN/figures"
for round in $(seq 1 "$ROUNDS"); do
  start "fat-jar" -jar "$JAR" | tee -a "$RUN/figures"
  start "cds" -XX:SharedArchiveFile="$RUN/app/app.jsa" -jar "$RUN/app/tdkt-workflow.jar" | tee -a "$RUN/figures"
done
for label in fat-jar cds; do
  echo "median $label: $(awk -v l="$label" '$1 == l {print $2}' "$RUN/figures" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s"
done

# Shared by the fault scripts (issue 13): a fresh PostgreSQL database, the fat jar started on it, SQL, checks.
# Sourced, not run. Expects to be in the repository's root.
PGHOST=${PGHOST:-127.0.0.1}
PG="psql -h $PGHOST -U postgres -v ON_ERROR_STOP=1 -X -q"
FAILED_CHECKS=0

ensure_postgres() {
  if ! pg_isready -h "$PGHOST" -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h "$PGHOST" -p 5432 -q && break; sleep 1; done
  fi
}

fresh_db() {
  $PG -d test -c "drop database if exists $1 with (force)" -c "create database $1"
}

# The fat jar, built once; reused when present.
ensure_jar() {
  if ! ls target/tdkt-workflow-*.jar >/dev/null 2>&1; then
    ./mvnw -B -ntp -q -DskipTests package
  fi
  JAR=$(ls target/tdkt-workflow-*.jar | head -1)
}

# start_app DB PORT HOSTNAME LOG [ARGS…]: the application on PostgreSQL (profile postgres, demo officials, no demo
# campaign), the job executor on, named HOSTNAME in the engine's job log (act_hi_job_log.hostname_). Sets APP_PID.
# FAULTS_APP_ARGS adds arguments to every start (e.g. a history cleanup window that covers the drill's hour).
start_app() {
  local db=$1 port=$2 host=$3 log=$4
  shift 4
  DB_URL="jdbc:postgresql://$PGHOST:5432/$db" DB_USER=postgres DB_PASSWORD=postgres \
    java -Xmx640m -XX:+UseSerialGC -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" \
    --tdkt.demo.enabled=true --tdkt.demo.campaign=false --tdkt.demo.simulated-year=false \
    --camunda.bpm.job-execution.enabled=true --camunda.bpm.job-execution.max-wait=3000 \
    --camunda.bpm.generic-properties.properties.hostname="$host" \
    --logging.level.root=warn --logging.level.vn.dienbien.tdkt=warn ${FAULTS_APP_ARGS:-} "$@" >>"$log" 2>&1 &
  APP_PID=$!
}

# wait_ready PORT PID LOG: until /api answers (an official's basic credentials), at most 180 s.
wait_ready() {
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null -u bantdkt:demo "http://localhost:$port/api/campaigns" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then tail -50 "$log"; echo "Ứng dụng không khởi động được"; return 1; fi
    sleep 1
  done
  tail -50 "$log"; echo "Ứng dụng không sẵn sàng sau 180 s"; return 1
}

sql() { $PG -d "$1" -At -c "$2"; }

# check LABEL ACTUAL EXPECTED: prints one line; a mismatch fails the script at the end.
check() {
  if [ "$2" = "$3" ]; then echo "  ok   $1: $2"
  else echo "  FAIL $1: $2 (cần $3)"; FAILED_CHECKS=$((FAILED_CHECKS + 1)); fi
}

# wait_jobs_gone DB IDS-FILE SECONDS: until none of the listed jobs is left in act_ru_job.
wait_jobs_gone() {
  local left
  for _ in $(seq 1 "$3"); do
    left=$(sql "$1" "select count(*) from act_ru_job where id_ in (select unnest(string_to_array('$(paste -sd, "$2")', ',')))")
    [ "$left" = 0 ] && return 0
    sleep 1
  done
  echo "  còn $left việc hẹn giờ chưa chạy"
}

# The checks every fault script ends with, on database DB after all work is done: no case lost or left
# unfinished, none duplicated, each task completed once, decision numbers unique and gapless per year.
final_checks() {
  local db=$1 dossiers=$2 year
  year=$(date +%Y)
  # The campaign's evaluation clock (evaluation-cycle) and the nightly ledger check run for years by design.
  check "vụ việc chưa kết thúc" "$(sql "$db" "select count(*) from act_hi_procinst where end_time_ is null
    and proc_def_key_ not in ('evaluation-cycle', 'audit-verification')")" 0
  check "vụ việc trùng (hai vụ việc một khóa nghiệp vụ)" "$(sql "$db" "select count(*) from (select 1 from act_hi_procinst
    where business_key_ is not null group by proc_def_key_, business_key_ having count(*) > 1) x")" 0
  check "hồ sơ đề nghị (mỗi đề nghị một hồ sơ)" "$(sql "$db" "select count(*) || '/' || count(distinct nominee_name)
    from dossier where nominee_name like 'Lò Thị Xuân %'")" "$dossiers/$dossiers"
  check "hồ sơ được khen thưởng" "$(sql "$db" "select count(*) from dossier where nominee_name like 'Lò Thị Xuân %'
    and status = 'AWARDED'")" "$dossiers"
  check "việc hoàn thành hai lần (cùng vụ việc, bước, nhánh)" "$(sql "$db" "select count(*) from (select 1 from act_hi_taskinst
    where delete_reason_ = 'completed' group by proc_inst_id_, task_def_key_, execution_id_
    having count(*) > 1) x")" 0
  check "kế hoạch đã gửi / đã tiếp nhận / số vụ việc kế hoạch" "$(sql "$db" "select (select count(*) from launch_plan_submission)
    || '/' || (select count(*) from launch_plan_review) || '/' || (select count(*) from launch_plan)")" \
    "$(sql "$db" "select count(*) || '/' || count(*) || '/' || count(*) from launch_plan")"
  check "phiếu biểu quyết trùng" "$(sql "$db" "select count(*) from (select 1 from council_vote
    group by session_id, dossier_id, member_id having count(*) > 1) x")" 0
  check "hồ sơ ở hai phiên họp" "$(sql "$db" "select count(*) - count(distinct dossier_id) from council_session_dossier")" 0
  check "vào số chưa ban hành (tác vụ nền ban hành quyết định)" "$(sql "$db" "select count(*) from council_decision_registration r
    join council_session s on s.id = r.session_id where s.status <> 'DECIDED'")" 0
  check "quyết định = phiên họp" "$(sql "$db" "select count(*) from decision")" "$(sql "$db" "select count(*) from council_session")"
  check "số quyết định năm $year: số lượng/khác nhau/nhỏ nhất/lớn nhất" "$(sql "$db" "select count(*) || '/' ||
    count(distinct number_value) || '/' || min(number_value) || '/' || max(number_value) from decision where number_year = $year")" \
    "$(sql "$db" "select count(*) || '/' || count(*) || '/1/' || count(*) from decision where number_year = $year")"
  check "người được khen trong quyết định (mỗi hồ sơ một lần)" "$(sql "$db" "select count(*) || '/' || count(distinct dossier_id)
    from decision_awardee")" "$(sql "$db" "select count(*) || '/' || count(*) from dossier where status = 'AWARDED'")"
}

#!/usr/bin/env bash
# Hai nút trên một cơ sở dữ liệu (issue 13, part 2): two instances of the fat jar (ports 18291 and 18292, job
# executor on in both, named node-a and node-b in the engine's job log) on one fresh PostgreSQL database. Clients
# send each request to the nodes in turn, as a load balancer would. 184 launch-plan cases (four campaigns) wait
# for their units, 30 award dossiers wait in three council sessions for their last ballot; then, at the same
# moment, the last ballots arrive (each starts the tally, an asynchronous continuation) and the timers are made
# due: every reminder (two per launch plan, one per dossier, the councils' voting due dates) and, for the fourth
# campaign, the deadline (the Board's urging task). Every job must take effect exactly once; the jobs each node
# ran are printed. Then every case is taken to its end through both nodes.
# About 3 minutes on the 2-core development machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tools/faults/lib.sh
T0=$(date +%s)
export DOSSIERS=${DOSSIERS:-30} CAMPAIGNS=${CAMPAIGNS:-4} CLIENTS=${CLIENTS:-6} PREFIX=${PREFIX:-TN}
PORT_A=${FAULTS_PORT_A:-18291}
PORT_B=${FAULTS_PORT_B:-18292}
DB=tdkt_faults_two
export STATE; STATE=$(mktemp -d /tmp/tdkt-two.XXXXXX)
PID_A=; PID_B=
trap 'for p in $PID_A $PID_B; do kill "$p" 2>/dev/null || true; done' EXIT

ensure_postgres
ensure_jar
fresh_db $DB
echo "== Hai nút: node-a :$PORT_A và node-b :$PORT_B trên $DB (nhật ký $STATE/node-*.log)"
# node-a first: it creates the schemas; node-b then starts on them (as a second node joins a running cluster).
start_app $DB "$PORT_A" node-a "$STATE/node-a.log"; PID_A=$APP_PID
wait_ready "$PORT_A" "$PID_A" "$STATE/node-a.log"
start_app $DB "$PORT_B" node-b "$STATE/node-b.log"; PID_B=$APP_PID
wait_ready "$PORT_B" "$PID_B" "$STATE/node-b.log"
echo "   cả hai sẵn sàng sau $(( $(date +%s) - T0 )) s"
export BASES="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B"

echo "== Một người dùng trên nút A rồi nút B"
a=$(curl -s -o /dev/null -w '%{http_code}' -u canbo.syt:demo "http://localhost:$PORT_A/api/notifications/mine")
b=$(curl -s -o /dev/null -w '%{http_code}' -u canbo.syt:demo "http://localhost:$PORT_B/api/notifications/mine")
check "/api với HTTP Basic: nút A rồi nút B (không giữ phiên)" "$a/$b" "200/200"
# The webapps (Tasklist, Cockpit) keep the login in the node's HTTP session: a cookie from node A means nothing
# to node B. The README tells the load balancer to keep a browser on one node (sticky sessions).
curl -s -o /dev/null -c "$STATE/cookies" -b "$STATE/cookies" "http://localhost:$PORT_A/camunda/app/tasklist/"
XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$STATE/cookies")
curl -s -o /dev/null -c "$STATE/cookies" -b "$STATE/cookies" -H "X-XSRF-TOKEN: $XSRF" -X POST \
  --data 'username=canbo.syt&password=demo' "http://localhost:$PORT_A/camunda/api/admin/auth/user/default/login/tasklist"
wa=$(curl -s -o /dev/null -w '%{http_code}' -b "$STATE/cookies" "http://localhost:$PORT_A/camunda/api/engine/engine/default/task/count")
wb=$(curl -s -o /dev/null -w '%{http_code}' -b "$STATE/cookies" "http://localhost:$PORT_B/camunda/api/engine/engine/default/task/count")
echo "   Tasklist: phiên đăng nhập ở nút A → nút A $wa, nút B $wb (cần sticky session ở bộ cân bằng tải: README)"
check "phiên Tasklist của nút A dùng được ở nút A" "$wa" 200

echo "== Chuẩn bị: $CAMPAIGNS đợt thi đua, $DOSSIERS hồ sơ, phiên họp chờ phiếu cuối"
node tools/faults/drive.mjs twonode-setup 2>&1 | tee "$STATE/setup.log"
SESSIONS=$(sql $DB "select count(*) from council_session")

echo "== Cùng lúc: phiếu cuối của mọi phiên họp (kiểm phiếu bất đồng bộ) và mọi việc hẹn giờ nhắc đến hạn"
# The timers made due: every reminder (two per launch plan, one per dossier, the sessions' voting due dates), and
# for the fourth campaign the deadline itself instead of its reminders (the Board's urging task opens).
sql $DB "select j.id_ || ',' || j.process_instance_id_ || ',' || j.handler_cfg_ from act_ru_job j
  join act_hi_procinst p on p.id_ = j.process_instance_id_ where j.type_ = 'timer' and (
  (p.business_key_ like '$PREFIX-C4/KH |%' and j.handler_cfg_ like 'Timer_Deadline%') or
  (p.business_key_ not like '$PREFIX-C4/KH |%' and (j.handler_cfg_ like 'Timer_Reminder%'
   or j.handler_cfg_ like 'Timer_VotingDue%' or j.handler_cfg_ like 'Timer_DueSoon%')))" > "$STATE/moved.csv"
cut -d, -f1 "$STATE/moved.csv" > "$STATE/moved.ids"
grep -v Timer_Deadline "$STATE/moved.csv" > "$STATE/reminders.csv" || true
MOVED=$(wc -l < "$STATE/moved.ids")
REMINDERS=$(wc -l < "$STATE/reminders.csv")
DEADLINES=$((MOVED - REMINDERS))
IDS="select unnest(string_to_array('$(paste -sd, "$STATE/moved.ids")', ','))"
T1=$(date +%s)
node tools/faults/drive.mjs twonode-last-ballots > "$STATE/last-ballots.log" 2>&1 &
BALLOTS=$!
sql $DB "update act_ru_job set duedate_ = now() where id_ in ($IDS)" >/dev/null
wait $BALLOTS; cat "$STATE/last-ballots.log"
wait_jobs_gone $DB "$STATE/moved.ids" 180
for _ in $(seq 1 120); do
  [ "$(sql $DB "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now())
    and suspension_state_ = 1")" = 0 ] && break
  sleep 1
done
# A session's voting-due reminder and its last ballot fall due at the same moment: when the ballot closes the vote
# first, the engine deletes the boundary timer unfired. That is right — the vote is in, no reminder is owed — so
# such a timer is counted apart, and must be the voting-due one of a session that tallied. The history level
# tdkt-audit does not log a job's deletion (AuditHistoryLevel), so a cancelled timer is one that is gone from
# act_ru_job without a success in the job log.
sql $DB "select id from ($IDS) m(id) where id not in (select id_ from act_ru_job)
  and id not in (select job_id_ from act_hi_job_log where job_state_ = 2)" > "$STATE/cancelled.ids"
CANCELLED=$(grep -c . "$STATE/cancelled.ids" || true)
if [ "$CANCELLED" != 0 ]; then
  check "việc hẹn giờ bị hủy mà không phải nhắc hạn bỏ phiếu" "$(grep -F -f "$STATE/cancelled.ids" "$STATE/moved.csv" \
    | grep -vc ',Timer_VotingDue' || true)" 0
  check "nhắc hạn bỏ phiếu bị hủy ở phiên họp chưa kiểm phiếu" "$(grep -F -f "$STATE/cancelled.ids" "$STATE/moved.csv" \
    | cut -d, -f2 | sort -u | while read -r pi; do sql $DB "select count(*) from act_hi_actinst
      where proc_inst_id_ = '$pi' and act_id_ = 'Task_Tally'"; done | grep -c '^0$' || true)" 0
  grep -v -F -f "$STATE/cancelled.ids" "$STATE/moved.csv" > "$STATE/moved.kept.csv" || true
  cut -d, -f1 "$STATE/moved.kept.csv" > "$STATE/moved.ids"
  grep -v Timer_Deadline "$STATE/moved.kept.csv" > "$STATE/reminders.csv" || true
  MOVED=$(wc -l < "$STATE/moved.ids")
  REMINDERS=$(wc -l < "$STATE/reminders.csv")
  IDS="select unnest(string_to_array('$(paste -sd, "$STATE/moved.ids")', ','))"
fi
echo "   $MOVED việc hẹn giờ ($REMINDERS nhắc, $DEADLINES hết hạn) + $SESSIONS lần kiểm phiếu xong sau $(( $(date +%s) - T1 )) s;" \
  "$CANCELLED nhắc hạn bỏ phiếu không cần nữa (phiên đã đủ phiếu trước)"
check "việc hẹn giờ đã chạy" "$(sql $DB "select count(distinct job_id_) from act_hi_job_log where job_state_ = 2 and job_id_ in ($IDS)")" "$MOVED"
# The engine's history cleanup is the one job meant to run again and again under one id (an "ever-living" job, every
# few minutes inside its night-time window, 22:00–05:00 server time): it is left out, so the drill holds at any hour.
ONCE_JOBS="select job_id_ from act_hi_job_log where job_state_ = 2 and job_def_type_ <> 'history-cleanup'
  group by job_id_ having count(*) > 1"
check "việc chạy thành công hơn một lần (mọi việc)" "$(sql $DB "select count(*) from ($ONCE_JOBS) x")" 0
# Which job, if any: its kind, step, case and each run (host, time, retries).
sql $DB "select '   thành công lặp: ' || concat_ws(' ', job_id_, job_def_type_, act_id_, process_def_key_, process_instance_id_,
  hostname_, timestamp_, 'retries ' || job_retries_, 'state ' || job_state_) from act_hi_job_log
  where job_id_ in ($ONCE_JOBS) order by job_id_, timestamp_"
check "thông báo nhắc (mỗi việc hẹn giờ nhắc một thông báo)" "$(sql $DB "select count(*) from notification
  where kind in ('PLAN_REMINDER', 'COUNCIL_VOTING_DUE', 'DOSSIER_DUE_SOON')")" "$REMINDERS"
check "hết hạn gửi kế hoạch → việc đôn đốc (mỗi vụ việc một lần)" "$(sql $DB "select count(*) || '/' || count(distinct proc_inst_id_)
  from act_hi_taskinst where task_def_key_ = 'Task_Urge'")" "$DEADLINES/$DEADLINES"
check "vụ việc có số thông báo khác số việc hẹn giờ của nó" "$(sql $DB "with moved as (select split_part(l, ',', 2) pi, count(*) n
  from unnest(string_to_array('$(paste -sd';' "$STATE/reminders.csv")', ';')) l group by 1),
  sent as (select process_instance_id pi, count(*) n from notification where kind in ('PLAN_REMINDER', 'COUNCIL_VOTING_DUE',
  'DOSSIER_DUE_SOON') group by 1) select count(*) from moved full join sent using (pi) where moved.n is distinct from sent.n")" 0
check "kiểm phiếu (mỗi phiên một lần)" "$(sql $DB "select count(*) || '/' || count(distinct proc_inst_id_) from act_hi_actinst
  where act_id_ = 'Task_Tally'")" "$SESSIONS/$SESSIONS"
check "phiên họp đã kiểm phiếu, chờ tờ trình" "$(sql $DB "select count(*) from act_ru_task where task_def_key_ = 'Task_Submission'")" "$SESSIONS"

echo "== Làm tiếp đến hết qua cả hai nút"
node tools/faults/drive.mjs final 2>&1 | tee "$STATE/final.log"
for _ in $(seq 1 60); do
  [ "$(sql $DB "select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ <= now()) and suspension_state_ = 1")" = 0 ] && break
  sleep 1
done
final_checks $DB "$DOSSIERS"
node tools/faults/drive.mjs api-checks || FAILED_CHECKS=$((FAILED_CHECKS + 1))
echo "== Việc (job) từng nút đã chạy (act_hi_job_log.hostname_): thành công / lỗi rồi chạy lại"
sql $DB "select '   ' || hostname_ || ': ' || count(*) filter (where job_state_ = 2) || ' / ' || count(*) filter (where job_state_ = 1)
  from act_hi_job_log group by hostname_ order by hostname_"
sql $DB "select '   lỗi rồi chạy lại: ' || hostname_ || ' ' || job_def_type_ || ': ' || left(job_exception_msg_, 160)
  from act_hi_job_log where job_state_ = 1"
PER_NODE=$(sql $DB "select string_agg(hostname_ || ' ' || n, ', ' order by hostname_) from (select hostname_, count(*) n
  from act_hi_job_log where job_state_ = 2 group by 1) x")
check "cả hai nút đều chạy việc" "$(sql $DB "select count(distinct hostname_) from act_hi_job_log where job_state_ = 2")" 2
CASES=$(sql $DB "select count(*) from act_hi_procinst where proc_def_key_ not in ('evaluation-cycle', 'audit-verification')")
LOST=$(sql $DB "select count(*) from act_ru_job where id_ in ($IDS)")
DUP=$(sql $DB "select count(*) from ($ONCE_JOBS) x")
echo "== Hai nút: $CASES vụ việc, $MOVED việc hẹn giờ ($REMINDERS nhắc, $DEADLINES hết hạn) + $SESSIONS kiểm phiếu đến hạn cùng lúc ($CANCELLED nhắc hạn bỏ phiếu hủy vì phiên đã đủ phiếu); việc đã chạy: $PER_NODE;"\
" mất $LOST, trùng $DUP; $(( $(date +%s) - T0 )) s"
[ "$FAILED_CHECKS" = 0 ] || { echo "$FAILED_CHECKS kiểm tra không đạt"; exit 1; }

#!/usr/bin/env bash
# Sự cố và khởi động lại, rồi sao lưu và phục hồi (issue 13, parts 1 and 5): the fat jar on a fresh PostgreSQL
# database; several parallel clients drive launch plans, award dossiers, council sessions and an evaluation round
# over HTTP; the JVM is killed with SIGKILL in the middle of that work; while it is down some timers fall due
# (their due dates are moved into the past in act_ru_job); it restarts, the timers fire, the cases go on; then the
# database is dumped (pg_dump -Fc), restored into a FRESH database, the application started on the copy, and every
# unfinished case is taken to its end there. Prints its counts; exits non-zero when a check fails.
# About 3–4 minutes on the 2-core development machine (three starts of the application).
#   bash tools/faults/crash.sh            (DOSSIERS=60 CAMPAIGNS=3 CLIENTS=6 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tools/faults/lib.sh
T0=$(date +%s)
export DOSSIERS=${DOSSIERS:-60} CAMPAIGNS=${CAMPAIGNS:-3} CLIENTS=${CLIENTS:-6} PREFIX=${PREFIX:-SC}
PORT=${FAULTS_PORT:-18281}
DB=tdkt_faults_crash
DB2=tdkt_faults_restored
export STATE; STATE=$(mktemp -d /tmp/tdkt-crash.XXXXXX)
LOG=$STATE/app.log
export BASES="http://127.0.0.1:$PORT"
# A job the killed JVM had locked (an asynchronous step it was running) stays locked until its lock expires, then
# runs again on the restarted node: 5 minutes by default (camunda.bpm.job-execution.lock-time-in-millis), 30 s
# here so that CI does not wait; every job of ours takes well under a second.
LOCK=--camunda.bpm.job-execution.lock-time-in-millis=30000
APP_PID=
acked() { if [ -f "$STATE/acks.jsonl" ]; then wc -l < "$STATE/acks.jsonl"; else echo 0; fi; }
trap 'if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi' EXIT

ensure_postgres
ensure_jar
fresh_db $DB
echo "== Sự cố: khởi động ứng dụng trên cơ sở dữ liệu mới $DB (nhật ký $LOG)"
start_app $DB "$PORT" crash-node "$LOG" $LOCK
wait_ready "$PORT" "$APP_PID" "$LOG"
echo "   sẵn sàng sau $(( $(date +%s) - T0 )) s"

echo "== $CLIENTS máy khách song song: $CAMPAIGNS đợt thi đua (kế hoạch của mọi đơn vị), $DOSSIERS hồ sơ, phiên họp, kỳ đánh giá"
node tools/faults/drive.mjs prekill > "$STATE/prekill.log" 2>&1 &
DRIVER=$!
# Kill when the setup is done and the clients are in the middle of the steps (KILL_AT acknowledged requests).
KILL_AT=${KILL_AT:-$(( DOSSIERS + CAMPAIGNS * 2 + 150 ))}
for _ in $(seq 1 600); do
  n=$(acked)
  # ... and a council is voting and the evaluation round has begun, so that every procedure is part-way.
  [ "$n" -ge "$KILL_AT" ] && grep -q '"Task_Vote"' "$STATE/acks.jsonl" && grep -q '"Task_SelfAssess"' "$STATE/acks.jsonl" && break
  kill -0 $DRIVER 2>/dev/null || break
  sleep 0.2
done
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
KILLED_AT=$(sql $DB "select now()")
echo "   kill -9 sau $(acked) yêu cầu được xác nhận (2xx)"
wait $DRIVER || true
cat "$STATE/prekill.log"

# While the JVM is down, some timers "fall due": their due dates are moved into the past, as if the outage had
# lasted past them (the launch-plan reminders of the campaign whose units have not sent yet, the councils' voting
# due dates, the dossiers' "due soon" reminders). After the restart each must fire exactly once.
sql $DB "select id_ || ',' || process_instance_id_ || ',' || handler_cfg_ from act_ru_job where type_ = 'timer'
  and (handler_cfg_ like 'Timer_Reminder%' or handler_cfg_ like 'Timer_VotingDue%' or handler_cfg_ like 'Timer_DueSoon%')" \
  > "$STATE/moved.csv"
cut -d, -f1 "$STATE/moved.csv" > "$STATE/moved.ids"
sql $DB "update act_ru_job set duedate_ = now() - interval '1 minute' where id_ in
  (select unnest(string_to_array('$(paste -sd, "$STATE/moved.ids")', ',')))" >/dev/null
MOVED=$(wc -l < "$STATE/moved.ids")
echo "   trong lúc ngừng: $MOVED việc hẹn giờ đến hạn (nhắc gửi kế hoạch $(grep -c Timer_Reminder "$STATE/moved.csv" || true),"\
" hạn biểu quyết $(grep -c Timer_VotingDue "$STATE/moved.csv" || true), sắp hết hạn hồ sơ $(grep -c Timer_DueSoon "$STATE/moved.csv" || true))"
LOCKED=$(sql $DB "select count(*) from act_ru_job where lock_owner_ is not null")
echo "   việc đang chạy dở (bị khóa bởi JVM đã dừng, chạy lại khi khóa hết hạn): $LOCKED"
BEFORE_EFFECTS=$(sql $DB "select count(*) from notification where kind in ('PLAN_REMINDER', 'COUNCIL_VOTING_DUE', 'DOSSIER_DUE_SOON')")

T1=$(date +%s)
RESTART_AT=$(sql $DB "select now()")
echo "== Khởi động lại trên cùng cơ sở dữ liệu"
start_app $DB "$PORT" crash-node "$LOG" $LOCK
wait_ready "$PORT" "$APP_PID" "$LOG"
echo "   sẵn sàng sau $(( $(date +%s) - T1 )) s"
wait_jobs_gone $DB "$STATE/moved.ids" 120
IDS="select unnest(string_to_array('$(paste -sd, "$STATE/moved.ids")', ','))"
echo "== Việc hẹn giờ đến hạn lúc ngừng, sau khi khởi động lại"
check "việc hẹn giờ đã chạy (nhật ký công việc, thành công)" "$(sql $DB "select count(distinct job_id_) from act_hi_job_log
  where job_state_ = 2 and job_id_ in ($IDS)")" "$MOVED"
check "việc hẹn giờ chạy hơn một lần" "$(sql $DB "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2
  and job_id_ in ($IDS) group by job_id_ having count(*) > 1) x")" 0
check "thông báo nhắc trước khi ngừng" "$BEFORE_EFFECTS" 0
check "thông báo nhắc sau khi khởi động lại (mỗi việc hẹn giờ một thông báo)" "$(sql $DB "select count(*) from notification
  where kind in ('PLAN_REMINDER', 'COUNCIL_VOTING_DUE', 'DOSSIER_DUE_SOON')")" "$MOVED"
check "vụ việc có số thông báo khác số việc hẹn giờ của nó" "$(sql $DB "with moved as (select split_part(l, ',', 2) pi, count(*) n
  from unnest(string_to_array('$(paste -sd';' "$STATE/moved.csv")', ';')) l group by 1),
  sent as (select process_instance_id pi, count(*) n from notification where kind in ('PLAN_REMINDER', 'COUNCIL_VOTING_DUE',
  'DOSSIER_DUE_SOON') group by 1) select count(*) from moved full join sent using (pi) where moved.n is distinct from sent.n")" 0
check "bước nhắc trong lịch sử (act_hi_actinst)" "$(sql $DB "select count(*) from act_hi_actinst where act_id_ in
  ('Task_RemindUnit', 'Task_RemindVotingDue', 'Task_RemindBoard')")" "$MOVED"

# Requests that failed at the kill: committed before it (the answer was lost) or redone after the restart; either
# way once (a task id completes once; the closing checks count the effects).
grep -o 'task/[0-9a-f-]*/complete' "$STATE/failed.jsonl" 2>/dev/null | cut -d/ -f2 > "$STATE/failed-tasks.ids" || true
echo "   yêu cầu lỗi lúc kill -9: $( [ -f "$STATE/failed.jsonl" ] && wc -l < "$STATE/failed.jsonl" || echo 0), trong đó hoàn thành việc:"\
" $(wc -l < "$STATE/failed-tasks.ids"); đã ghi trước khi dừng (mất câu trả lời):"\
" $(sql $DB "select count(*) from act_hi_taskinst where end_time_ < '$RESTART_AT' and id_ in
  (select unnest(string_to_array('$(paste -sd, "$STATE/failed-tasks.ids")', ',')))")"

echo "== Các máy khách làm tiếp (gửi lại yêu cầu bị lỗi lúc ngừng; để lại một phần cho bài tập phục hồi)"
node tools/faults/drive.mjs resume 2>&1 | tee "$STATE/resume.log"
sql $DB "select id_ from act_hi_procinst where end_time_ is null
  and proc_def_key_ not in ('evaluation-cycle', 'audit-verification')" > "$STATE/unfinished.ids"
UNFINISHED=$(wc -l < "$STATE/unfinished.ids")

echo "== Sao lưu và phục hồi: pg_dump -Fc, cơ sở dữ liệu MỚI $DB2, ứng dụng trên bản phục hồi"
T2=$(date +%s)
pg_dump -h "$PGHOST" -U postgres -Fc -f "$STATE/tdkt.dump" $DB
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
fresh_db $DB2
pg_restore -h "$PGHOST" -U postgres --no-owner -d $DB2 "$STATE/tdkt.dump"
echo "   bản sao lưu $(du -h "$STATE/tdkt.dump" | cut -f1), $UNFINISHED vụ việc chưa kết thúc; sao lưu + phục hồi $(( $(date +%s) - T2 )) s"
start_app $DB2 "$PORT" restored-node "$LOG" $LOCK
wait_ready "$PORT" "$APP_PID" "$LOG"
node tools/faults/drive.mjs final 2>&1 | tee "$STATE/final.log"

echo "== Kiểm tra trên bản phục hồi $DB2"
check "vụ việc dở dang lúc sao lưu đã kết thúc trên bản phục hồi" "$(sql $DB2 "select count(*) from act_hi_procinst
  where end_time_ is not null and id_ in (select unnest(string_to_array('$(paste -sd, "$STATE/unfinished.ids")', ',')))")" "$UNFINISHED"
final_checks $DB2 "$DOSSIERS"
node tools/faults/drive.mjs api-checks || FAILED_CHECKS=$((FAILED_CHECKS + 1))
CASES=$(sql $DB2 "select count(*) from act_hi_procinst where proc_def_key_ not in ('evaluation-cycle', 'audit-verification')")
FAILED_REQ=$( [ -f "$STATE/failed.jsonl" ] && wc -l < "$STATE/failed.jsonl" || echo 0)
echo "== Sự cố: $CASES vụ việc, kill -9 giữa chừng, $FAILED_REQ yêu cầu lỗi lúc ngừng (gửi lại), $MOVED việc hẹn giờ đến hạn lúc"\
" ngừng chạy đúng một lần; $UNFINISHED vụ việc dở dang qua sao lưu/phục hồi; mất $([ $FAILED_CHECKS = 0 ] && echo 0 || echo '?'),"\
" trùng $([ $FAILED_CHECKS = 0 ] && echo 0 || echo '?'); $(( $(date +%s) - T0 )) s"
[ "$FAILED_CHECKS" = 0 ] || { echo "$FAILED_CHECKS kiểm tra không đạt"; exit 1; }

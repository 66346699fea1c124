-- Nothing half-written (db-outage.sh): each line is one check, "name|count of rows that break it"; all must be 0.
-- Run on the application's PostgreSQL database directly (not through the drill's proxy).

-- Every dossier has its case, and the case is known to the engine.
select 'dossier without its case', count(*) from dossier d
 where d.process_instance_id is null
    or not exists (select 1 from act_hi_procinst p where p.id_ = d.process_instance_id);
-- Every award-dossier case has its dossier.
select 'case without its dossier', count(*) from act_hi_procinst p
 where p.proc_def_key_ = 'award-dossier'
   and not exists (select 1 from dossier d where d.process_instance_id = p.id_);
-- A dossier's status says which task its case waits in, and the other way round.
select 'AWAITING_HEAD without the head''s task', count(*) from dossier d
 where d.status = 'AWAITING_HEAD' and not exists (select 1 from act_ru_task t
       where t.proc_inst_id_ = d.process_instance_id and t.task_def_key_ = 'Task_HeadConfirm');
-- After the head's confirmation (or the unit's resend) the Board's task comes in the same transaction, or from the
-- case's job that checks again when the eligibility table failed ("Kiểm tra lại điều kiện khen thưởng (tác vụ nền)";
-- "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng" in cases on earlier versions): the task or that job.
select 'UNDER_APPRAISAL without the appraisal task or its job', count(*) from dossier d
 where d.status = 'UNDER_APPRAISAL' and not exists (select 1 from act_ru_task t
       where t.proc_inst_id_ = d.process_instance_id and t.task_def_key_ = 'Task_Appraise')
   and not exists (select 1 from act_ru_job j join act_ru_jobdef jd on jd.id_ = j.job_def_id_
       where j.process_instance_id_ = d.process_instance_id
         and jd.act_id_ in ('Task_EvaluateRules', 'Task_EvaluateRulesInJob'));
select 'ACCEPTED not waiting for the council', count(*) from dossier d
 where d.status = 'ACCEPTED' and not exists (select 1 from act_ru_event_subscr s
       where s.proc_inst_id_ = d.process_instance_id and s.activity_id_ = 'Event_AwaitDecision');
-- A registered session (vào số) is issued by its own job ("Ban hành quyết định khen thưởng"): undecided only while that job is pending.
select 'registered session not decided with no job to issue it', count(*) from council_decision_registration r
  join council_session cs on cs.id = r.session_id
 where cs.status <> 'DECIDED' and not exists (select 1 from act_ru_job j join act_ru_jobdef jd on jd.id_ = j.job_def_id_
       where j.process_instance_id_ = cs.process_instance_id and jd.act_id_ = 'Task_IssueDecision');
-- A decided dossier's case is told by its session's job ("Chuyển kết quả vào từng hồ sơ"): it may wait only while that job is pending.
select 'decided dossier waiting with no job to tell it', count(*) from dossier d
 where d.status in ('AWARDED', 'NOT_AWARDED') and exists (select 1 from act_ru_event_subscr s
       where s.proc_inst_id_ = d.process_instance_id and s.activity_id_ = 'Event_AwaitDecision')
   and not exists (select 1 from council_session_dossier sd join council_session cs on cs.id = sd.session_id
       join act_ru_job j on j.process_instance_id_ = cs.process_instance_id where sd.dossier_id = d.id);
select 'head''s task of a dossier not AWAITING_HEAD', count(*) from act_ru_task t
  join dossier d on d.process_instance_id = t.proc_inst_id_
 where t.task_def_key_ = 'Task_HeadConfirm' and d.status <> 'AWAITING_HEAD';
select 'appraisal task of a dossier not UNDER_APPRAISAL', count(*) from act_ru_task t
  join dossier d on d.process_instance_id = t.proc_inst_id_
 where t.task_def_key_ = 'Task_Appraise' and d.status <> 'UNDER_APPRAISAL';
-- The status history ends in the dossier's status.
select 'status history not ending in the status', count(*) from dossier d
 where d.status <> (select h.status from dossier_status_history h where h.dossier_id = d.id
                     order by h.changed_at desc, h.id desc limit 1);
-- A proposal's documents are all attached (three for a certificate), never some of them.
select 'dossier with part of its documents', count(*) from dossier d
 where d.award_code = 'CERTIFICATE' and (select count(*) from dossier_document dd where dd.dossier_id = d.id) <> 3;
-- The engine's own rows: no task, variable or job of a case that is gone.
select 'task without its execution', count(*) from act_ru_task t
 where t.execution_id_ is not null and not exists (select 1 from act_ru_execution e where e.id_ = t.execution_id_);
select 'variable without its execution', count(*) from act_ru_variable v
 where v.execution_id_ is not null and not exists (select 1 from act_ru_execution e where e.id_ = v.execution_id_);
select 'job without its execution', count(*) from act_ru_job j
 where j.execution_id_ is not null and not exists (select 1 from act_ru_execution e where e.id_ = j.execution_id_);
select 'running case unknown to history', count(*) from act_ru_execution e
 where e.id_ = e.proc_inst_id_ and not exists (select 1 from act_hi_procinst p where p.id_ = e.id_);
-- The sealed ledger: every case's chain gapless up to its head (first-format entries in audit_ledger,
-- then one block per sealing transaction in audit_seal; seq runs on across both).
select 'ledger chain with a gap', count(*) from audit_ledger_head h
 where h.last_seq <> (select count(*) from audit_ledger l where l.case_id = h.case_id)
                    + (select count(*) from audit_seal s where s.case_id = h.case_id)
    or h.last_seq <> coalesce((select max(s.seq) from audit_seal s where s.case_id = h.case_id),
                              (select max(l.seq) from audit_ledger l where l.case_id = h.case_id));

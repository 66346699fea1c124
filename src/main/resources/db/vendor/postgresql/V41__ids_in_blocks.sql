-- Ids in blocks (issue 12): the records a step writes many of (ballots' votes, status changes, rule results,
-- notifications, documents) take their ids from a sequence that hands out blocks of 50 (Hibernate's pooled-lo),
-- so that Hibernate can send the inserts of one flush as one JDBC batch instead of one statement per row. The
-- sequence is also the column's default, so a row inserted by plain SQL takes its id from the same sequence (a
-- whole block: no id is ever handed out twice). Owned by the column: pg_get_serial_sequence still finds it.
create sequence council_vote_id_blocks increment by 50;
select setval('council_vote_id_blocks', coalesce(max(id), 0) + 1, false) from council_vote;
alter table council_vote alter column id drop identity if exists;
alter table council_vote alter column id set default nextval('council_vote_id_blocks');
alter sequence council_vote_id_blocks owned by council_vote.id;

create sequence dossier_status_history_id_blocks increment by 50;
select setval('dossier_status_history_id_blocks', coalesce(max(id), 0) + 1, false) from dossier_status_history;
alter table dossier_status_history alter column id drop identity if exists;
alter table dossier_status_history alter column id set default nextval('dossier_status_history_id_blocks');
alter sequence dossier_status_history_id_blocks owned by dossier_status_history.id;

create sequence dossier_rule_result_id_blocks increment by 50;
select setval('dossier_rule_result_id_blocks', coalesce(max(id), 0) + 1, false) from dossier_rule_result;
alter table dossier_rule_result alter column id drop identity if exists;
alter table dossier_rule_result alter column id set default nextval('dossier_rule_result_id_blocks');
alter sequence dossier_rule_result_id_blocks owned by dossier_rule_result.id;

create sequence notification_id_blocks increment by 50;
select setval('notification_id_blocks', coalesce(max(id), 0) + 1, false) from notification;
alter table notification alter column id drop identity if exists;
alter table notification alter column id set default nextval('notification_id_blocks');
alter sequence notification_id_blocks owned by notification.id;

create sequence stored_document_id_blocks increment by 50;
select setval('stored_document_id_blocks', coalesce(max(id), 0) + 1, false) from stored_document;
alter table stored_document alter column id drop identity if exists;
alter table stored_document alter column id set default nextval('stored_document_id_blocks');
alter sequence stored_document_id_blocks owned by stored_document.id;

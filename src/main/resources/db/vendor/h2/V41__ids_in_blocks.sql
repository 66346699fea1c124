-- Ids in blocks (issue 12); see the PostgreSQL twin of this migration for why.

create sequence council_vote_id_blocks increment by 50;
alter sequence council_vote_id_blocks restart with (select coalesce(max(id), 0) + 1 from council_vote);
alter table council_vote alter column id drop identity;
alter table council_vote alter column id set default next value for council_vote_id_blocks;

create sequence dossier_status_history_id_blocks increment by 50;
alter sequence dossier_status_history_id_blocks restart with (select coalesce(max(id), 0) + 1 from dossier_status_history);
alter table dossier_status_history alter column id drop identity;
alter table dossier_status_history alter column id set default next value for dossier_status_history_id_blocks;

create sequence dossier_rule_result_id_blocks increment by 50;
alter sequence dossier_rule_result_id_blocks restart with (select coalesce(max(id), 0) + 1 from dossier_rule_result);
alter table dossier_rule_result alter column id drop identity;
alter table dossier_rule_result alter column id set default next value for dossier_rule_result_id_blocks;

create sequence notification_id_blocks increment by 50;
alter sequence notification_id_blocks restart with (select coalesce(max(id), 0) + 1 from notification);
alter table notification alter column id drop identity;
alter table notification alter column id set default next value for notification_id_blocks;

create sequence stored_document_id_blocks increment by 50;
alter sequence stored_document_id_blocks restart with (select coalesce(max(id), 0) + 1 from stored_document);
alter table stored_document alter column id drop identity;
alter table stored_document alter column id set default next value for stored_document_id_blocks;

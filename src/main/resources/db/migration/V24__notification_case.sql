-- A notification sent while a case was at work names that case, so the case's story shows it.
alter table notification add column process_instance_id varchar(64);
create index notification_case_idx on notification (process_instance_id);

-- A case knows its record: delegates find the launch plan or dossier by its process instance.
-- One record per case; records not yet linked (null) are not constrained.
create unique index launch_plan_process_instance_uq on launch_plan (process_instance_id);
create unique index dossier_process_instance_uq on dossier (process_instance_id);

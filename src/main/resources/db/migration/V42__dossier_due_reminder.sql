-- When the Board is reminded that a dossier's 25-working-day limit is near (issue 12, twentieth pass): kept with
-- the dossier beside due_at, so that the award-dossier diagram's timers and the Board's task read both from the
-- case's own record instead of two process variables written at every confirmation and deleted at every case end.
alter table dossier add column due_reminder_at timestamp with time zone;

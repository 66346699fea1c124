-- Danh sách hồ sơ theo trạng thái (GET /api/dossiers?status=…; issue 12): the Board's list of dossiers waiting
-- for the council is read by status from the database instead of reading every dossier of every year.
create index if not exists dossier_status_idx on dossier (status);

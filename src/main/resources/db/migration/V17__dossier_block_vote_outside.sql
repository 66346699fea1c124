-- Cờ thi đua: the Board's declaration that the block's vote (bình xét, suy tôn) was held outside the
-- system, with the block's minutes (BIEN_BAN_KHOI) attached to the dossier: who declared it, when, and what.
alter table dossier add column outside_vote_declared_by varchar(64);
alter table dossier add column outside_vote_declared_at timestamp with time zone;
alter table dossier add column outside_vote_note varchar(4000);

-- Tra cứu theo tên người được đề nghị (issue 12, twenty-third pass): the nominee's name in lower case, kept by the
-- database beside the name (a generated column), as on PostgreSQL (see db/vendor/postgresql/V43), so that the
-- audit search's SQL is the same on both.
alter table dossier add column if not exists nominee_name_lower varchar(255)
    generated always as (lower(nominee_name));

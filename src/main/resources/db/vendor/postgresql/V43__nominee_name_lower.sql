-- Tra cứu theo tên người được đề nghị (issue 12, twenty-third pass): the nominee's name in lower case, kept by the
-- database beside the name (a stored generated column), so the audit search compares it as it is instead of
-- computing lower() of every candidate name at each search. With 100,000 finished dossiers the count of a
-- common name ("Thị", a third of them) spent about 60% of its time in lower() (22nd pass: 17 ms with it,
-- 7.5 ms without, at 30,000). The trigram index (V35) moves to the column; the one on the expression goes.
alter table dossier add column if not exists nominee_name_lower varchar(255)
    generated always as (lower(nominee_name)) stored;

do $$
begin
    if exists (select 1 from pg_opclass where opcname = 'gin_trgm_ops') then
        execute 'create index if not exists dossier_nominee_lower_trgm_idx on dossier using gin (nominee_name_lower gin_trgm_ops)';
    end if;
end;
$$;

drop index if exists dossier_nominee_trgm_idx;

-- Tra cứu theo tên người được đề nghị (issue 12): the audit search matches a nominee by substring
-- (lower(nominee_name) like '%…%', CaseBranches), which no B-tree serves: with 100,000 finished dossiers
-- every search read the whole dossier table (145 ms to count the 29,460 dossiers of "Thị"; a full name,
-- the whole table for a handful). A trigram GIN index on the same expression serves any substring of 3
-- letters or more, and its statistics give the planner the true share of matches (53 ms for "Thị").
-- PostgreSQL only (H2 has no trigram index; the search is the same SQL there, unindexed).
--
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner may create it without
-- being a superuser. If the account may not (not the owner, or an older server), the migration goes on
-- without the index (a notice in the server's log) and the search stays correct, only slower; an
-- administrator can later run: create extension pg_trgm; then the create index below.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege or undefined_file then
    raise notice 'pg_trgm không tạo được (%): tra cứu theo tên chạy không có chỉ mục trigram', sqlerrm;
end;
$$;

do $$
begin
    if exists (select 1 from pg_opclass where opcname = 'gin_trgm_ops') then
        execute 'create index if not exists dossier_nominee_trgm_idx on dossier using gin (lower(nominee_name) gin_trgm_ops)';
    end if;
end;
$$;

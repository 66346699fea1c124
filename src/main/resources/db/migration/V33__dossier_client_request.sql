-- Idempotency of POST /api/dossiers (issue 13): a client that lost the answer to a proposal (a timeout, a node
-- that crashed after committing) sends it again with the same Idempotency-Key header and gets the dossier its
-- first request created, never a second dossier for the same proposal. Unique per proposing official; rows
-- without a key (Tasklist, older clients) are not constrained (NULLs are distinct on H2 and PostgreSQL).
alter table dossier add column client_request_id varchar(64);
create unique index dossier_client_request_uq on dossier (created_by, client_request_id);

-- Work that every node runs on its own schedule (Spring @Scheduled, start-up checks) and that must take effect
-- once across all nodes on this database: a node takes the row of its task FOR UPDATE before it checks and
-- writes, so a second node waits and then sees what the first wrote (issue 13, several nodes).
create table node_task_lock (
    name varchar(64) primary key
);
insert into node_task_lock (name) values ('calendar-year-check');

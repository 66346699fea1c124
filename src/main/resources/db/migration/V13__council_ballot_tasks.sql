-- Whose ballot each voting task is: recorded by the system when it creates the task, so that a
-- completion names the member from here and never from a variable the client could overwrite.
create table council_ballot_task (
    task_id     varchar(64)  primary key,
    session_id  bigint       not null references council_session (id),
    member_id   varchar(64)  not null,
    constraint council_ballot_task_uq unique (session_id, member_id)
);

-- A case knows its session: one session per process instance.
create unique index council_session_case_uq on council_session (process_instance_id);

-- Members' comments and the notes of the standing body and the Chairman: 3,000-character texts
-- fit (4,000 like the engine's text variables, through which the notes travel).
alter table council_vote alter column comment set data type varchar(4000);
alter table council_session alter column submission_note set data type varchar(4000);
alter table council_session alter column chairman_note set data type varchar(4000);

-- A council session always closes: voting has a due date; the standing body may close voting
-- while ballots are missing (who closed and when); members who did not vote are recorded as
-- absent; a session below quorum is adjourned with the standing body's reason.
alter table council_session add column voting_due_at timestamp with time zone;
alter table council_session add column voting_closed_by varchar(64);
alter table council_session add column voting_closed_at timestamp with time zone;
alter table council_session add column adjourn_reason varchar(4000);
alter table council_session add column adjourned_by varchar(64);
alter table council_session add column adjourned_at timestamp with time zone;

-- Thành viên vắng mặt: members without a ballot (in person or written) when voting closed.
create table council_session_absence (
    session_id  bigint      not null references council_session (id),
    member_id   varchar(64) not null,
    primary key (session_id, member_id)
);

-- Thư điện tử thông báo: officials' addresses, mail delivery of notifications, per-user read state.

-- The official's work address (demo officials get obviously fake ones); empty means no mail.
alter table official add column email varchar(254);

-- A notification may go to one person (the assignee of a new task) and may name the task it announces.
alter table notification add column recipient_user varchar(64);
alter table notification add column task_id varchar(64);
-- Set once the mail has left: a retried delivery job never sends it twice. mail_recipients counts the addresses.
alter table notification add column mailed_at timestamp with time zone;
alter table notification add column mail_recipients integer;
create index notification_group_idx on notification (recipient_group);
create index notification_user_idx on notification (recipient_user);

-- Đã đọc: who has read which notification (a unit's notification is read by each of its people on their own).
create table notification_read (
    notification_id bigint      not null references notification (id),
    username        varchar(64) not null,
    read_at         timestamp with time zone not null,
    primary key (notification_id, username)
);
create index notification_read_user_idx on notification_read (username);

-- Notifications may also go to a role group (e.g. the Board's time-limit reminders).
alter table notification alter column unit_id drop not null;
alter table notification add column recipient_group varchar(64);

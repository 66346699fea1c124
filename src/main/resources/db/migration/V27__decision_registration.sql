-- The documents the office signs: when the standing body submitted (tờ trình's date), who approved
-- as Chairman and when (the signing date cannot precede it), and the Chairman's office (văn thư)
-- registering the decision (vào số) with the signed scan attached.
alter table council_session add column submitted_at timestamp with time zone;
alter table council_session add column chairman_decided_by varchar(64);
alter table council_session add column chairman_decided_at timestamp with time zone;

alter table decision add column scan_document_id bigint references stored_document (id);
alter table decision add column registered_by varchar(64);
alter table decision add column registered_at timestamp with time zone;

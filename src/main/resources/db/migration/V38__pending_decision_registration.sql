-- Vào số nhanh (issue 12): the văn thư's registration of a council session's decision is recorded here as the
-- task completes (number, signing date, signed scan, who and when), in the văn thư's own short transaction; the
-- decision itself (awardees, every dossier's result, its document's case) is issued afterwards by a job of the
-- session ("Ban hành quyết định khen thưởng", asyncBefore), which reads this row by the session of its own case.
-- One row per session; it stays as the record of who registered (the decision names the same văn thư).
create table council_decision_registration (
    session_id       bigint primary key references council_session (id),
    decision_number  int not null,
    signed_on        date not null,
    scan_document_id bigint references stored_document (id),
    registered_by    varchar(64) not null,
    registered_at    timestamp with time zone not null
);
create index council_decision_registration_scan_idx on council_decision_registration (scan_document_id);

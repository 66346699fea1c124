-- Sổ niêm phong, compact: one sealed block per case and transaction instead of one audit_ledger row
-- per item. The block's items (item reference, settled flag, SHA-256 of the content in binary, label)
-- are encoded in one value (see SealBlocks); the previous hash is not stored, it is the previous
-- block's (or, after an upgrade, the last audit_ledger entry's) hash. seal_hash covers the previous
-- hash, the case, seq, the time and the items' bytes. Chains continue in seq order from audit_ledger,
-- which keeps its rows and is no longer written; audit_ledger_head stays each chain's tip and lock.
-- Appended only (the vendor migration V37 refuses updates and deletes on PostgreSQL).
create table audit_seal (
    case_id    varchar(64) not null,
    seq        int         not null,
    sealed_at  timestamp with time zone not null,
    items      ${binary_type} not null,
    seal_hash  ${binary_type} not null,
    constraint audit_seal_pk primary key (case_id, seq)
);

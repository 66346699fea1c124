-- The compact ledger is append-only like audit_ledger (V22): the database refuses to change or remove
-- a block, so rewriting history needs a superuser who disables the trigger.
create or replace function audit_seal_refuse_change() returns trigger as $$
begin
    raise exception 'audit_seal is append-only';
end;
$$ language plpgsql;

create trigger audit_seal_append_only
    before update or delete on audit_seal
    for each row execute function audit_seal_refuse_change();

create trigger audit_seal_no_truncate
    before truncate on audit_seal
    for each statement execute function audit_seal_refuse_change();

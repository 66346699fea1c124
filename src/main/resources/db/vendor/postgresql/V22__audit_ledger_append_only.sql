-- The ledger is append-only for every account the application uses: the database refuses to
-- change or remove an entry, so rewriting history needs a superuser who disables the trigger.
create or replace function audit_ledger_refuse_change() returns trigger as $$
begin
    raise exception 'audit_ledger is append-only';
end;
$$ language plpgsql;

create trigger audit_ledger_append_only
    before update or delete on audit_ledger
    for each row execute function audit_ledger_refuse_change();

create trigger audit_ledger_no_truncate
    before truncate on audit_ledger
    for each statement execute function audit_ledger_refuse_change();

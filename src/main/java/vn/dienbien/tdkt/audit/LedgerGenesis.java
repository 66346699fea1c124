package vn.dienbien.tdkt.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.platform.StartupOrder;

/**
 * A database that held cases before the ledger existed (an upgrade): each such case is sealed once,
 * as it stands at start-up, so from then on any change around the application shows. Every case
 * started since is sealed by the transaction that started it, so on a new database this does nothing.
 */
@Component
@Order(StartupOrder.SEAL_EARLIER_CASES)
class LedgerGenesis implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LedgerGenesis.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final CaseLedger ledger;
    private final TransactionTemplate transactions;

    LedgerGenesis(JdbcTemplate jdbc, CaseLedger ledger, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = 0;
        while (true) {
            List<String> unsealed = jdbc.queryForList("select p.ID_ from ACT_HI_PROCINST p where not exists"
                    + " (select 1 from audit_ledger_head h where h.case_id = p.ID_) order by p.ID_ fetch first "
                    + BATCH + " rows only", String.class);
            if (unsealed.isEmpty()) {
                break;
            }
            transactions.executeWithoutResult(status -> ledger.seal(unsealed));
            sealed += unsealed.size();
            if (unsealed.size() < BATCH) {
                break;
            }
        }
        if (sealed > 0) {
            log.info("Sổ niêm phong: đã niêm phong lần đầu {} vụ việc có từ trước.", sealed);
        }
    }
}

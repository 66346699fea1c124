package vn.dienbien.tdkt.decision;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Creates a year's decision counter once, in its own transaction, tolerating a concurrent creator. */
@Component
class DecisionCounterInitializer {

    private final JdbcTemplate jdbc;

    DecisionCounterInitializer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensure(int year) {
        Integer existing = jdbc.queryForObject(
                "select count(*) from decision_number_counter where counter_year = ?", Integer.class, year);
        if (existing != null && existing > 0) {
            return;
        }
        try {
            jdbc.update("insert into decision_number_counter (counter_year, last_number) values (?, 0)", year);
        } catch (DataIntegrityViolationException alreadyCreatedByAnotherTransaction) {
            // The other transaction's row serves as well; PostgreSQL has aborted this one.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
    }
}

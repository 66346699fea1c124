package vn.dienbien.tdkt.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the cases a transaction touched — from the engine's history events and from our records —
 * and seals them just before it commits, in that same transaction: a change and its seal commit or
 * roll back together. Outside a transaction nothing is collected (nothing is written there either).
 */
@Component
class LedgerSealing {

    /** Which record of ours a change was made to; resolved to cases before commit. */
    record RecordChange(String entity, Object id, String processInstanceId, Long dossierId, Long sessionId,
            Long roundId, Long launchPlanId, Long decisionId) {
    }

    private final CaseLedger ledger;
    private final JdbcTemplate jdbc;
    private final EntityManagerFactory entityManagerFactory;

    LedgerSealing(CaseLedger ledger, JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** A case whose engine history changed in this transaction. */
    void caseChanged(String processInstanceId) {
        Pending pending = pending();
        if (pending != null && processInstanceId != null) {
            pending.cases.add(processInstanceId);
        }
    }

    /** One of our records changed in this transaction. */
    void recordChanged(RecordChange change) {
        Pending pending = pending();
        if (pending != null) {
            pending.records.add(change);
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** The cases a record belongs to: its own, and the dossier's and session's it refers to. */
    private Set<String> casesOf(RecordChange change) {
        Set<String> cases = new LinkedHashSet<>();
        if (change.processInstanceId() != null) {
            cases.add(change.processInstanceId());
        }
        add(cases, "select process_instance_id from dossier where id = ?", change.dossierId());
        add(cases, "select process_instance_id from council_session where id = ?", change.sessionId());
        add(cases, "select process_instance_id from evaluation_round where id = ?", change.roundId());
        add(cases, "select process_instance_id from launch_plan where id = ?", change.launchPlanId());
        if (change.decisionId() != null) {
            // Decision numbers restart each year: a decision reaches its cases through the dossiers it lists.
            cases.addAll(jdbc.queryForList("select distinct s.process_instance_id from decision_awardee a"
                    + " join decision x on x.id = a.decision_id join council_session_dossier sd on sd.dossier_id = a.dossier_id"
                    + " join council_session s on s.id = sd.session_id and s.decision_code = x.code"
                    + " where x.id = ? and s.process_instance_id is not null", String.class, change.decisionId()));
            cases.addAll(jdbc.queryForList("select d.process_instance_id from decision_awardee a"
                    + " join dossier d on d.id = a.dossier_id where a.decision_id = ? and d.process_instance_id is not null",
                    String.class, change.decisionId()));
        }
        return cases;
    }

    private void add(Set<String> cases, String sql, Long id) {
        if (id != null) {
            List<String> found = jdbc.queryForList(sql, String.class, id);
            found.stream().filter(java.util.Objects::nonNull).forEach(cases::add);
        }
    }

    /** This transaction's touched cases; registered once per transaction. */
    private final class Pending implements TransactionSynchronization {
        private final Set<String> cases = new LinkedHashSet<>();
        private final Set<RecordChange> records = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            // Our records reach the database at the flush; the engine flushed its own at command end.
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
            if (entityManager != null) {
                entityManager.flush();
            }
            Set<String> all = new LinkedHashSet<>(cases);
            for (RecordChange change : records) {
                all.addAll(casesOf(change));
            }
            if (!all.isEmpty()) {
                ledger.seal(all);
            }
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}

package vn.dienbien.tdkt.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dienbien.tdkt.platform.BoundedMemory;

/**
 * Collects the cases a transaction touched — from the engine's history events and from our records —
 * and what it wrote of each (which history tables, which of our tables), and seals them just before it
 * commits, in that same transaction: a change and its seal commit or roll back together. Only the
 * sources those writes can change are read again. Outside a transaction nothing is collected (nothing
 * is written there either).
 */
@Component
class LedgerSealing {

    /**
     * Which record of ours a change was made to, and the tables written (lower case; null when not
     * known: every source of ours is read again); resolved to cases before commit.
     */
    record RecordChange(String entity, Object id, String processInstanceId, Long dossierId, Long sessionId,
            Long roundId, Long launchPlanId, Long decisionId, Long reportingRoundId, Set<String> tables) {
    }

    static final String DOSSIER_CASE = "select process_instance_id from dossier where id = ?";
    static final String SESSION_CASE = "select process_instance_id from council_session where id = ?";

    private final CaseLedger ledger;
    private final JdbcTemplate jdbc;
    private final CaseLinks caseLinks;
    private final EntityManagerFactory entityManagerFactory;

    LedgerSealing(CaseLedger ledger, JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.caseLinks = new CaseLinks(jdbc, CaseLinks.CAPACITY);
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * A case whose engine history changed in this transaction: in this table (null: in any), at this row as
     * {@link CaseItems#ROW_KEY} names it (null: at any row of the table).
     */
    void historyChanged(String processInstanceId, String table, String rowKey) {
        Pending pending = pending();
        if (pending != null && processInstanceId != null) {
            pending.dirty(processInstanceId).engine(table, rowKey);
        }
    }

    /** Rows of these tables of ours (lower case; null: any) written for this case by plain SQL. */
    void recordsWritten(String caseId, Set<String> tables) {
        Pending pending = pending();
        if (pending != null && caseId != null) {
            pending.dirty(caseId).records(tables);
        }
    }

    /**
     * One of our records will be written in this transaction, perhaps only at the commit's flush: the
     * transaction joins the ledger now (see {@link RecordChangeListener#onPersist}).
     */
    void recordComing() {
        pending();
    }

    /** One of our records changed in this transaction. */
    void recordChanged(RecordChange change) {
        Pending pending = pending();
        if (pending != null) {
            pending.records.add(change);
        }
    }

    /** The cases this transaction will seal so far (none outside a transaction, or before its first change). */
    Set<String> pendingCases() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        return pending == null ? Set.of() : Set.copyOf(pending.cases.keySet());
    }

    /**
     * This transaction's pending seal, registered at its first change. Found again as a resource of the
     * transaction (a look-up in a map), not by going through its synchronizations: Spring sorts and copies
     * them at every call, and this is asked at every history event of the engine (issue 12, twenty-third pass).
     */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
            TransactionSynchronizationManager.bindResource(this, pending);
        }
        return pending;
    }

    /**
     * The cases a record belongs to: its own, and the dossier's and session's it refers to. {@code known} holds
     * this transaction's answers (a step writes several records of one dossier or session: asked once).
     */
    private Set<String> casesOf(RecordChange change, Map<String, List<String>> known) {
        Set<String> cases = new LinkedHashSet<>();
        if (change.processInstanceId() != null) {
            cases.add(change.processInstanceId());
        }
        addLinked(cases, known, DOSSIER_CASE, change.dossierId());
        addLinked(cases, known, SESSION_CASE, change.sessionId());
        add(cases, known, "select process_instance_id from evaluation_round where id = ?", change.roundId());
        add(cases, known, "select process_instance_id from launch_plan where id = ?", change.launchPlanId());
        // Read by every launch plan sent for the round (CaseItems: reporting_round of a launch plan).
        add(cases, known, "select process_instance_id from launch_plan where round_id = ?"
                + " and process_instance_id is not null", change.reportingRoundId());
        // Decision numbers restart each year: a decision reaches its cases through the dossiers it lists.
        add(cases, known, "select distinct s.process_instance_id from decision_awardee a"
                + " join decision x on x.id = a.decision_id join council_session_dossier sd on sd.dossier_id = a.dossier_id"
                + " join council_session s on s.id = sd.session_id and s.decision_code = x.code"
                + " where x.id = ? and s.process_instance_id is not null", change.decisionId());
        add(cases, known, "select d.process_instance_id from decision_awardee a"
                + " join dossier d on d.id = a.dossier_id where a.decision_id = ? and d.process_instance_id is not null",
                change.decisionId());
        return cases;
    }

    /** The cases {@code sql} finds for {@code id}, asked once per transaction (all records are flushed by then). */
    private void add(Set<String> cases, Map<String, List<String>> known, String sql, Long id) {
        if (id != null) {
            List<String> found = known.computeIfAbsent(id + "|" + sql, k -> jdbc.queryForList(sql, String.class, id));
            found.stream().filter(java.util.Objects::nonNull).forEach(cases::add);
        }
    }

    /** As {@link #add}, for a record whose link to its case never changes once made (see {@link CaseLinks}). */
    private void addLinked(Set<String> cases, Map<String, List<String>> known, String sql, Long id) {
        if (id != null) {
            known.computeIfAbsent(id + "|" + sql, k -> caseLinks.find(sql, id)).stream()
                    .filter(java.util.Objects::nonNull).forEach(cases::add);
        }
    }

    /**
     * A dossier's and a council session's case, once linked, never change (attachCase is called once, when the
     * case starts, in the transaction that creates the record; ids are never reused): remembered across
     * transactions, so the steps of a case no longer ask for it in each (about 16 statements per awarded dossier
     * in the province benchmark, issue 12). Only a linked case is remembered; bounded, the oldest forgotten.
     */
    static final class CaseLinks {
        static final int CAPACITY = 20_000;
        private final JdbcTemplate jdbc;
        private final BoundedMemory<String, String> linked;

        CaseLinks(JdbcTemplate jdbc, int capacity) {
            this.jdbc = jdbc;
            this.linked = new BoundedMemory<>(capacity);
        }

        /** What {@code sql} finds for {@code id}; a single linked case is remembered and not asked again. */
        List<String> find(String sql, Long id) {
            String key = id + "|" + sql;
            String remembered = linked.get(key);
            if (remembered != null) {
                return List.of(remembered);
            }
            List<String> found = jdbc.queryForList(sql, String.class, id);
            if (found.size() == 1 && found.get(0) != null) {
                linked.put(key, found.get(0));
            }
            return found;
        }

        /**
         * A dossier or session written in this transaction with its case names that case itself: the link its own
         * row holds, as the query would read it after the flush (asked once per dossier until the twenty-third pass,
         * in the proposal that links it).
         */
        void learn(RecordChange change) {
            if (change.processInstanceId() == null || !(change.id() instanceof Long id)) {
                return;
            }
            switch (change.entity()) {
                case "Dossier" -> linked.put(id + "|" + DOSSIER_CASE, change.processInstanceId());
                case "CouncilSession" -> linked.put(id + "|" + SESSION_CASE, change.processInstanceId());
                default -> { }
            }
        }

        int size() {
            return linked.size();
        }
    }

    /**
     * What a transaction wrote of one case: engine tables and tables of ours; null for all. Of an engine
     * table, also the rows its history events named; a table in {@code whole} is read whole (an event named
     * no row, or the table is the process instance's, of one row).
     */
    private static final class Dirty {
        private Set<String> engine = new HashSet<>();
        private Set<String> records = new HashSet<>();
        private final Map<String, Set<String>> rows = new HashMap<>();
        private final Set<String> whole = new HashSet<>();

        void engine(String table, String rowKey) {
            if (table == null) {
                engine = null;
                return;
            }
            if (engine == null) {
                return;
            }
            engine.add(table);
            rows(table, rowKey);
            if (CaseItems.TASK.equals(table)) {
                rows(CaseItems.IDENTITY_LINK, rowKey); // its links are read with it (see CaseItems.Scope)
            }
        }

        private void rows(String table, String rowKey) {
            if (whole.contains(table)) {
                return;
            }
            if (rowKey == null || !CaseItems.ROW_KEY.containsKey(table)) {
                whole.add(table);
                rows.remove(table);
            } else {
                rows.computeIfAbsent(table, t -> new HashSet<>()).add(rowKey);
            }
        }

        void records(Set<String> tables) {
            if (tables == null) {
                records = null;
            } else if (records != null) {
                records.addAll(tables);
            }
        }

        CaseItems.Scope scope() {
            return new CaseItems.Scope(engine, records, engine == null ? Map.of() : rows);
        }
    }

    /** This transaction's touched cases; registered once per transaction. */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, Dirty> cases = new LinkedHashMap<>();
        private final Set<RecordChange> records = new LinkedHashSet<>();

        Dirty dirty(String caseId) {
            return cases.computeIfAbsent(caseId, id -> new Dirty());
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Our records reach the database at the flush; the engine flushed its own at command end.
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
            if (entityManager != null) {
                entityManager.flush();
            }
            records.forEach(caseLinks::learn);
            Map<String, List<String>> known = new java.util.HashMap<>();
            for (RecordChange change : records) {
                for (String caseId : casesOf(change, known)) {
                    dirty(caseId).records(change.tables());
                }
            }
            if (!cases.isEmpty()) {
                Map<String, CaseItems.Scope> scopes = new LinkedHashMap<>();
                cases.forEach((caseId, dirty) -> scopes.put(caseId, dirty.scope()));
                ledger.seal(scopes);
            }
        }

        // Bound while its transaction runs: a transaction started inside it (REQUIRES_NEW) suspends it and
        // gets a pending seal of its own, as Spring's own resource holders do.
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(LedgerSealing.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(LedgerSealing.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LedgerSealing.this);
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}

package vn.dienbien.tdkt.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.BoundedMemory;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Every recorded fact of one case, read by SQL from the engine's history tables and from our own:
 * the same reading seals a case and verifies it, so a fingerprint differs only when the stored
 * content does. Only the columns named here count; presentation (people's names) is looked up apart.
 */
@Component
class CaseItems {

    /** What kind of case a process is, by its definition key. */
    enum Kind {
        LAUNCH_PLAN("Kế hoạch phát động"), DOSSIER("Hồ sơ khen thưởng"), COUNCIL_SESSION("Phiên họp Hội đồng"),
        EVALUATION("Đánh giá, bình xét"), REVIEW("Sơ kết, tổng kết"), REVOCATION("Thu hồi, hủy bỏ khen thưởng"),
        OTHER("Quy trình");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind of(String definitionKey) {
            if (definitionKey == null) {
                return OTHER;
            }
            return switch (definitionKey) {
                case WorkflowKeys.LAUNCH_PLAN -> LAUNCH_PLAN;
                case WorkflowKeys.AWARD_DOSSIER -> DOSSIER;
                case WorkflowKeys.COUNCIL_SESSION -> COUNCIL_SESSION;
                case WorkflowKeys.YEARLY_EVALUATION, WorkflowKeys.EVALUATION_CYCLE -> EVALUATION;
                case WorkflowKeys.CAMPAIGN_REVIEW -> REVIEW;
                case WorkflowKeys.AWARD_REVOCATION -> REVOCATION;
                default -> OTHER;
            };
        }
    }

    /**
     * A query of one kind of fact; {@code key} names the columns that identify a row, {@code table}
     * prefixes its items' references; {@code reads}, the tables its SQL reads (lower case), says which
     * writes can change its items.
     */
    private record Source(String table, String sql, List<String> key, Predicate<Map<String, Object>> settled,
            Function<Map<String, Object>, String> label, Set<String> reads) {

        Source(String table, String sql, List<String> key, Predicate<Map<String, Object>> settled,
                Function<Map<String, Object>, String> label) {
            this(table, sql, key, settled, label, tablesRead(sql));
        }
    }

    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|join)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private static Set<String> tablesRead(String sql) {
        Set<String> tables = new HashSet<>();
        var matcher = TABLE.matcher(sql);
        while (matcher.find()) {
            tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(tables);
    }

    /**
     * Which of a case's sources one sealing re-reads: the engine's history tables the transaction wrote
     * for it (null: all), the tables of ours it wrote (null: all); everything when both are null.
     * {@code engineRows} narrows an engine table to the rows the transaction's history events named (by
     * {@link #ROW_KEY}; identity links by their task); a table not in it is read whole for the case.
     */
    record Scope(Set<String> engine, Set<String> records, Map<String, Set<String>> engineRows) {

        static final Scope ALL = new Scope(null, null);

        Scope(Set<String> engine, Set<String> records) {
            this(engine, records, Map.of());
        }

        boolean readsEngine(String table) {
            // Identity links are read through their tasks and written with them.
            return engine == null || engine.contains(table)
                    || (IDENTITY_LINK.equals(table) && engine.contains(TASK));
        }

        /** The rows of this engine table to read again, or null for all of the case's. */
        Set<String> engineRows(String table) {
            return engine == null || engineRows == null ? null : engineRows.get(table);
        }

        boolean readsRecords(Set<String> tables) {
            if (records == null) {
                return true;
            }
            for (String table : tables) {
                if (records.contains(table)) {
                    return true;
                }
            }
            return false;
        }

        /** A document joins a case through a link (an attachment, a scan, minutes, evidence). */
        boolean readsDocuments() {
            return readsRecords(DOCUMENT_LINKS);
        }
    }

    private static final Set<String> DOCUMENT_LINKS = Set.of("dossier_document", "launch_plan_submission",
            "decision", "block_result", "award_revocation", "stored_document", "council_session");

    /** The items read, and the reference prefixes (sources) that were read in full. */
    record Reading(List<CaseItem> items, Set<String> sources) {

        boolean covers(String ref) {
            int colon = ref.indexOf(':');
            return colon > 0 && sources.contains(ref.substring(0, colon));
        }
    }

    private static final Predicate<Map<String, Object>> ALWAYS = row -> true;
    private static final Predicate<Map<String, Object>> NEVER = row -> false;

    private static Predicate<Map<String, Object>> whenSet(String column) {
        return row -> row.get(column) != null;
    }

    private static Function<Map<String, Object>, String> text(String prefix, String column) {
        return row -> prefix + (row.get(column) == null ? "" : ": " + row.get(column));
    }

    static final String PROCESS = "ACT_HI_PROCINST";
    static final String ACTIVITY = "ACT_HI_ACTINST";
    static final String TASK = "ACT_HI_TASKINST";
    static final String IDENTITY_LINK = "ACT_HI_IDENTITYLINK";
    static final String DETAIL = "ACT_HI_DETAIL";
    static final String OPERATION = "ACT_HI_OP_LOG";
    static final String INCIDENT = "ACT_HI_INCIDENT";
    static final String JOB = "ACT_HI_JOB_LOG";

    private static final List<Source> ENGINE = List.of(
            new Source(PROCESS, "select ID_, BUSINESS_KEY_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_,"
                    + " START_USER_ID_, START_ACT_ID_, END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_, DELETE_REASON_, STATE_"
                    + " from ACT_HI_PROCINST where ID_ = ?", List.of("ID_"), whenSet("END_TIME_"),
                    row -> "Vụ việc " + row.get("PROC_DEF_KEY_")),
            new Source(ACTIVITY, "select ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, TASK_ID_, CALL_PROC_INST_ID_, ASSIGNEE_,"
                    + " START_TIME_, END_TIME_, ACT_INST_STATE_, PARENT_ACT_INST_ID_, EXECUTION_ID_"
                    + " from ACT_HI_ACTINST where PROC_INST_ID_ = ?", List.of("ID_"), whenSet("END_TIME_"),
                    row -> "Bước " + (row.get("ACT_NAME_") != null ? row.get("ACT_NAME_") : row.get("ACT_ID_"))),
            new Source(TASK, "select ID_, TASK_DEF_KEY_, NAME_, DESCRIPTION_, OWNER_, ASSIGNEE_, START_TIME_, END_TIME_,"
                    + " DELETE_REASON_, DUE_DATE_, FOLLOW_UP_DATE_, PRIORITY_"
                    + " from ACT_HI_TASKINST where PROC_INST_ID_ = ?", List.of("ID_"), whenSet("END_TIME_"),
                    text("Nhiệm vụ", "NAME_")),
            new Source(IDENTITY_LINK, "select l.ID_, l.TIMESTAMP_, l.TYPE_, l.USER_ID_, l.GROUP_ID_, l.TASK_ID_,"
                    + " l.OPERATION_TYPE_, l.ASSIGNER_ID_ from ACT_HI_IDENTITYLINK l"
                    + " join ACT_HI_TASKINST t on t.ID_ = l.TASK_ID_ where t.PROC_INST_ID_ = ?", List.of("ID_"), ALWAYS,
                    row -> "Phân công " + row.get("TYPE_")),
            new Source(DETAIL, "select ID_, TYPE_, NAME_, VAR_TYPE_, REV_, TIME_, TASK_ID_, ACT_INST_ID_, EXECUTION_ID_,"
                    + " VAR_INST_ID_, OPERATION_ID_, BYTEARRAY_ID_, DOUBLE_, LONG_, TEXT_, TEXT2_, SEQUENCE_COUNTER_"
                    + " from ACT_HI_DETAIL where PROC_INST_ID_ = ?", List.of("ID_"), ALWAYS, text("Dữ liệu", "NAME_")),
            new Source(OPERATION, "select ID_, OPERATION_ID_, OPERATION_TYPE_, ENTITY_TYPE_, PROPERTY_, ORG_VALUE_,"
                    + " NEW_VALUE_, USER_ID_, TIMESTAMP_, TASK_ID_, JOB_ID_, CATEGORY_"
                    + " from ACT_HI_OP_LOG where PROC_INST_ID_ = ?", List.of("ID_"), ALWAYS,
                    text("Thao tác", "OPERATION_TYPE_")),
            new Source(INCIDENT, "select ID_, CREATE_TIME_, END_TIME_, INCIDENT_MSG_, INCIDENT_TYPE_, ACTIVITY_ID_,"
                    + " FAILED_ACTIVITY_ID_, INCIDENT_STATE_, CONFIGURATION_"
                    + " from ACT_HI_INCIDENT where PROC_INST_ID_ = ?", List.of("ID_"), whenSet("END_TIME_"),
                    text("Sự cố", "INCIDENT_TYPE_")),
            new Source(JOB, "select ID_, TIMESTAMP_, JOB_ID_, JOB_DUEDATE_, JOB_RETRIES_, JOB_EXCEPTION_MSG_, JOB_STATE_,"
                    + " JOB_DEF_TYPE_, JOB_DEF_CONFIGURATION_, ACT_ID_, FAILED_ACT_ID_, HOSTNAME_"
                    + " from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?", List.of("ID_"), ALWAYS,
                    text("Công việc tự động", "JOB_DEF_TYPE_")));

    static final String COMMENT = "case_comment";
    static final String NOTIFICATION = "notification";
    static final String DOCUMENT = "stored_document";
    static final String MIGRATION = "process_migration_case";
    static final String MIGRATION_MAPPING = "process_migration_mapping";

    private static final Source COMMENTS = new Source(COMMENT,
            "select id, case_id, author, body, created_at from case_comment where case_id = ?", List.of("id"), ALWAYS,
            row -> "Ý kiến giám sát của " + row.get("author"));

    private static final Source NOTIFICATIONS = new Source(NOTIFICATION,
            "select id, unit_id, recipient_group, kind, subject, body, created_at, process_instance_id from notification"
                    + " where process_instance_id = ?", List.of("id"), ALWAYS, text("Thông báo", "kind"));

    /** Chuyển phiên bản: an administrator moved the case to a newer version of its process (migration module). */
    private static final Source MIGRATIONS = new Source(MIGRATION, "select c.migration_id, c.process_instance_id,"
            + " m.process_key, m.source_definition_id, m.source_version, m.target_definition_id, m.target_version,"
            + " m.migrated_by, m.migrated_at from process_migration_case c join process_migration m"
            + " on m.id = c.migration_id where c.process_instance_id = ?", List.of("migration_id"), ALWAYS,
            row -> "Chuyển sang phiên bản " + row.get("target_version") + " của quy trình");
    private static final Source MIGRATION_MAPPINGS = new Source(MIGRATION_MAPPING, "select mm.migration_id, mm.seq,"
            + " mm.source_activity_id, mm.target_activity_id, mm.explicit from process_migration_mapping mm"
            + " join process_migration_case c on c.migration_id = mm.migration_id where c.process_instance_id = ?",
            List.of("migration_id", "seq"), ALWAYS, text("Ánh xạ bước", "source_activity_id"));

    private static final String REVOCATION_COLUMNS = "select id, dossier_id, decision_id, kind, reason,"
            + " evidence_document_id, status, requested_by, requested_at, process_instance_id, checked_by, checked_at,"
            + " check_note, decided_by, decided_at, decision_note, annulment_id from award_revocation";
    private static final String ANNULMENT_COLUMNS = "select id, dossier_id, decision_id, kind, reason, number_value,"
            + " number_year, code, signed_on, signer, decided_by, decided_at, process_instance_id from award_annulment";
    /** A dossier's story shows the requests to revoke its award and the annulment decision, if any. */
    private static final Source REVOCATION_REQUEST_OF_DOSSIER = new Source("award_revocation",
            REVOCATION_COLUMNS + " where dossier_id = ?", List.of("id"), NEVER,
            text("Đề nghị thu hồi, hủy bỏ", "kind"));
    private static final Source ANNULMENT_OF_DOSSIER = new Source("award_annulment",
            ANNULMENT_COLUMNS + " where dossier_id = ?", List.of("id"), ALWAYS, text("Quyết định thu hồi, hủy bỏ", "code"));

    private static final Map<Kind, List<Source>> RECORDS = Map.of(
            Kind.DOSSIER, List.of(
                    new Source("dossier", "select id, campaign_id, award_year, award_code, nominee_kind, nominee_name,"
                            + " gender, birth_year, position, work_unit, direct_worker, parent_unit, women_share_percent,"
                            + " household_address, nominee_unit_id, led_group_id, proposing_unit_id, achievement_summary,"
                            + " excellent_years, recognised_initiatives, under_discipline, under_investigation,"
                            + " open_complaint, block_vote_yes, block_vote_total, status, process_instance_id, created_by,"
                            + " created_at, outcome_reason, outside_vote_declared_by, outside_vote_declared_at,"
                            + " outside_vote_note from dossier where id = ?", List.of("id"), NEVER,
                            text("Hồ sơ", "nominee_name")),
                    new Source("dossier_status_history", "select id, dossier_id, status, actor, changed_at, reason"
                            + " from dossier_status_history where dossier_id = ?", List.of("id"), ALWAYS,
                            text("Trạng thái", "status")),
                    new Source("dossier_rule_result", "select id, dossier_id, round_no, rule_code, passed, reason,"
                            + " evaluated_at from dossier_rule_result where dossier_id = ?", List.of("id"), ALWAYS,
                            text("Điều kiện", "rule_code")),
                    new Source("dossier_document", "select dossier_id, document_type, document_id from dossier_document"
                            + " where dossier_id = ?", List.of("dossier_id", "document_type"), NEVER,
                            text("Thành phần hồ sơ", "document_type")),
                    new Source("council_session_dossier", "select session_id, dossier_id, yes_votes, no_votes,"
                            + " abstentions, conflicts, eligible_voters, passed, excluded_reason"
                            + " from council_session_dossier where dossier_id = ?", List.of("session_id", "dossier_id"),
                            NEVER, row -> "Kết quả biểu quyết"),
                    new Source("decision_awardee", "select a.decision_id, a.dossier_id, a.award_code, a.nominee_name,"
                            + " a.unit_name, d.code, d.title, d.signed_on, d.signer, d.issued_by, d.issued_at"
                            + " from decision_awardee a join decision d on d.id = a.decision_id where a.dossier_id = ?",
                            List.of("decision_id", "dossier_id"), ALWAYS, text("Quyết định", "code")),
                    REVOCATION_REQUEST_OF_DOSSIER, ANNULMENT_OF_DOSSIER),
            Kind.REVOCATION, List.of(
                    new Source("award_revocation", REVOCATION_COLUMNS + " where id = ?", List.of("id"), NEVER,
                            text("Đề nghị thu hồi, hủy bỏ", "kind")),
                    new Source("award_annulment", ANNULMENT_COLUMNS
                            + " where id in (select annulment_id from award_revocation where id = ?)", List.of("id"),
                            ALWAYS, text("Quyết định thu hồi, hủy bỏ", "code"))),
            Kind.COUNCIL_SESSION, List.of(
                    new Source("council_session", "select id, title, meeting_date, opened_by, opened_at, member_count,"
                            + " status, process_instance_id, submission_note, submitted_by, chairman_decision,"
                            + " chairman_note, decision_code, voting_due_at, voting_closed_by, voting_closed_at,"
                            + " adjourn_reason, adjourned_by, adjourned_at from council_session where id = ?",
                            List.of("id"), NEVER, text("Phiên họp", "title")),
                    // Kept apart from the row above so that sessions sealed before these columns existed
                    // keep their fingerprints: dated tờ trình and the Chairman's approval, by whom and when.
                    new Source("council_session_approval", "select id, submitted_at, chairman_decided_by,"
                            + " chairman_decided_at from council_session where id = ? and chairman_decided_at is not null",
                            List.of("id"), NEVER, text("Chủ tịch UBND tỉnh phê duyệt", "chairman_decided_by")),
                    new Source("council_session_member", "select session_id, member_id from council_session_member"
                            + " where session_id = ?", List.of("session_id", "member_id"), ALWAYS,
                            text("Thành viên", "member_id")),
                    new Source("council_session_absence", "select session_id, member_id from council_session_absence"
                            + " where session_id = ?", List.of("session_id", "member_id"), ALWAYS,
                            text("Vắng mặt", "member_id")),
                    new Source("council_session_dossier", "select session_id, dossier_id, yes_votes, no_votes,"
                            + " abstentions, conflicts, eligible_voters, passed, excluded_reason"
                            + " from council_session_dossier where session_id = ?", List.of("session_id", "dossier_id"),
                            NEVER, text("Hồ sơ trình Hội đồng", "dossier_id")),
                    new Source("council_vote", "select id, session_id, dossier_id, member_id, vote, comment,"
                            + " conflict_of_interest, written, recorded_by, recorded_at from council_vote"
                            + " where session_id = ?", List.of("id"), ALWAYS, text("Phiếu biểu quyết", "member_id")),
                    // Numbers restart each year: the session's decision is the one that lists its dossiers.
                    new Source("decision", "select d.id, d.number_value, d.number_year, d.code, d.title, d.signed_on,"
                            + " d.signer, d.issued_by, d.issued_at from decision d where exists (select 1"
                            + " from decision_awardee a join council_session_dossier sd on sd.dossier_id = a.dossier_id"
                            + " join council_session s on s.id = sd.session_id where a.decision_id = d.id and s.id = ?"
                            + " and s.decision_code = d.code)", List.of("id"), ALWAYS, text("Quyết định", "code")),
                    // Vào số by the văn thư, with the signed scan (its file is listed with the case's documents).
                    new Source("decision_registration", "select d.id, d.code, d.signed_on, d.scan_document_id,"
                            + " d.registered_by, d.registered_at from decision d join council_session s"
                            + " on s.decision_code = d.code where s.id = ? and d.registered_at is not null and exists"
                            + " (select 1 from decision_awardee a join council_session_dossier sd on sd.dossier_id ="
                            + " a.dossier_id where a.decision_id = d.id and sd.session_id = s.id)", List.of("id"), ALWAYS,
                            text("Văn thư vào số quyết định", "code")),
                    new Source("decision_awardee", "select a.decision_id, a.dossier_id, a.award_code, a.nominee_name,"
                            + " a.unit_name from decision_awardee a join decision d on d.id = a.decision_id"
                            + " join council_session_dossier sd on sd.dossier_id = a.dossier_id"
                            + " join council_session s on s.id = sd.session_id and s.decision_code = d.code where s.id = ?",
                            List.of("decision_id", "dossier_id"), ALWAYS, text("Được khen thưởng", "nominee_name"))),
            Kind.LAUNCH_PLAN, List.of(
                    new Source("launch_plan", "select id, campaign_id, unit_id, process_instance_id, status, plan_number,"
                            + " plan_date, summary, document_id, first_sent_at, last_sent_at, on_time, accepted_at,"
                            + " urged_at from launch_plan where id = ?", List.of("id"), NEVER,
                            text("Kế hoạch", "plan_number")),
                    // The round the unit sends for (launch plan or periodic report): it may still close, so never settled.
                    new Source("reporting_round", "select r.id, r.campaign_id, r.kind, r.title, r.period_year, r.due_at,"
                            + " r.status, r.declared_by, r.declared_at, r.closed_by, r.closed_at from reporting_round r"
                            + " join launch_plan p on p.round_id = r.id where p.id = ?", List.of("id"), NEVER,
                            text("Đợt gửi", "title")),
                    new Source("launch_plan_submission", "select id, launch_plan_id, round_no, plan_number, plan_date,"
                            + " summary, document_id, sent_at, sent_by, on_time from launch_plan_submission"
                            + " where launch_plan_id = ?", List.of("id"), ALWAYS, text("Lần gửi", "round_no")),
                    new Source("launch_plan_review", "select id, launch_plan_id, round_no, outcome, reason, reviewer,"
                            + " reviewed_at from launch_plan_review where launch_plan_id = ?", List.of("id"), ALWAYS,
                            text("Xem xét", "outcome")),
                    new Source("launch_plan_urging", "select id, launch_plan_id, method, note, urged_by, urged_at"
                            + " from launch_plan_urging where launch_plan_id = ?", List.of("id"), ALWAYS,
                            text("Đôn đốc", "method"))),
            Kind.EVALUATION, List.of(
                    new Source("evaluation_round", "select id, campaign_id, round_year, status, opened_by, opened_at,"
                            + " process_instance_id from evaluation_round where id = ?", List.of("id"), NEVER,
                            text("Đợt đánh giá", "round_year")),
                    new Source("unit_score", "select id, round_id, unit_id, criterion_id, self_points, evidence,"
                            + " final_points, adjust_reason, adjusted_by from unit_score where round_id = ?",
                            List.of("id"), NEVER, text("Điểm đơn vị", "unit_id")),
                    new Source("block_vote", "select id, round_id, group_id, voter_unit_id, voted_unit_id, cast_by,"
                            + " cast_at from block_vote where round_id = ?", List.of("id"), ALWAYS,
                            text("Phiếu bình xét của đơn vị", "voter_unit_id")),
                    new Source("block_review", "select id, round_id, group_id, reviewed_by, reviewed_at from block_review"
                            + " where round_id = ?", List.of("id"), ALWAYS, text("Duyệt kết quả khối", "group_id")),
                    new Source("block_result", "select id, round_id, group_id, elected_unit_id, tie_break,"
                            + " minutes_document_id, flag_dossier_id, decided_at from block_result where round_id = ?",
                            List.of("id"), NEVER, text("Kết quả bình xét khối", "group_id"))),
            Kind.REVIEW, List.of(
                    new Source("review_report", "select id, campaign_id, kind, review_year, status, content_json,"
                            + " narrative, prepared_by, approved_by, approved_at, chairman_note, process_instance_id,"
                            + " created_at from review_report where id = ?", List.of("id"), NEVER,
                            text("Báo cáo", "kind"))));

    /** Where a case's record row is found, by kind. */
    private static final Map<Kind, String> RECORD_ID = Map.of(
            Kind.DOSSIER, "select id from dossier where process_instance_id = ?",
            Kind.COUNCIL_SESSION, "select id from council_session where process_instance_id = ?",
            Kind.LAUNCH_PLAN, "select id from launch_plan where process_instance_id = ?",
            Kind.EVALUATION, "select id from evaluation_round where process_instance_id = ?",
            Kind.REVIEW, "select id from review_report where process_instance_id = ?",
            Kind.REVOCATION, "select id from award_revocation where process_instance_id = ?");

    /** Documents a case holds now, by kind (those it held before come from the ledger). */
    private static final Map<Kind, String> DOCUMENT_IDS = Map.of(
            Kind.DOSSIER, "select document_id from dossier_document where dossier_id = ?",
            Kind.LAUNCH_PLAN, "select document_id from launch_plan_submission where launch_plan_id = ?",
            Kind.COUNCIL_SESSION, "select d.scan_document_id from decision d join council_session s"
                    + " on s.decision_code = d.code where s.id = ? and d.scan_document_id is not null and exists"
                    + " (select 1 from decision_awardee a join council_session_dossier sd on sd.dossier_id ="
                    + " a.dossier_id where a.decision_id = d.id and sd.session_id = s.id)",
            Kind.EVALUATION, "select minutes_document_id from block_result where round_id = ?"
                    + " and minutes_document_id is not null",
            Kind.REVOCATION, "select evidence_document_id from award_revocation where id = ?"
                    + " and evidence_document_id is not null");

    /** A query this class runs for a case, by what it reads: for plans and benchmarks. */
    record Query(String table, String sql, boolean ofRecord) {
    }

    /** The queries that read one case of this kind: those by case id, then those by the record's id. */
    static List<Query> queries(Kind kind) {
        List<Query> queries = new ArrayList<>();
        for (Source source : ENGINE) {
            queries.add(new Query(source.table(), source.sql(), false));
        }
        queries.add(new Query(COMMENTS.table(), COMMENTS.sql(), false));
        queries.add(new Query(NOTIFICATIONS.table(), NOTIFICATIONS.sql(), false));
        queries.add(new Query(MIGRATIONS.table(), MIGRATIONS.sql(), false));
        queries.add(new Query(MIGRATION_MAPPINGS.table(), MIGRATION_MAPPINGS.sql(), false));
        for (Source source : RECORDS.getOrDefault(kind, List.of())) {
            queries.add(new Query(source.table(), source.sql(), true));
        }
        return queries;
    }

    private final JdbcTemplate jdbc;
    private final BoundedMemory<String, Long> linkedRecords = new BoundedMemory<>(LINKED_RECORDS);
    private final BoundedMemory<String, String> runningKeys = new BoundedMemory<>(RUNNING_KEYS);

    CaseItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A dossier's and a council session's case is linked once, when the case starts, and never changes; ids are
     * never reused: the record of such a case, once found, is remembered (one statement per sealed case fewer,
     * issue 12). Bounded, the least recently used forgotten.
     */
    static final int LINKED_RECORDS = 20_000;

    /** Running cases whose definition key is remembered (see {@link #definitionKeys}). */
    static final int RUNNING_KEYS = 20_000;

    private static final Set<Kind> LINKED_ONCE = Set.of(Kind.DOSSIER, Kind.COUNCIL_SESSION);

    /** Ids per IN list: a start-up sealing passes many cases, and their documents are more. */
    static final int CHUNK = 100;

    /** The column a query by many ids adds to name the id each row was read for; removed before use. */
    static final String CASE_KEY = "seal_case_key";

    /**
     * A query by one id ({@code … where k = ?}) asked for many at once ({@code …, k as seal_case_key from …
     * where k in (?, …)}), so that sealing a transaction's cases sends one statement per source, not one per
     * case (issue 12). Null when the id is not compared at the top level of the query (inside a subquery the
     * row does not say which id it was read for); such a query is asked once per id.
     */
    record ByMany(String head, String tail) {

        static ByMany of(String sql) {
            int question = sql.indexOf('?');
            if (question < 0 || sql.indexOf('?', question + 1) >= 0 || depth(sql, question) != 0) {
                return null;
            }
            int equals = sql.lastIndexOf('=', question);
            if (equals < 0 || !sql.substring(equals + 1, question).isBlank()) {
                return null;
            }
            int end = equals;
            while (end > 0 && sql.charAt(end - 1) == ' ') {
                end--;
            }
            int start = end;
            while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_'
                    || sql.charAt(start - 1) == '.')) {
                start--;
            }
            int from = topLevelFrom(sql);
            if (start == end || from < 0 || from > start) {
                return null;
            }
            String key = sql.substring(start, end);
            return new ByMany(sql.substring(0, from) + ", " + key + " as " + CASE_KEY + sql.substring(from, start)
                    + key + " in (", ")" + sql.substring(question + 1));
        }

        String sql(int ids) {
            return head + "?, ".repeat(ids - 1) + "?" + tail;
        }

        private static int depth(String sql, int at) {
            int depth = 0;
            for (int i = 0; i < at; i++) {
                char c = sql.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            return depth;
        }

        private static int topLevelFrom(String sql) {
            String lower = sql.toLowerCase(Locale.ROOT);
            int at = lower.indexOf(" from ");
            while (at >= 0 && depth(sql, at) != 0) {
                at = lower.indexOf(" from ", at + 1);
            }
            return at;
        }
    }

    /** The process instance's definition key, or null when there is no such case. */
    String definitionKey(String caseId) {
        return definitionKeys(List.of(caseId)).get(caseId);
    }

    private static final String DEFINITION_KEY = "select PROC_DEF_KEY_, END_TIME_ from ACT_HI_PROCINST where ID_ = ?";

    /**
     * The definition key of each case that has a process instance, in one statement per {@value #CHUNK}. A running
     * case's key is remembered until its process instance ends (one statement fewer in each transaction that seals
     * it, issue 12): only an ended case's history can be removed through the engine, and a case whose history is
     * gone must read as gone (see {@link #collect(String, Scope, Collection, boolean)}).
     */
    Map<String, String> definitionKeys(Collection<String> caseIds) {
        Map<String, String> keys = new HashMap<>();
        List<String> asking = new ArrayList<>();
        for (String caseId : caseIds) {
            String known = runningKeys.get(caseId);
            if (known != null) {
                keys.put(caseId, known);
            } else {
                asking.add(caseId);
            }
        }
        rowsByKey(DEFINITION_KEY, asking).forEach((caseId, rows) -> {
            Iterator<Object> values = rows.get(0).values().iterator();
            String key = (String) values.next();
            keys.put(caseId, key);
            if (values.next() == null && key != null) {
                runningKeys.put(caseId, key);
            }
        });
        return keys;
    }

    /** The case's process instance ended (in the transaction now running): its key is read again from now on. */
    void caseEnded(String caseId) {
        runningKeys.remove(caseId);
    }

    /** Whether the case's definition key is remembered (it runs and was read). */
    boolean remembersKeyOf(String caseId) {
        return runningKeys.contains(caseId);
    }

    /** The id of the case's own record (dossier, session …), or null. */
    Long recordId(Kind kind, String caseId) {
        return recordIds(kind, List.of(caseId)).get(caseId);
    }

    /** The id of each case's own record of this kind, in one statement per {@value #CHUNK} cases. */
    private Map<String, Long> recordIds(Kind kind, Collection<String> caseIds) {
        Map<String, Long> ids = new HashMap<>();
        String sql = RECORD_ID.get(kind);
        if (sql == null || caseIds.isEmpty()) {
            return ids;
        }
        boolean linkedOnce = LINKED_ONCE.contains(kind);
        List<String> asking = new ArrayList<>();
        for (String caseId : caseIds) {
            Long known = linkedOnce ? linkedRecords.get(kind + ":" + caseId) : null;
            if (known != null) {
                ids.put(caseId, known);
            } else {
                asking.add(caseId);
            }
        }
        if (!asking.isEmpty()) {
            rowsByKey(sql, asking).forEach((caseId, rows) -> {
                long id = ((Number) rows.get(0).values().iterator().next()).longValue();
                ids.put(caseId, id);
                if (linkedOnce) {
                    linkedRecords.put(kind + ":" + caseId, id);
                }
            });
        }
        return ids;
    }

    /**
     * Every item of the case. {@code sealedDocumentIds} are documents the ledger says the case held
     * (a replaced attachment stays part of the case); {@code withContent} also checks each document's
     * bytes against its stored hash, which verifying needs and sealing does not.
     */
    List<CaseItem> collect(String caseId, Collection<Long> sealedDocumentIds, boolean withContent) {
        return collect(caseId, Scope.ALL, sealedDocumentIds, withContent).items();
    }

    /**
     * The items of the sources in scope. A case whose process instance is gone reads as empty with
     * every source covered (what the ledger holds of it was removed).
     */
    Reading collect(String caseId, Scope scope, Collection<Long> sealedDocumentIds, boolean withContent) {
        return collect(Map.of(caseId, scope), Map.of(caseId, sealedDocumentIds), withContent).get(caseId);
    }

    /**
     * The items of several cases, each of the sources in its own scope, as {@link #collect(String, Scope,
     * Collection, boolean)} reads them one by one; but each source is asked once for all the cases that read it
     * (and the documents' rows once for all), so a transaction that touched a session and its dossiers sends
     * a number of statements that does not grow with its cases (issue 12). Rows, their order within a case,
     * references and fingerprints are those of the one-by-one reading.
     */
    Map<String, Reading> collect(Map<String, Scope> scopes, Map<String, ? extends Collection<Long>> sealedDocumentIds,
            boolean withContent) {
        Map<String, String> keys = definitionKeys(scopes.keySet());
        Map<String, Reading> readings = new LinkedHashMap<>();
        List<String> live = new ArrayList<>();
        for (String caseId : scopes.keySet()) {
            if (keys.get(caseId) == null) {
                readings.put(caseId, new Reading(new ArrayList<>(), ALL_SOURCES));
            } else {
                readings.put(caseId, new Reading(new ArrayList<>(), new HashSet<>()));
                live.add(caseId);
            }
        }
        for (Source source : ENGINE) {
            List<String> reading = live.stream().filter(c -> scopes.get(c).readsEngine(source.table())).toList();
            readByCase(source, reading.stream().filter(c -> scopes.get(c).engineRows(source.table()) == null).toList(),
                    readings);
            Map<String, Set<String>> rowsOf = new LinkedHashMap<>();
            reading.forEach(c -> {
                Set<String> rows = scopes.get(c).engineRows(source.table());
                if (rows != null) {
                    rowsOf.put(c, rows);
                }
            });
            readByCaseRows(source, rowsOf, readings);
        }
        for (Source source : List.of(COMMENTS, NOTIFICATIONS, MIGRATIONS, MIGRATION_MAPPINGS)) {
            readByCase(source, live.stream().filter(c -> scopes.get(c).readsRecords(source.reads())).toList(),
                    readings);
        }
        Map<String, Set<Long>> documentIds = new LinkedHashMap<>();
        for (String caseId : live) {
            if (scopes.get(caseId).readsDocuments()) {
                Collection<Long> sealed = sealedDocumentIds.get(caseId);
                documentIds.put(caseId, new LinkedHashSet<>(sealed == null ? List.of() : sealed));
            }
        }
        for (Kind kind : Kind.values()) {
            List<String> ofKind = live.stream().filter(c -> Kind.of(keys.get(c)) == kind).toList();
            List<Source> sources = RECORDS.getOrDefault(kind, List.of());
            List<String> needingRecord = ofKind.stream().filter(c -> documentIds.containsKey(c)
                    || sources.stream().anyMatch(s -> scopes.get(c).readsRecords(s.reads()))).toList();
            if (needingRecord.isEmpty()) {
                continue;
            }
            Map<String, Long> recordIds = recordIds(kind, needingRecord);
            for (Source source : sources) {
                List<String> reading = needingRecord.stream()
                        .filter(c -> scopes.get(c).readsRecords(source.reads())).toList();
                reading.forEach(c -> readings.get(c).sources().add(source.table()));
                readByRecord(source, reading, recordIds, readings);
            }
            String documentSql = DOCUMENT_IDS.get(kind);
            if (documentSql != null) {
                Map<Long, List<String>> casesByRecord = casesByRecord(
                        needingRecord.stream().filter(documentIds::containsKey).toList(), recordIds);
                rowsByKey(documentSql, casesByRecord.keySet()).forEach((recordId, rows) -> {
                    for (String caseId : casesByRecord.get(Long.valueOf(recordId))) {
                        for (Map<String, Object> row : rows) {
                            if (row.values().iterator().next() instanceof Number documentId) {
                                documentIds.get(caseId).add(documentId.longValue());
                            }
                        }
                    }
                });
            }
        }
        readDocuments(documentIds, withContent, readings);
        return readings;
    }

    /** Every reference prefix a case can have. */
    private static final Set<String> ALL_SOURCES;

    static {
        Set<String> all = new HashSet<>();
        ENGINE.forEach(source -> all.add(source.table()));
        List.of(COMMENTS, NOTIFICATIONS, MIGRATIONS, MIGRATION_MAPPINGS).forEach(source -> all.add(source.table()));
        RECORDS.values().forEach(list -> list.forEach(source -> all.add(source.table())));
        all.add(DOCUMENT);
        ALL_SOURCES = Set.copyOf(all);
    }

    /** A source read by case id, for these cases at once. */
    private void readByCase(Source source, List<String> caseIds, Map<String, Reading> readings) {
        if (caseIds.isEmpty()) {
            return;
        }
        Map<String, List<Map<String, Object>>> rows = rowsByKey(source.sql(), caseIds);
        for (String caseId : caseIds) {
            Reading reading = readings.get(caseId);
            reading.sources().add(source.table());
            rows.getOrDefault(caseId, List.of()).forEach(row -> reading.items().add(item(source, row)));
        }
    }

    /**
     * The column that names an engine table's rows in {@link Scope#engineRows}: the row's own id, an identity
     * link's task. The process instance's one row is read whole.
     */
    static final Map<String, String> ROW_KEY = Map.of(ACTIVITY, "ID_", TASK, "ID_", IDENTITY_LINK, "l.TASK_ID_",
            DETAIL, "ID_", OPERATION, "ID_", INCIDENT, "ID_", JOB, "ID_");

    /** Keys per statement when an engine source is read by rows (a council session opens 70 ballots at once). */
    static final int ROWS_CHUNK = 500;

    /**
     * An engine source read again only at the rows these cases' history events named, not at every row the case
     * has (issue 12: a council session's case holds hundreds of rows, and each of its ballots read them all
     * again). The case is still asked for, so a row is read for the case it belongs to. The source is not read
     * in full: the rows not read are neither compared nor taken as removed, and a row put into the table around
     * the application is not sealed by a later step (it stays unsealed, so verification flags it).
     */
    private void readByCaseRows(Source source, Map<String, Set<String>> rowsOf, Map<String, Reading> readings) {
        if (rowsOf.isEmpty()) {
            return;
        }
        String column = ROW_KEY.get(source.table());
        ByMany many = column == null || !source.sql().endsWith("?") ? null
                : BY_MANY.computeIfAbsent(source.sql(), s -> Optional.ofNullable(ByMany.of(s))).orElse(null);
        if (many == null) {
            readByCase(source, new ArrayList<>(rowsOf.keySet()), readings);
            return;
        }
        Map<String, List<Map<String, Object>>> byCase = new HashMap<>();
        List<String> cases = new ArrayList<>(rowsOf.keySet());
        for (int from = 0; from < cases.size(); from += CHUNK) {
            List<String> caseChunk = cases.subList(from, Math.min(cases.size(), from + CHUNK));
            List<String> keys = new ArrayList<>(new LinkedHashSet<>(
                    caseChunk.stream().flatMap(c -> rowsOf.get(c).stream()).toList()));
            for (int at = 0; at < keys.size(); at += ROWS_CHUNK) {
                List<String> keyChunk = keys.subList(at, Math.min(keys.size(), at + ROWS_CHUNK));
                List<Object> arguments = new ArrayList<>(caseChunk);
                arguments.addAll(keyChunk);
                String sql = many.sql(caseChunk.size()) + " and " + column + " in (" + "?, ".repeat(keyChunk.size() - 1)
                        + "?)";
                for (Map<String, Object> row : jdbc.queryForList(sql, arguments.toArray())) {
                    byCase.computeIfAbsent(String.valueOf(row.remove(CASE_KEY)), k -> new ArrayList<>()).add(row);
                }
            }
        }
        for (String caseId : cases) {
            byCase.getOrDefault(caseId, List.of()).forEach(row -> readings.get(caseId).items().add(item(source, row)));
        }
    }

    /** A source read by the cases' record ids, for these cases at once (those without a record read nothing). */
    private void readByRecord(Source source, List<String> caseIds, Map<String, Long> recordIds,
            Map<String, Reading> readings) {
        Map<Long, List<String>> casesByRecord = casesByRecord(caseIds, recordIds);
        if (casesByRecord.isEmpty()) {
            return;
        }
        Map<String, List<Map<String, Object>>> rows = rowsByKey(source.sql(), casesByRecord.keySet());
        for (String caseId : caseIds) {
            Long recordId = recordIds.get(caseId);
            if (recordId != null) {
                rows.getOrDefault(recordId.toString(), List.of())
                        .forEach(row -> readings.get(caseId).items().add(item(source, row)));
            }
        }
    }

    private static Map<Long, List<String>> casesByRecord(List<String> caseIds, Map<String, Long> recordIds) {
        Map<Long, List<String>> cases = new LinkedHashMap<>();
        for (String caseId : caseIds) {
            Long recordId = recordIds.get(caseId);
            if (recordId != null) {
                cases.computeIfAbsent(recordId, id -> new ArrayList<>()).add(caseId);
            }
        }
        return cases;
    }

    /**
     * The rows {@code sql} (a query by one id) reads for each of {@code ids}, by the id as text, in one statement
     * per {@value #CHUNK} ids; each row as the one-id query returns it (the added id column removed).
     */
    private Map<String, List<Map<String, Object>>> rowsByKey(String sql, Collection<?> ids) {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        List<?> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        ByMany many = BY_MANY.computeIfAbsent(sql, s -> Optional.ofNullable(ByMany.of(s))).orElse(null);
        if (many == null) {
            for (Object id : distinct) {
                List<Map<String, Object>> found = jdbc.queryForList(sql, id);
                if (!found.isEmpty()) {
                    rows.put(id.toString(), found);
                }
            }
            return rows;
        }
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<?> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            for (Map<String, Object> row : jdbc.queryForList(many.sql(chunk.size()), chunk.toArray())) {
                Object id = row.remove(CASE_KEY);
                String key = id instanceof Number number ? Long.toString(number.longValue()) : String.valueOf(id);
                rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        return rows;
    }

    private static final Map<String, Optional<ByMany>> BY_MANY = new ConcurrentHashMap<>();

    private static CaseItem item(Source source, Map<String, Object> row) {
        StringBuilder ref = new StringBuilder(source.table());
        for (String column : source.key()) {
            ref.append(':').append(row.get(column));
        }
        return new CaseItem(source.table(), ref.toString(), source.settled().test(row),
                abbreviate(source.label().apply(row)), row, fingerprintOnce(row));
    }

    /**
     * The row's fingerprint, computed when first asked: sealing asks only for items not settled or not yet sealed,
     * and most rows a transaction reads again are settled facts sealed before (ended tasks, ballots), whose
     * SHA-256 it no longer computes (issue 12). The row is not changed after it is read.
     */
    private static Supplier<String> fingerprintOnce(Map<String, Object> row) {
        return new Supplier<>() {
            private String fingerprint;

            @Override
            public String get() {
                if (fingerprint == null) {
                    fingerprint = Fingerprints.ofValues(row.values());
                }
                return fingerprint;
            }
        };
    }

    private static final String DOCUMENT_ROW = "select id, file_name, content_type, size_bytes, sha256,"
            + " owner_unit_id, uploaded_by, uploaded_at from stored_document where id = ?";

    /** The documents of these cases: their rows in one statement per {@value #CHUNK} documents, not one each. */
    private void readDocuments(Map<String, Set<Long>> documentIds, boolean withContent,
            Map<String, Reading> readings) {
        Set<Long> all = new LinkedHashSet<>();
        documentIds.values().forEach(all::addAll);
        Map<String, List<Map<String, Object>>> rows = all.isEmpty() ? Map.of() : rowsByKey(DOCUMENT_ROW, all);
        documentIds.forEach((caseId, ids) -> {
            Reading reading = readings.get(caseId);
            reading.sources().add(DOCUMENT);
            for (Long documentId : ids) {
                List<Map<String, Object>> found = rows.get(documentId.toString());
                if (found != null) {
                    reading.items().add(document(documentId, found.get(0), withContent));
                }
            }
        });
    }

    private CaseItem document(Long documentId, Map<String, Object> row, boolean withContent) {
        String fingerprint = Fingerprints.ofValues(row.values());
        String ref = DOCUMENT + ":" + documentId;
        String label = abbreviate("Văn bản: " + row.get("file_name"));
        if (!withContent) {
            return new CaseItem(DOCUMENT, ref, true, label, row, () -> fingerprint);
        }
        // The bytes must still hash to the recorded sha256; if not, the item no longer matches its seal.
        byte[] content = jdbc.queryForObject("select content from stored_document where id = ?", byte[].class,
                documentId);
        boolean contentIntact = content != null && Fingerprints.sha256(content).equals(row.get("sha256"));
        String checked = contentIntact ? fingerprint : Fingerprints.sha256(fingerprint + ":content-altered");
        return new CaseItem(DOCUMENT, ref, true, label, row, () -> checked);
    }

    private static String abbreviate(String label) {
        return label.length() <= 300 ? label : label.substring(0, 299) + "…";
    }
}

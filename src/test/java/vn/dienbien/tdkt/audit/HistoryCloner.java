package vn.dienbien.tdkt.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nhân bản lịch sử (PostgreSQL only): copies a seed batch's finished cases by SQL, {@code insert …
 * select} per table for all copies at once. In copy {@code n} every engine id that points into the
 * batch ends with {@code xNNNNN} in place of its last six characters (so it keeps its length; an
 * engine id ends with a UUID's node, hexadecimal, so no copy meets an original), every id of our records is moved by {@code n × stride}, every time
 * by the copy's whole number of days; each dossier gets its own nominee (Vietnamese names), unit (with
 * that unit's officer and head in place of the health department's) and year, each session its title
 * and its decision a number of its year. Nothing is sealed here: see {@link BenchmarkLoader}.
 */
final class HistoryCloner {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Engine columns that hold ids of rows of the same case (renamed per copy); all others are kept. */
    private static final Set<String> CASE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "process_instance_id_", "execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_",
            "parent_task_id_", "var_inst_id_", "call_proc_inst_id_", "super_process_instance_id_", "job_id_",
            "operation_id_", "cause_incident_id_", "root_cause_incident_id_", "dec_inst_id_", "root_dec_inst_id_",
            "ext_task_id_", "external_task_id_", "restarted_proc_inst_id_");
    /** Engine columns that name a person or a group. */
    private static final Set<String> PEOPLE = Set.of("assignee_", "owner_", "user_id_", "group_id_",
            "start_user_id_", "assigner_id_", "create_user_id_");
    /** Our records whose id moves by the copy's offset; identities are bumped after. */
    private static final List<String> RECORD_TABLES = List.of("stored_document", "dossier",
            "dossier_status_history", "dossier_rule_result", "council_session", "council_vote", "decision",
            "notification");

    private final JdbcTemplate jdbc;

    HistoryCloner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes {@code copies} copies of the batch, spread from {@code first} to {@code last}; returns their case ids. */
    List<String> copy(BenchmarkSeed.Batch seed, int copies, LocalDate first, LocalDate last) {
        long stride = stride();
        prepareMaps();
        fillBatches(seed, copies, first, last, stride);
        fillCases(seed, copies, stride);
        for (String table : jdbc.queryForList("select table_name from information_schema.columns where"
                + " table_schema = current_schema() and table_name like 'act_hi%' and column_name = 'root_proc_inst_id_'"
                + " order by table_name", String.class)) {
            copyEngineTable(table);
        }
        copyRecords(seed);
        for (String table : RECORD_TABLES) {
            jdbc.queryForList("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from "
                    + table + "))");
        }
        jdbc.update("insert into decision_number_counter (counter_year, last_number) select number_year,"
                + " max(number_value) from decision group by number_year on conflict (counter_year)"
                + " do update set last_number = excluded.last_number");
        return jdbc.queryForList("select new_pi from bench_case order by n, kind, seed_record_id", String.class);
    }

    /** The copy's id of an engine id. */
    static String copyId(String id, int n) {
        return id.substring(0, id.length() - 6) + suffix(n);
    }

    private static String suffix(int n) {
        return "x" + String.format("%05d", n);
    }

    void dropMaps() {
        jdbc.execute("drop table if exists bench_case");
        jdbc.execute("drop table if exists bench_batch");
    }

    private long stride() {
        long max = 0;
        for (String table : RECORD_TABLES) {
            Long m = jdbc.queryForObject("select max(id) from " + table, Long.class);
            max = Math.max(max, m == null ? 0 : m);
        }
        long stride = 1000;
        while (stride <= max) {
            stride *= 10;
        }
        return stride;
    }

    private void prepareMaps() {
        dropMaps();
        jdbc.execute("create table bench_batch (n int primary key, sfx varchar(16) not null, shift_days int not null,"
                + " id_offset bigint not null, award_year int not null, decision_year int not null,"
                + " decision_number int not null, decision_code varchar(64) not null, session_title varchar(500) not null)");
        jdbc.execute("create table bench_case (n int not null, kind char(1) not null, seed_pi varchar(64) not null,"
                + " new_pi varchar(64) not null, seed_record_id bigint not null, unit_id bigint, unit_name varchar(255),"
                + " unit_sfx varchar(40) not null, seed_name varchar(255) not null, new_name varchar(255) not null,"
                + " gender varchar(8), business_key varchar(255), primary key (n, seed_pi))");
    }

    private void fillBatches(BenchmarkSeed.Batch seed, int copies, LocalDate first, LocalDate last, long stride) {
        LocalDate seedDay = seed.startedAt().toLocalDate();
        LocalDateTime issued = jdbc.queryForObject("select issued_at from decision where id = ?",
                java.time.OffsetDateTime.class, seed.decisionId()).atZoneSameInstant(VIETNAM).toLocalDateTime();
        LocalDate meeting = jdbc.queryForObject("select meeting_date from council_session where id = ?",
                LocalDate.class, seed.sessionId());
        // Numbers continue across years, so that no two decisions share a code: the application links a
        // session to its decision by code alone, and with numbers restarting each year a session would
        // also list the decisions of other years that bear its number.
        Integer maxNumber = jdbc.queryForObject("select max(number_value) from decision", Integer.class);
        int lastNumber = maxNumber == null ? 0 : maxNumber;
        long span = ChronoUnit.DAYS.between(first, last);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= copies; n++) {
            LocalDate start = first.plusDays(span * n / (copies + 1));
            int shift = (int) ChronoUnit.DAYS.between(seedDay, start);
            int decisionYear = issued.plusDays(shift).getYear();
            int number = ++lastNumber;
            LocalDate meets = meeting.plusDays(shift);
            int awardYear = Math.min(2025, Math.max(2021, start.getYear() - 1));
            rows.add(new Object[] {n, suffix(n), shift, n * stride, awardYear, decisionYear, number,
                number + "/QĐ-UBND", "Phiên họp tháng " + meets.getMonthValue() + "/" + meets.getYear()});
        }
        jdbc.batchUpdate("insert into bench_batch values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void fillCases(BenchmarkSeed.Batch seed, int copies, long stride) {
        List<Map<String, Object>> units = jdbc.queryForList("select id, code, name from org_unit where active"
                + " order by id");
        Map<Long, Map<String, Object>> dossiers = new LinkedHashMap<>();
        for (Long id : seed.dossiers().keySet()) {
            dossiers.put(id, jdbc.queryForMap("select d.process_instance_id, d.nominee_name, p.BUSINESS_KEY_"
                    + " from dossier d join ACT_HI_PROCINST p on p.ID_ = d.process_instance_id where d.id = ?", id));
        }
        Map<String, Object> session = jdbc.queryForMap("select s.process_instance_id, s.title, p.BUSINESS_KEY_"
                + " from council_session s join ACT_HI_PROCINST p on p.ID_ = s.process_instance_id where s.id = ?",
                seed.sessionId());
        List<Object[]> rows = new ArrayList<>();
        for (int n = 1; n <= copies; n++) {
            long offset = n * stride;
            int k = 0;
            for (var dossier : dossiers.entrySet()) {
                Map<String, Object> unit = units.get((n * dossiers.size() + k) % units.size());
                String name = VietnameseNames.of(n * dossiers.size() + k);
                long newId = dossier.getKey() + offset;
                String key = ((String) dossier.getValue().get("BUSINESS_KEY_"))
                        .replace("HS-" + dossier.getKey(), "HS-" + newId).replace("| SYT", "| " + unit.get("code"));
                rows.add(new Object[] {n, "D", dossier.getValue().get("process_instance_id"),
                    copyId((String) dossier.getValue().get("process_instance_id"), n), dossier.getKey(), unit.get("id"),
                    unit.get("name"), "." + unit.get("code").toString().toLowerCase(java.util.Locale.ROOT),
                    dossier.getValue().get("nominee_name"), name, name.contains(" Thị ") ? "Nữ" : "Nam", key});
                k++;
            }
            String sessionKey = ((String) session.get("BUSINESS_KEY_")).replace("PH-" + seed.sessionId(),
                    "PH-" + (seed.sessionId() + offset));
            rows.add(new Object[] {n, "S", session.get("process_instance_id"), copyId((String) session.get("process_instance_id"), n),
                seed.sessionId(), null, null, ".syt", session.get("title"), "", null, sessionKey});
        }
        jdbc.batchUpdate("insert into bench_case values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update bench_case m set new_name = b.session_title from bench_batch b where b.n = m.n"
                + " and m.kind = 'S'");
    }

    /** Each column of an engine table as the copy has it. */
    private void copyEngineTable(String table) {
        List<Map<String, Object>> columns = columns(table);
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            names.add(name);
            values.add(engineValue(table, name, type));
        }
        int rows = jdbc.update("insert into " + table + " (" + names + ") select " + values + " from " + table + " t"
                + " join bench_case m on m.seed_pi = t.root_proc_inst_id_ join bench_batch b on b.n = m.n");
        System.out.printf("  %-22s %,10d hàng%n", table, rows);
    }

    private static String engineValue(String table, String column, String type) {
        String t = "t." + column;
        if (CASE_IDS.contains(column)) {
            return "left(" + t + ", -6) || b.sfx";
        }
        if (type.startsWith("timestamp")) {
            return t + " + b.shift_days * interval '1 day'";
        }
        if (PEOPLE.contains(column)) {
            return "regexp_replace(" + t + ", '\\.syt$', m.unit_sfx)";
        }
        if (column.equals("business_key_")) {
            return "m.business_key";
        }
        boolean named = (table.equals("act_hi_taskinst") && (column.equals("name_") || column.equals("description_")))
                || (table.equals("act_hi_actinst") && column.equals("act_name_"));
        if (named) {
            return "replace(" + t + ", m.seed_name, m.new_name)";
        }
        boolean variable = table.equals("act_hi_detail") || table.equals("act_hi_varinst");
        if (variable && column.equals("long_")) {
            return "case when t.name_ in ('dossierId', 'sessionId') then t.long_ + b.id_offset"
                    + " when t.var_type_ = 'date' then t.long_ + b.shift_days * 86400000::bigint else t.long_ end";
        }
        if (variable && column.equals("text_")) {
            return "case t.name_ when 'dossierId' then (t.long_ + b.id_offset)::text"
                    + " when 'sessionId' then (t.long_ + b.id_offset)::text"
                    + " when 'nomineeName' then m.new_name when 'proposingUnitName' then m.unit_name"
                    + " when 'proposingUnitGroup' then regexp_replace(t.text_, '\\.syt$', m.unit_sfx)"
                    + " when 'proposingUnitHeads' then regexp_replace(t.text_, '\\.syt$', m.unit_sfx)"
                    + " when 'decisionCode' then b.decision_code"
                    + " when 'sessionTitle' then m.new_name when 'sessionTitleInput' then m.new_name"
                    + " when 'meetingDate' then to_char(nullif(t.text_, '')::date + b.shift_days, 'YYYY-MM-DD')"
                    + " when 'dossierIds' then (select string_agg((x::bigint + b.id_offset)::text, ',' order by o)"
                    + " from unnest(string_to_array(nullif(t.text_, ''), ',')) with ordinality u(x, o))"
                    + " else t.text_ end";
        }
        return t;
    }

    /** Our records: each with its join to the copies and the columns that change; times move by the shift. */
    private void copyRecords(BenchmarkSeed.Batch seed) {
        String dossierCopy = " join bench_case m on m.kind = 'D' and m.seed_record_id = t.%s"
                + " join bench_batch b on b.n = m.n";
        String sessionCopy = " join bench_case m on m.kind = 'S' and m.seed_record_id = t.%s"
                + " join bench_batch b on b.n = m.n";
        copyRecord("stored_document", " join dossier_document dd on dd.document_id = t.id"
                + String.format(dossierCopy, "id").replace("= t.id", "= dd.dossier_id"),
                Map.of("id", "t.id + b.id_offset", "owner_unit_id", "m.unit_id",
                        "uploaded_by", "regexp_replace(t.uploaded_by, '\\.syt$', m.unit_sfx)"));
        copyRecord("dossier", String.format(dossierCopy, "id"), Map.ofEntries(
                Map.entry("id", "t.id + b.id_offset"), Map.entry("award_year", "b.award_year"),
                Map.entry("nominee_name", "m.new_name"),
                Map.entry("nominee_key", "'I|' || lower(m.new_name) || '|' || t.birth_year"),
                Map.entry("gender", "m.gender"), Map.entry("work_unit", "m.unit_name"),
                Map.entry("proposing_unit_id", "m.unit_id"), Map.entry("process_instance_id", "m.new_pi"),
                Map.entry("created_by", "regexp_replace(t.created_by, '\\.syt$', m.unit_sfx)"),
                Map.entry("outcome_reason", "replace(t.outcome_reason, m.seed_name, m.new_name)")));
        copyRecord("dossier_status_history", String.format(dossierCopy, "dossier_id"), Map.of(
                "id", "t.id + b.id_offset", "dossier_id", "t.dossier_id + b.id_offset",
                "actor", "regexp_replace(t.actor, '\\.syt$', m.unit_sfx)"));
        copyRecord("dossier_rule_result", String.format(dossierCopy, "dossier_id"), Map.of(
                "id", "t.id + b.id_offset", "dossier_id", "t.dossier_id + b.id_offset"));
        copyRecord("dossier_document", String.format(dossierCopy, "dossier_id"), Map.of(
                "dossier_id", "t.dossier_id + b.id_offset", "document_id", "t.document_id + b.id_offset"));
        copyRecord("council_session", String.format(sessionCopy, "id"), Map.of("id", "t.id + b.id_offset",
                "title", "m.new_name", "process_instance_id", "m.new_pi", "decision_code", "b.decision_code"));
        for (String table : List.of("council_session_member", "council_session_absence")) {
            copyRecord(table, String.format(sessionCopy, "session_id"), Map.of("session_id", "t.session_id + b.id_offset"));
        }
        copyRecord("council_session_dossier", String.format(sessionCopy, "session_id"), Map.of(
                "session_id", "t.session_id + b.id_offset", "dossier_id", "t.dossier_id + b.id_offset"));
        copyRecord("council_ballot_task", String.format(sessionCopy, "session_id"), Map.of(
                "task_id", "left(t.task_id, -6) || b.sfx", "session_id", "t.session_id + b.id_offset"));
        copyRecord("council_vote", String.format(sessionCopy, "session_id"), Map.of("id", "t.id + b.id_offset",
                "session_id", "t.session_id + b.id_offset", "dossier_id", "t.dossier_id + b.id_offset"));
        copyRecord("decision", " join bench_batch b on t.id = " + seed.decisionId(), Map.of(
                "id", "t.id + b.id_offset", "number_value", "b.decision_number", "number_year", "b.decision_year",
                "code", "b.decision_code", "title", "regexp_replace(t.title, '\\d{4}$', b.award_year::text)"));
        copyRecord("notification", " join bench_case m on m.seed_pi = t.process_instance_id"
                + " join bench_batch b on b.n = m.n", Map.of("id", "t.id + b.id_offset",
                        "unit_id", "case when t.unit_id is null then null else coalesce(m.unit_id, t.unit_id) end",
                        "recipient_group", "regexp_replace(t.recipient_group, '\\.syt$', m.unit_sfx)",
                        "subject", "replace(t.subject, m.seed_name, m.new_name)",
                        "body", "replace(t.body, m.seed_name, m.new_name)", "process_instance_id", "m.new_pi"));
        copyRecord("decision_awardee", String.format(dossierCopy, "dossier_id"), Map.of(
                "decision_id", "t.decision_id + b.id_offset", "dossier_id", "t.dossier_id + b.id_offset",
                "nominee_name", "m.new_name", "unit_name", "m.unit_name"));
    }

    private void copyRecord(String table, String join, Map<String, String> overrides) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (Map<String, Object> column : columns(table)) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            names.add(name);
            if (overrides.containsKey(name)) {
                values.add(overrides.get(name));
            } else if (type.startsWith("timestamp")) {
                values.add("t." + name + " + b.shift_days * interval '1 day'");
            } else if (type.equals("date")) {
                values.add("t." + name + " + b.shift_days");
            } else {
                values.add("t." + name);
            }
        }
        int rows = jdbc.update("insert into " + table + " (" + names + ") select " + values + " from " + table + " t"
                + join);
        System.out.printf("  %-22s %,10d hàng%n", table, rows);
    }

    private List<Map<String, Object>> columns(String table) {
        // Not the columns the database computes from others (V43: the nominee's name in lower case).
        return jdbc.queryForList("select column_name, data_type from information_schema.columns where"
                + " table_schema = current_schema() and table_name = ? and coalesce(is_generated, 'NEVER') <> 'ALWAYS'"
                + " order by ordinal_position", table);
    }
}

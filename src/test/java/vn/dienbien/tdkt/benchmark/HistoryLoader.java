package vn.dienbien.tdkt.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench.history=N}: N finished historic dossiers loaded in plain SQL ({@code insert … select} over a
 * mapping of generate_series), shaped exactly like real ones because they are copies of them: the warm-up year's
 * awarded dossiers are the templates, and every row that belongs to a template — its {@code dossier} row and every
 * row of our tables keyed by its id ({@code dossier_id}) or by its case ({@code process_instance_id},
 * {@code case_id}: status history, rules, documents' links, session entries, votes, awardee lines, notifications,
 * the audit ledger's blocks and head), and every engine history row of its case ({@code act_hi_*} by {@code proc_inst_id_}) — is
 * copied with new ids, the nominee's name marked "(lịch sử n)". Each batch of copies (one copy of every template)
 * gets its own copies of the templates' council sessions and decisions, which its votes, session entries and awardee
 * lines point at, as a province holds one session and one decision per handful of dossiers (until the twenty-fourth
 * pass every historic vote and awardee line pointed at the warm-up year's one session and one decision: 700,000
 * votes of one session, a skew no province has, which a plan made for any session reads as "every vote"). Not
 * copied: the sessions' cases (engine history and ledger), the stored documents and engine byte arrays, which the
 * copies share with the templates. Prints rows written per dossier by table beside what a template has.
 */
final class HistoryLoader {

    /** Engine id columns that name an instance (copied with a suffix); model ids (act_id_, …) are kept. */
    private static final Set<String> ENGINE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
            "act_inst_id_", "parent_act_inst_id_", "task_id_", "var_inst_id_", "call_proc_inst_id_", "operation_id_",
            "job_id_", "parent_task_id_", "super_process_instance_id_", "hi_proc_inst_id_");
    private static final Set<String> CASE_COLUMNS = Set.of("process_instance_id", "case_id");

    private final JdbcTemplate jdbc;

    HistoryLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load(int dossiers) {
        long t0 = System.nanoTime();
        List<Map<String, Object>> templates = jdbc.queryForList("select id, process_instance_id from dossier"
                + " where status = 'AWARDED' order by id");
        if (templates.isEmpty()) {
            throw new IllegalStateException("no awarded dossier to copy");
        }
        int k = templates.size();
        long base = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from dossier", Long.class);
        jdbc.execute("drop table if exists bench_history_map");
        jdbc.execute("create unlogged table bench_history_map (copy int, old_dossier bigint, new_dossier bigint,"
                + " old_pi varchar(64), new_pi varchar(64))");
        jdbc.update("insert into bench_history_map select (g - 1) / ? + 1, t.id, ? + g, t.pi, t.pi || '-h' || g"
                + " from generate_series(1, ?) g join (select id, process_instance_id pi, row_number() over (order by"
                + " id) - 1 n from dossier where status = 'AWARDED') t on t.n = (g - 1) % ?", k, base, dossiers, k);
        jdbc.execute("create index on bench_history_map (old_dossier)");
        jdbc.execute("create index on bench_history_map (old_pi)");
        jdbc.execute("analyze bench_history_map");

        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.query("select table_name, column_name from information_schema.columns where table_schema ="
                + " current_schema() and table_name <> 'bench_history_map' order by table_name, ordinal_position",
                rs -> {
                    columns.computeIfAbsent(rs.getString(1).toLowerCase(), t -> new ArrayList<>())
                            .add(rs.getString(2).toLowerCase());
                });
        copySessionsAndDecisions(columns);

        // Ids the database gives: identity columns, and those taken from a sequence in blocks (issue 12, eighteenth
        // pass: votes, status changes, rule results, notifications, documents), which a copy must not repeat.
        Set<String> identity = Set.copyOf(jdbc.queryForList("select lower(table_name || '.' || column_name) from"
                + " information_schema.columns where table_schema = current_schema() and (is_identity = 'YES'"
                + " or column_default like 'nextval(%')", String.class));
        // Columns the database computes from others (V43: the nominee's name in lower case): never written.
        Set<String> generated = Set.copyOf(jdbc.queryForList("select lower(table_name || '.' || column_name) from"
                + " information_schema.columns where table_schema = current_schema() and is_generated = 'ALWAYS'",
                String.class));
        Map<String, Integer> written = new LinkedHashMap<>();
        Map<String, Integer> perTemplate = new LinkedHashMap<>();
        // The dossier rows first (the others do not reference them by a foreign key but keep it tidy).
        List<String> order = new ArrayList<>(columns.keySet());
        order.remove("dossier");
        order.add(0, "dossier");
        for (String table : order) {
            List<String> cols = columns.get(table);
            String join;
            String templateFilter;
            if (table.equals("dossier")) {
                join = "t.id = m.old_dossier";
                templateFilter = "id in (select old_dossier from bench_history_map where copy = 1)";
            } else if (cols.contains("dossier_id")) {
                join = "t.dossier_id = m.old_dossier";
                templateFilter = "dossier_id in (select old_dossier from bench_history_map where copy = 1)";
            } else if (table.startsWith("act_hi_") && cols.contains("proc_inst_id_")) {
                join = "t.proc_inst_id_ = m.old_pi";
                templateFilter = "proc_inst_id_ in (select old_pi from bench_history_map where copy = 1)";
            } else {
                String caseColumn = cols.stream().filter(CASE_COLUMNS::contains).findFirst().orElse(null);
                if (caseColumn == null || table.startsWith("act_")) {
                    continue;
                }
                join = "t." + caseColumn + " = m.old_pi";
                templateFilter = caseColumn + " in (select old_pi from bench_history_map where copy = 1)";
            }
            List<String> into = new ArrayList<>();
            List<String> select = new ArrayList<>();
            for (String c : cols) {
                if (generated.contains(table + "." + c)
                        || identity.contains(table + "." + c) && !table.equals("dossier")) {
                    continue; // given by the database
                }
                into.add(c);
                select.add(expression(table, c));
            }
            int n = jdbc.update("insert into " + table + " (" + String.join(", ", into) + ") select "
                    + String.join(", ", select) + " from " + table + " t join bench_history_map m on " + join);
            if (n > 0) {
                written.put(table, n);
                perTemplate.put(table, jdbc.queryForObject("select count(*) from " + table + " where "
                        + templateFilter, Integer.class));
            }
        }
        checkSpread(base);
        jdbc.execute("select setval(pg_get_serial_sequence('dossier', 'id'), (select max(id) from dossier))");
        jdbc.execute("drop table bench_history_map");
        jdbc.execute("drop table bench_session_map");
        jdbc.execute("drop table bench_decision_map");
        jdbc.execute("analyze");
        double seconds = (System.nanoTime() - t0) / 1e9;
        int templatesCopied = Math.min(k, dossiers);
        System.out.printf("== Nạp %,d hồ sơ lịch sử đã kết thúc trong %.1f s (bản sao của %d hồ sơ được khen thưởng"
                + " năm làm nóng)%n", dossiers, seconds, k);
        System.out.printf("  %-32s %14s %14s%n", "bảng", "dòng/hồ sơ nạp", "dòng/hồ sơ mẫu");
        long total = 0;
        long totalTemplate = 0;
        for (var e : written.entrySet()) {
            int perDossierTemplate = perTemplate.getOrDefault(e.getKey(), 0);
            total += e.getValue();
            totalTemplate += perDossierTemplate;
            System.out.printf("  %-32s %14.1f %14.1f%n", e.getKey(), e.getValue() / (double) dossiers,
                    perDossierTemplate / (double) templatesCopied);
        }
        System.out.printf("  %-32s %14.1f %14.1f%n", "tổng", total / (double) dossiers,
                totalTemplate / (double) templatesCopied);
        System.out.println("  (phiên họp và quyết định: mỗi lượt bản sao một bản, không kèm vụ việc của phiên; không sao"
                + " chép: văn bản lưu trữ, byte array của engine — dùng chung với hồ sơ mẫu; so với \"Dòng thêm\" mỗi"
                + " hồ sơ của lần chạy đo bên dưới)");
    }

    /**
     * For each batch of copies, a copy of every council session and decision of the templates (new ids, a case id and
     * a decision code marked with the batch, the decision's number moved past the real ones), mapped old → new per
     * batch in bench_session_map and bench_decision_map for {@link #expression}.
     */
    private void copySessionsAndDecisions(Map<String, List<String>> columns) {
        jdbc.execute("drop table if exists bench_session_map");
        jdbc.execute("drop table if exists bench_decision_map");
        jdbc.execute("create unlogged table bench_session_map (copy int, old_id bigint, new_id bigint)");
        jdbc.execute("create unlogged table bench_decision_map (copy int, old_id bigint, new_id bigint)");
        jdbc.execute("insert into bench_session_map select c.copy, s.id, nextval(pg_get_serial_sequence("
                + "'council_session', 'id')) from (select distinct copy from bench_history_map) c cross join (select"
                + " distinct session_id id from council_session_dossier where dossier_id in (select old_dossier from"
                + " bench_history_map)) s");
        jdbc.execute("insert into bench_decision_map select c.copy, d.id, nextval(pg_get_serial_sequence("
                + "'decision', 'id')) from (select distinct copy from bench_history_map) c cross join (select"
                + " distinct decision_id id from decision_awardee where dossier_id in (select old_dossier from"
                + " bench_history_map)) d");
        jdbc.execute("create index on bench_session_map (copy, old_id)");
        jdbc.execute("create index on bench_decision_map (copy, old_id)");
        jdbc.execute("analyze bench_session_map");
        jdbc.execute("analyze bench_decision_map");
        copyRows("decision", columns.get("decision"), "bench_decision_map", c -> switch (c) {
            case "number_value" -> "t.number_value + 10000 * x.copy";
            case "code" -> "left(t.code, 40) || '-h' || x.copy";
            default -> "t." + c;
        });
        copyRows("council_session", columns.get("council_session"), "bench_session_map", c -> switch (c) {
            case "process_instance_id" -> "left(t.process_instance_id, 40) || '-h' || x.copy";
            case "decision_code" -> "case when t.decision_code is null then null else left(t.decision_code, 40)"
                    + " || '-h' || x.copy end";
            default -> "t." + c;
        });
    }

    /**
     * Stops the run if a copy's session entry or awardee line still points at a template's session or decision
     * (copies are numbered from {@code base}): such a history tells PostgreSQL that one session holds every vote.
     */
    private void checkSpread(long base) {
        Integer sessions = jdbc.queryForObject("select count(*) from council_session_dossier where dossier_id >= ?"
                + " and session_id not in (select new_id from bench_session_map)", Integer.class, base);
        Integer decisions = jdbc.queryForObject("select count(*) from decision_awardee where dossier_id >= ?"
                + " and decision_id not in (select new_id from bench_decision_map)", Integer.class, base);
        if (sessions == null || sessions > 0 || decisions == null || decisions > 0) {
            throw new IllegalStateException("historic copies still point at the templates' sessions (" + sessions
                    + " entries) or decisions (" + decisions + " awardee lines)");
        }
    }

    private void copyRows(String table, List<String> cols, String map,
            Function<String, String> expression) {
        List<String> select = new ArrayList<>();
        for (String c : cols) {
            select.add(c.equals("id") ? "x.new_id" : expression.apply(c));
        }
        jdbc.update("insert into " + table + " (" + String.join(", ", cols) + ") overriding system value select "
                + String.join(", ", select) + " from " + table + " t join " + map + " x on x.old_id = t.id");
    }

    private static String expression(String table, String c) {
        if (table.equals("dossier")) {
            return switch (c) {
                case "id" -> "m.new_dossier";
                case "process_instance_id" -> "m.new_pi";
                case "nominee_name" -> "left(t.nominee_name, 230) || ' (lịch sử ' || m.new_dossier || ')'";
                case "nominee_key" -> "left(t.nominee_key, 370) || '|h' || m.new_dossier";
                default -> "t." + c;
            };
        }
        if (c.equals("dossier_id")) {
            return "m.new_dossier";
        }
        if (c.equals("session_id") || c.equals("decision_id")) {
            String map = c.equals("session_id") ? "bench_session_map" : "bench_decision_map";
            return "coalesce((select x.new_id from " + map + " x where x.copy = m.copy and x.old_id = t." + c
                    + "), t." + c + ")";
        }
        if (table.equals("award_certificate") && c.equals("code")) {
            return "upper(left(md5(t.code || m.new_dossier), 16))"; // unique, as the real ones
        }
        if (CASE_COLUMNS.contains(c)) {
            return "case when t." + c + " = m.old_pi then m.new_pi else t." + c + " end";
        }
        if (table.startsWith("act_hi_")) {
            if (c.equals("business_key_")) {
                return "t.business_key_ || '-h' || m.new_dossier";
            }
            if (ENGINE_IDS.contains(c)) {
                return "case when t." + c + " = m.old_pi then m.new_pi when t." + c + " is null then null else"
                        + " left(t." + c + ", 40) || '-h' || m.new_dossier end";
            }
        }
        return "t." + c;
    }
}

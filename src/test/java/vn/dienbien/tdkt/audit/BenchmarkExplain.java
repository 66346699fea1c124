package vn.dienbien.tdkt.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans PostgreSQL chose, as {@code EXPLAIN (ANALYZE, BUFFERS)} prints them, for the queries of a
 * case's timeline, so that the closing note can name the indexes used; and the ledger's size.
 */
final class BenchmarkExplain {

    private final JdbcTemplate jdbc;

    BenchmarkExplain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void plan(String title, String sql, Object... args) {
        System.out.println("-- " + title);
        System.out.println("   " + sql.replaceAll("\\s+", " "));
        for (Map<String, Object> row : jdbc.queryForList("explain (analyze, buffers) " + sql, args)) {
            System.out.println("   | " + row.values().iterator().next());
        }
    }

    /**
     * Each query the timeline runs to read a case's items (read from {@link CaseItems}' own list, so the
     * plans are of the SQL the application runs), and the ledger's.
     */
    void timeline(String caseId, CaseItems.Kind kind, Long recordId) throws ReflectiveOperationException {
        List<Object> ofCase = new java.util.ArrayList<>(sources("ENGINE"));
        for (String single : List.of("COMMENTS", "NOTIFICATIONS")) {
            try {
                Field f = CaseItems.class.getDeclaredField(single);
                f.setAccessible(true);
                ofCase.add(f.get(null));
            } catch (NoSuchFieldException e) {
                // not in this version of the case's items
            }
        }
        for (Object source : ofCase) {
            plan(table(source) + " của vụ việc", sql(source), caseId);
        }
        if (recordId != null) {
            for (Object source : records(kind)) {
                plan(table(source) + " của hồ sơ", sql(source), recordId);
            }
        }
        plan("audit_ledger: các mục niêm phong của vụ việc", "select id, case_id, seq, item_ref, item_hash, settled,"
                + " label, sealed_at, prev_hash, entry_hash from audit_ledger where case_id = ? order by seq", caseId);
    }

    /** Sizes of the ledger beside the engine's history and our records. */
    void sizes() {
        Map<String, Object> ledger = jdbc.queryForMap("select count(*) as entries, count(distinct case_id) as cases,"
                + " pg_total_relation_size('audit_ledger') as total, pg_relation_size('audit_ledger') as heap,"
                + " pg_indexes_size('audit_ledger') as indexes, pg_total_relation_size('audit_ledger_head') as head"
                + " from audit_ledger");
        long engine = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                + " and c.relkind = 'r' and c.relname like 'act_hi%'", Long.class);
        long ours = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                + " and c.relkind = 'r' and (c.relname like 'dossier%' or c.relname like 'council%'"
                + " or c.relname like 'decision%' or c.relname = 'stored_document')", Long.class);
        long entries = ((Number) ledger.get("entries")).longValue();
        long cases = ((Number) ledger.get("cases")).longValue();
        long total = ((Number) ledger.get("total")).longValue() + ((Number) ledger.get("head")).longValue();
        System.out.printf("audit_ledger: %,d mục cho %,d vụ việc (%.1f mục/vụ việc); bảng %s, chỉ mục %s,"
                + " audit_ledger_head %s; tổng %s = %,d byte/vụ việc%n", entries, cases,
                cases == 0 ? 0.0 : (double) entries / cases, mb(ledger.get("heap")), mb(ledger.get("indexes")),
                mb(ledger.get("head")), mb(total), cases == 0 ? 0 : total / cases);
        System.out.printf("Lịch sử của engine (ACT_HI_*): %s; hồ sơ, phiên họp, quyết định, văn bản của ta: %s;"
                + " sổ niêm phong chiếm %.1f%% của cả ba%n", mb(engine), mb(ours),
                100.0 * total / Math.max(1, engine + ours + total));
    }

    static String mb(Object bytes) {
        return String.format("%.1f MB", ((Number) bytes).longValue() / 1048576.0);
    }

    private static List<?> sources(String field) throws ReflectiveOperationException {
        Field f = CaseItems.class.getDeclaredField(field);
        f.setAccessible(true);
        return (List<?>) f.get(null);
    }

    private static List<?> records(CaseItems.Kind kind) throws ReflectiveOperationException {
        Field f = CaseItems.class.getDeclaredField("RECORDS");
        f.setAccessible(true);
        return ((Map<?, List<?>>) f.get(null)).getOrDefault(kind, List.of());
    }

    private static String sql(Object source) throws ReflectiveOperationException {
        return (String) accessor(source, "sql");
    }

    private static String table(Object source) throws ReflectiveOperationException {
        return (String) accessor(source, "table");
    }

    private static Object accessor(Object source, String name) throws ReflectiveOperationException {
        Method m = source.getClass().getDeclaredMethod(name);
        m.setAccessible(true);
        return m.invoke(source);
    }
}

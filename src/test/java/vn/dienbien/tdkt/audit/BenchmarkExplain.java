package vn.dienbien.tdkt.audit;

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

    /** Each query the timeline runs to read a case's items (the application's own SQL), and the ledger's. */
    void timeline(String caseId, CaseItems.Kind kind, Long recordId) {
        for (CaseItems.Query query : CaseItems.queries(kind)) {
            if (!query.ofRecord()) {
                plan(query.table() + " của vụ việc", query.sql(), caseId);
            } else if (recordId != null) {
                plan(query.table() + " của hồ sơ", query.sql(), recordId);
            }
        }
        plan("audit_ledger: các mục niêm phong (kiểu cũ) của vụ việc", "select case_id, seq, item_ref, item_hash,"
                + " settled, label, sealed_at, prev_hash, entry_hash from audit_ledger where case_id = ? order by seq",
                caseId);
        plan("audit_seal: các khối niêm phong của vụ việc", "select seq, sealed_at, items, seal_hash from audit_seal"
                + " where case_id = ? order by seq", caseId);
    }

    /** Sizes of the ledger beside the engine's history and our records. */
    void sizes() {
        Map<String, Object> ledger = jdbc.queryForMap("select (select count(*) from audit_ledger) as entries,"
                + " (select count(*) from audit_seal) as blocks, (select count(*) from audit_ledger_head) as cases,"
                + " pg_total_relation_size('audit_ledger') + pg_total_relation_size('audit_seal') as total,"
                + " pg_relation_size('audit_ledger') + pg_relation_size('audit_seal') as heap,"
                + " pg_indexes_size('audit_ledger') + pg_indexes_size('audit_seal') as indexes,"
                + " pg_total_relation_size('audit_ledger_head') as head");
        long engine = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                + " and c.relkind = 'r' and c.relname like 'act_hi%'", Long.class);
        long ours = jdbc.queryForObject("select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                + " and c.relkind = 'r' and (c.relname like 'dossier%' or c.relname like 'council%'"
                + " or c.relname like 'decision%' or c.relname = 'stored_document')", Long.class);
        long entries = ((Number) ledger.get("entries")).longValue();
        long blocks = ((Number) ledger.get("blocks")).longValue();
        long cases = ((Number) ledger.get("cases")).longValue();
        long total = ((Number) ledger.get("total")).longValue() + ((Number) ledger.get("head")).longValue();
        System.out.printf("Sổ niêm phong: %,d mục kiểu cũ (audit_ledger) và %,d khối (audit_seal) cho %,d vụ việc"
                + " (%.1f khối/vụ việc); bảng %s, chỉ mục %s, audit_ledger_head %s; tổng %s = %,d byte/vụ việc%n",
                entries, blocks, cases, cases == 0 ? 0.0 : (double) blocks / cases, mb(ledger.get("heap")),
                mb(ledger.get("indexes")), mb(ledger.get("head")), mb(total), cases == 0 ? 0 : total / cases);
        System.out.printf("Lịch sử của engine (ACT_HI_*): %s; hồ sơ, phiên họp, quyết định, văn bản của ta: %s;"
                + " sổ niêm phong chiếm %.1f%% của cả ba%n", mb(engine), mb(ours),
                100.0 * total / Math.max(1, engine + ours + total));
    }

    static String mb(Object bytes) {
        return String.format("%.1f MB", ((Number) bytes).longValue() / 1048576.0);
    }

}

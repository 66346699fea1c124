package vn.dienbien.tdkt.benchmark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bytes that still hold data: the database after {@code VACUUM FULL}, by table. PostgreSQL leaves the rows
 * a run deleted or updated (runtime rows of ended cases, old versions) in its files until vacuum reuses the space,
 * so the raw growth counts them while a system that runs for a year reuses it; this figure does not. The tables
 * holding documents' content are reported apart (the target excludes documents).
 */
record LiveSize(long databaseBytes, Map<String, Long> tables) {

    static LiveSize measure(JdbcTemplate jdbc) {
        jdbc.execute("vacuum full");
        Map<String, Long> tables = new LinkedHashMap<>();
        jdbc.query("select relname, pg_total_relation_size(relid) from pg_stat_user_tables",
                rs -> {
                    tables.put(rs.getString(1).toLowerCase(), rs.getLong(2));
                });
        return new LiveSize(jdbc.queryForObject("select pg_database_size(current_database())", Long.class), tables);
    }

    /** Per-dossier figures, the documents' table apart. */
    Map<String, Double> figures(LiveSize before, int done, String documentsTable) {
        Map<String, Double> f = new LinkedHashMap<>();
        double all = (databaseBytes - before.databaseBytes) / 1024.0 / done;
        double documents = (tables.getOrDefault(documentsTable, 0L)
                - before.tables.getOrDefault(documentsTable, 0L)) / 1024.0 / done;
        f.put("db_live_kb", all);
        f.put("db_live_without_documents_kb", all - documents);
        return f;
    }

    void print(LiveSize before, int done, String documentsTable) {
        Map<String, Double> f = figures(before, done, documentsTable);
        System.out.printf("  Dung lượng còn dữ liệu (sau VACUUM FULL)  %6.1f KB; không kể %s (nội dung văn bản)"
                + " %.1f KB%n", f.get("db_live_kb"), documentsTable, f.get("db_live_without_documents_kb"));
        Map<String, Long> deltas = new HashMap<>();
        tables.forEach((t, bytes) -> deltas.put(t, bytes - before.tables.getOrDefault(t, 0L)));
        System.out.println("  Theo bảng, sau VACUUM FULL, mỗi hồ sơ (12 bảng lớn nhất, gồm chỉ mục và TOAST):");
        deltas.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                .forEach(e -> System.out.printf("    %-32s %,10d byte%n", e.getKey(), e.getValue() / done));
    }
}

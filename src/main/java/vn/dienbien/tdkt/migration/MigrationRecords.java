package vn.dienbien.tdkt.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.audit.LedgerWrites;

/** The record of each migration (process_migration and its cases and mappings): written once, read by the page. */
@Component
class MigrationRecords {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record MovedCase(String caseId, String businessKey) {
    }

    record MappingUsed(String sourceActivityId, String targetActivityId, boolean explicit) {
    }

    /** One migration as auditors and administrators read it. */
    record MigrationView(long id, String processKey, String processName, int fromVersion, int toVersion,
            String migratedBy, String migratedByName, OffsetDateTime migratedAt, int caseCount, List<MovedCase> cases,
            List<MappingUsed> mappings) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerWrites ledger;

    MigrationRecords(JdbcTemplate jdbc, LedgerWrites ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    long insert(MigrationPlans.Versions v, String by, Instant at, List<MovedCase> cases, List<MappingUsed> mappings) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("insert into process_migration (process_key, process_name,"
                    + " source_definition_id, source_version, target_definition_id, target_version, case_count,"
                    + " migrated_by, migrated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, v.processKey());
            ps.setString(2, v.target().getName());
            ps.setString(3, v.source().getId());
            ps.setInt(4, v.source().getVersion());
            ps.setString(5, v.target().getId());
            ps.setInt(6, v.target().getVersion());
            ps.setInt(7, cases.size());
            ps.setString(8, by);
            ps.setTimestamp(9, Timestamp.from(at));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.batchUpdate("insert into process_migration_case (migration_id, process_instance_id, business_key)"
                + " values (?, ?, ?)", cases, 500, (ps, c) -> {
                    ps.setLong(1, id);
                    ps.setString(2, c.caseId());
                    ps.setString(3, c.businessKey() == null ? null : truncate(c.businessKey()));
                });
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            MappingUsed m = mappings.get(i);
            rows.add(new Object[] {id, i + 1, m.sourceActivityId(), m.targetActivityId(), m.explicit()});
        }
        jdbc.batchUpdate("insert into process_migration_mapping (migration_id, seq, source_activity_id,"
                + " target_activity_id, explicit) values (?, ?, ?, ?, ?)", rows);
        // Each moved case's timeline tells this migration: sealed with it.
        ledger.written(cases.stream().map(MovedCase::caseId).toList(), "process_migration", "process_migration_case",
                "process_migration_mapping");
        return id;
    }

    /** Migrations, newest first; of one process when a key is given. */
    List<MigrationView> list(String processKey, int limit) {
        List<Map<String, Object>> rows = processKey == null
                ? jdbc.queryForList(SELECT + " order by m.migrated_at desc, m.id desc fetch first ? rows only", limit)
                : jdbc.queryForList(SELECT + " where m.process_key = ? order by m.migrated_at desc, m.id desc"
                        + " fetch first ? rows only", processKey, limit);
        List<MigrationView> views = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            views.add(view(row));
        }
        return views;
    }

    MigrationView get(long id) {
        return view(jdbc.queryForList(SELECT + " where m.id = ?", id).get(0));
    }

    private static final String SELECT = "select m.id, m.process_key, m.process_name, m.source_version, m.target_version,"
            + " m.migrated_by, m.migrated_at, m.case_count, (select max(o.full_name) from official o"
            + " where o.username = m.migrated_by) as official_name, (select max(concat(concat(coalesce(u.FIRST_, ''),"
            + " ' '), coalesce(u.LAST_, ''))) from ACT_ID_USER u where u.ID_ = m.migrated_by) as user_name"
            + " from process_migration m";

    private MigrationView view(Map<String, Object> row) {
        long id = ((Number) row.get("id")).longValue();
        List<MovedCase> cases = jdbc.query("select process_instance_id, business_key from process_migration_case"
                + " where migration_id = ? order by business_key, process_instance_id",
                (rs, n) -> new MovedCase(rs.getString(1), rs.getString(2)), id);
        List<MappingUsed> mappings = jdbc.query("select source_activity_id, target_activity_id, explicit"
                + " from process_migration_mapping where migration_id = ? order by seq",
                (rs, n) -> new MappingUsed(rs.getString(1), rs.getString(2), rs.getBoolean(3)), id);
        String by = (String) row.get("migrated_by");
        String name = row.get("official_name") != null ? (String) row.get("official_name")
                : row.get("user_name") != null && !((String) row.get("user_name")).isBlank()
                        ? ((String) row.get("user_name")).trim() : by;
        return new MigrationView(id, (String) row.get("process_key"), (String) row.get("process_name"),
                ((Number) row.get("source_version")).intValue(), ((Number) row.get("target_version")).intValue(), by,
                name, at(row.get("migrated_at")), ((Number) row.get("case_count")).intValue(), cases, mappings);
    }

    private static OffsetDateTime at(Object value) {
        Instant instant = value instanceof Timestamp t ? t.toInstant()
                : value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof java.util.Date d ? d.toInstant() : null;
        return instant == null ? null : instant.atZone(VIETNAM).toOffsetDateTime();
    }

    private static String truncate(String value) {
        return value.length() <= 255 ? value : value.substring(0, 255);
    }
}

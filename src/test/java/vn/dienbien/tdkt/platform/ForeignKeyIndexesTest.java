package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * Khóa ngoại có chỉ mục: every foreign key declared on our tables (not the engine's ACT_* tables) has an
 * index whose leading columns are the key's columns, read from the database's own catalog. PostgreSQL
 * does not index a foreign key by itself, so a missing index makes every look-up by the reference
 * (a dossier's status history, a decision's annulments) read the whole table as it grows. H2 silently
 * creates an index for each foreign key; those indexes are not counted, so the test fails on H2 too.
 */
@WorkflowTest
class ForeignKeyIndexesTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void everyForeignKeyOfOurTablesIsTheLeadingPartOfAnIndex() {
        Map<String, List<String>> foreignKeys = foreignKeys();
        Map<String, List<String>> indexes = isPostgres() ? postgresIndexes() : h2Indexes();

        // The check must have something to check: the registry's and the dossiers' keys are there.
        assertThat(foreignKeys).containsKeys("official(unit_id)", "dossier_status_history(dossier_id)");

        List<String> unindexed = new ArrayList<>();
        foreignKeys.forEach((key, columns) -> {
            String table = key.substring(0, key.indexOf('('));
            boolean covered = indexes.entrySet().stream()
                    .filter(index -> index.getKey().startsWith(table + "."))
                    .anyMatch(index -> leads(index.getValue(), columns));
            if (!covered) {
                unindexed.add(key);
            }
        });
        assertThat(unindexed)
                .as("Foreign keys without an index led by their columns (add one in a migration)")
                .isEmpty();
    }

    /**
     * The engine's look-ups made on every step of a case find their rows through an index: those the engine's scripts
     * create, and the sub-tasks of a completed task ({@link EngineIndexes}), which no engine index served, so that each
     * task completion read the whole task table (issue 12, twenty-second pass).
     */
    @Test
    void theEnginesLookUpsOnEveryStepAreTheLeadingPartOfAnIndex() {
        // On H2 the indexes it makes for the engine's foreign keys serve these look-ups too, so they count here.
        Map<String, List<String>> indexes = isPostgres() ? postgresIndexes() : h2IndexesWithGenerated();
        Map<String, List<String>> lookUps = new LinkedHashMap<>();
        lookUps.put("act_ru_task", List.of("parent_task_id_"));
        lookUps.put("act_ru_execution", List.of("proc_inst_id_"));
        lookUps.put("act_ru_variable", List.of("execution_id_"));
        lookUps.put("act_ru_job", List.of("execution_id_"));
        lookUps.put("act_ru_identitylink", List.of("task_id_"));

        List<String> unindexed = new ArrayList<>();
        lookUps.forEach((table, columns) -> {
            boolean covered = indexes.entrySet().stream()
                    .filter(index -> index.getKey().startsWith(table + "."))
                    .anyMatch(index -> leads(index.getValue(), columns));
            if (!covered) {
                unindexed.add(table + columns);
            }
        });
        assertThat(unindexed).as("Engine look-ups without an index led by their columns").isEmpty();
    }

    /** Whether the index's first columns are the key's columns, in any order. */
    private static boolean leads(List<String> indexColumns, List<String> keyColumns) {
        return indexColumns.size() >= keyColumns.size()
                && indexColumns.subList(0, keyColumns.size()).containsAll(keyColumns);
    }

    private boolean isPostgres() {
        String product = jdbc.execute((ConnectionCallback<String>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName();
        });
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** "table(col, …)" of every foreign key of our tables, from INFORMATION_SCHEMA (same on H2 and PostgreSQL). */
    private Map<String, List<String>> foreignKeys() {
        Map<String, List<String>> byConstraint = new LinkedHashMap<>();
        Map<String, String> tableOf = new LinkedHashMap<>();
        jdbc.query("""
                select tc.constraint_name, tc.table_name, k.column_name
                  from information_schema.table_constraints tc
                  join information_schema.key_column_usage k
                    on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
                   and k.table_name = tc.table_name
                 where tc.constraint_type = 'FOREIGN KEY'
                   and lower(tc.table_schema) = lower(current_schema())
                 order by tc.table_name, tc.constraint_name, k.ordinal_position""", rs -> {
            String table = rs.getString(2).toLowerCase(Locale.ROOT);
            if (table.startsWith("act_")) {
                return;
            }
            String constraint = table + "/" + rs.getString(1);
            tableOf.put(constraint, table);
            byConstraint.computeIfAbsent(constraint, c -> new ArrayList<>())
                    .add(rs.getString(3).toLowerCase(Locale.ROOT));
        });
        Map<String, List<String>> keys = new LinkedHashMap<>();
        byConstraint.forEach((constraint, columns) ->
                keys.put(tableOf.get(constraint) + "(" + String.join(", ", columns) + ")", columns));
        return keys;
    }

    /**
     * "table.index" → its columns in order. H2's own indexes behind foreign keys are left out: they are
     * generated and not unique. Those behind primary keys and unique constraints count, as on PostgreSQL.
     */
    private Map<String, List<String>> h2Indexes() {
        return indexes("""
                select c.table_name, c.index_name, c.column_name
                  from information_schema.index_columns c
                  join information_schema.indexes i
                    on i.index_schema = c.index_schema and i.index_name = c.index_name and i.table_name = c.table_name
                 where lower(c.table_schema) = lower(current_schema())
                   and (i.is_generated = false or i.index_type_name in ('PRIMARY KEY', 'UNIQUE INDEX'))
                 order by c.table_name, c.index_name, c.ordinal_position""");
    }

    /** As {@link #h2Indexes}, with the indexes H2 made for foreign keys. */
    private Map<String, List<String>> h2IndexesWithGenerated() {
        return indexes("""
                select c.table_name, c.index_name, c.column_name
                  from information_schema.index_columns c
                 where lower(c.table_schema) = lower(current_schema())
                 order by c.table_name, c.index_name, c.ordinal_position""");
    }

    /**
     * "table.index" → its columns in order, from pg_index (PostgreSQL's information_schema has no indexes).
     * A partial index does not serve every row, so it is left out; an expression counts as no column.
     */
    private Map<String, List<String>> postgresIndexes() {
        return indexes("""
                select t.relname, i.relname, coalesce(a.attname, '(expression)')
                  from pg_index x
                  join pg_class t on t.oid = x.indrelid
                  join pg_class i on i.oid = x.indexrelid
                  join pg_namespace n on n.oid = t.relnamespace
                  cross join lateral unnest(x.indkey::int2[]) with ordinality as k(attnum, position)
                  left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum and k.attnum > 0
                 where n.nspname = current_schema() and x.indpred is null
                 order by t.relname, i.relname, k.position""");
    }

    private Map<String, List<String>> indexes(String sql) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            String key = rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT);
            indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3).toLowerCase(Locale.ROOT));
        });
        return indexes;
    }
}

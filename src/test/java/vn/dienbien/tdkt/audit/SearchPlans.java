package vn.dienbien.tdkt.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The plans of the search's count and page queries, as the search builds them ({@link CaseSearchSql})
 * for one search of each kind the benchmark measures, with the values it used.
 */
final class SearchPlans {

    private SearchPlans() {
    }

    static void print(ApplicationContext context, List<SearchQueries.Query> samples) {
        var jdbc = new NamedParameterJdbcTemplate(context.getBean(DataSource.class));
        for (SearchQueries.Query sample : samples) {
            CaseQuery query = CaseQuery.parse(new LinkedHashMap<>(sample.params()));
            CaseSearchSql.count(query.filter()).ifPresent(s -> plan(jdbc, "Tra cứu (" + sample.kind() + "), đếm: "
                    + sample.query(), s.sql(), s.params()));
            CaseSearchSql.page(query).ifPresent(s -> plan(jdbc, "Tra cứu (" + sample.kind() + "), trang: "
                    + sample.query(), s.sql(), s.params()));
        }
    }

    private static void plan(NamedParameterJdbcTemplate jdbc, String title, String sql, MapSqlParameterSource params) {
        System.out.println("-- " + title);
        System.out.println("   " + sql.replaceAll("\\s+", " "));
        System.out.println("   " + params.getValues());
        for (Map<String, Object> row : jdbc.queryForList("explain (analyze, buffers) " + sql, params)) {
            System.out.println("   | " + row.values().iterator().next());
        }
    }
}

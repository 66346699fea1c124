package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The auditor's search reads its page with a plan made for its values, also once the driver has prepared its statements on the server
 * (PostgreSQL only, CI's second pass). A plan kept for any value guesses a handful of matches for a name and sorts
 * them all; with 10,000 dossiers that sort was most of a search's cost (issue 12, twenty-second pass).
 */
@WorkflowTest
class AuditSearchPlansTest {

    /** More than the driver's five uses before it prepares a statement, and PostgreSQL's five custom plans after. */
    private static final int SEARCHES = 15;

    @Autowired AuditSearch search;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aNameSearchsPageIsPlannedWithItsValueEveryTime() {
        assumeTrue(isPostgres(), "PostgreSQL only: H2 has no plan cache of this kind");
        // One transaction, so that every search and the look at the session's statements use one connection.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < SEARCHES; i++) {
                search.search(CaseQuery.parse(Map.of("kind", "DOSSIER", "nominee", "Thị", "size", "20")));
            }
            List<Map<String, Object>> prepared = jdbc.queryForList("select generic_plans, custom_plans"
                    + " from pg_prepared_statements where statement like '%d.nominee_name_lower like%'"
                    + " and statement like '%limit%'");
            assertThat(prepared).as("the search's pages, prepared on the server by the driver").isNotEmpty();
            assertThat(prepared).allSatisfy(row -> assertThat(((Number) row.get("generic_plans")).longValue())
                    .as("plans kept for any value").isZero());
            // The connection may have served other searches before; these searches' own statements planned anew.
            assertThat(prepared).anySatisfy(row -> assertThat(((Number) row.get("custom_plans")).longValue())
                    .as("plans made for the value").isGreaterThanOrEqualTo(SEARCHES - 5));
        });
    }

    private boolean isPostgres() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }
}

package vn.dienbien.tdkt.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/** The start-up check tells an operator a PostgreSQL server without autovacuum, and stays quiet on H2. */
@WorkflowTest
class AutovacuumCheckTest {

    @Autowired AutovacuumCheck check;
    @Autowired JdbcTemplate jdbc;

    @Test
    void reportsTheServersAutovacuumSettingAndNothingOnH2() throws Exception {
        String product;
        try (var connection = jdbc.getDataSource().getConnection()) {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        }
        if (product.contains("postgres")) {
            boolean off = "off".equalsIgnoreCase(jdbc.queryForObject("show autovacuum", String.class));
            assertThat(check.autovacuumOff()).isEqualTo(off);
        } else {
            assertThat(check.autovacuumOff()).as("H2 has no autovacuum to miss").isFalse();
        }
    }
}

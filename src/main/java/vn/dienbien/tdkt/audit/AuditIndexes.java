package vn.dienbien.tdkt.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.StartupOrder;

/**
 * An index the engine does not create and the search by "person who acted" needs: tasks by their
 * assignee. Created at start-up (the engine's tables are made by the engine, after our migrations),
 * only if missing; both H2 and PostgreSQL understand {@code if not exists}.
 */
@Component
@Order(StartupOrder.DEPLOY_WORKFLOWS - 1)
class AuditIndexes implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    AuditIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("create index if not exists tdkt_hi_taskinst_assignee on ACT_HI_TASKINST (ASSIGNEE_)");
    }
}

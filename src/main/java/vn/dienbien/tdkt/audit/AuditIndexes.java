package vn.dienbien.tdkt.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.StartupOrder;

/**
 * Indexes the engine does not create and the audit module needs: tasks by their assignee (the search by
 * "person who acted"); instances by their parent (a case's sub-processes on its timeline: without it every
 * timeline read the whole ACT_HI_PROCINST, 30 ms with 100,000 finished dossiers); instances by start time
 * newest first, then id (the search's default order, read in index order and stopped after a page, see
 * {@link AuditSearch}). Created at start-up (the engine's tables are made by the engine, after our
 * migrations), only if missing; both H2 and PostgreSQL understand {@code if not exists} and {@code nulls last}.
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
        jdbc.execute("create index if not exists tdkt_hi_procinst_super on ACT_HI_PROCINST (SUPER_PROCESS_INSTANCE_ID_)");
        jdbc.execute("create index if not exists tdkt_hi_procinst_started on ACT_HI_PROCINST"
                + " (START_TIME_ desc nulls last, ID_)");
    }
}

package vn.dienbien.tdkt.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's runtime tables that the engine's own scripts do not create, for look-ups it makes on
 * every step: the sub-tasks of a task being completed ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?},
 * once per completed task, almost always finding none). Without the index each completion read the whole task
 * table, dead rows between two vacuums included (96 µs a completion at 1,500 dossiers; issue 12, twenty-second
 * pass), and more as a province's open tasks grow. Created at start-up after the engine made its tables, only
 * if missing; H2 and PostgreSQL both understand {@code if not exists}. The name keeps clear of the engine's own. The
 * index only makes a look-up faster: if it cannot be made (two nodes making it at the same moment on a new database,
 * where PostgreSQL may refuse the second), the application starts without it and the next start makes it.
 */
@Component
@Order(StartupOrder.DEPLOY_WORKFLOWS - 1)
class EngineIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            jdbc.execute("create index if not exists tdkt_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)");
        } catch (DataAccessException e) {
            log.warn("Index tdkt_ru_task_parent on ACT_RU_TASK not made now (the next start makes it): {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}

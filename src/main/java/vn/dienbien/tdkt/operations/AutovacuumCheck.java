package vn.dienbien.tdkt.operations;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the PostgreSQL server runs without autovacuum. Without it no table is analyzed as the
 * province's cases accumulate: the planner keeps the sizes it first saw and reads whole tables for lookups by
 * key, so every step gets slower with each case (measured: a 10,000-dossier year slowed sixfold as it went). The
 * application cannot switch it on; the operator can ({@code autovacuum = on}, PostgreSQL's default). Other
 * databases (H2) have nothing to check.
 */
@Component
class AutovacuumCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final JdbcTemplate jdbc;

    AutovacuumCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (autovacuumOff()) {
            log.warn("PostgreSQL đang tắt autovacuum (autovacuum = off): bảng không được ANALYZE khi hồ sơ tăng lên,"
                    + " truy vấn sẽ chậm dần. Người vận hành cần bật lại (autovacuum = on, mặc định của PostgreSQL)"
                    + " hoặc chạy VACUUM ANALYZE định kỳ. PostgreSQL runs without autovacuum: turn it on.");
        }
    }

    boolean autovacuumOff() {
        try {
            List<String> value = jdbc.queryForList("select setting from pg_settings where name = 'autovacuum'",
                    String.class);
            return !value.isEmpty() && "off".equalsIgnoreCase(value.get(0));
        } catch (RuntimeException notPostgres) {
            return false; // H2 has no pg_settings and no autovacuum to miss
        }
    }
}

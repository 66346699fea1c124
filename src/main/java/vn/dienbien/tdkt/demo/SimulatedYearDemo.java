package vn.dienbien.tdkt.demo;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.StartupOrder;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Một năm mô phỏng cho lần chạy đầu: on an empty database (no dossier yet) the demo starts with a small province
 * year already done by {@link ProvinceYearSimulator} — launch plans and six-month reports (some late, returned,
 * missing), an evaluation round in every block, a few dozen dossiers awarded, returned, stopped, voted down, some
 * still with their head, under appraisal past their time limit, and a council session whose ballots are partly in,
 * with the decisions registered — so a newcomer, a reviewer and an auditor find a living system at first login.
 * The year ended a year or so before today (the engine's clock walks through it, then is reset). Demo mode only,
 * and only with tdkt.demo.simulated-year=true (on in application.yaml, off in the tests' profile).
 */
@Component
@Order(StartupOrder.DEMO_DATA + 1)
@ConditionalOnProperty(name = {"tdkt.demo.enabled", "tdkt.demo.simulated-year"}, havingValue = "true")
class SimulatedYearDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SimulatedYearDemo.class);

    private final ProvinceYearSimulator simulator;
    private final JdbcTemplate jdbc;
    private final int dossiers;

    SimulatedYearDemo(ProvinceYearSimulator simulator, JdbcTemplate jdbc,
            @Value("${tdkt.demo.simulated-dossiers:30}") int dossiers) {
        this.simulator = simulator;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from dossier", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        long t0 = System.nanoTime();
        int year = LocalDate.ofInstant(WorkflowClock.now(), ProvinceYearSimulator.VIETNAM).minusMonths(13).getYear();
        ProvinceYearSimulator.Result result;
        try {
            result = simulator.simulate(new ProvinceYearSimulator.Settings(dossiers, 1, 2026, year, 8, true, true),
                    ProvinceYearSimulator.Probe.NONE);
        } catch (RuntimeException e) {
            // Demo data is a courtesy: the application starts without it.
            log.warn("Demo: simulated year {} failed after {} ms; the demo starts without it", year,
                    (System.nanoTime() - t0) / 1_000_000, e);
            return;
        }
        log.info("Demo: simulated year {} ({}) in {} ms: {}", year, result.campaignCode(),
                (System.nanoTime() - t0) / 1_000_000, ProvinceYearSimulator.summary(result));
        if (!result.failures().isEmpty()) {
            log.warn("Demo: simulated year had failures: {}", result.failures());
        }
    }
}

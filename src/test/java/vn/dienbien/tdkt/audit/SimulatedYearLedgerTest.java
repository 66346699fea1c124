package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.demo.ProvinceYearSimulator;

/**
 * A whole simulated year — plans, reports, the evaluation round, dossiers in every state, sessions,
 * ballots, decisions — leaves every case matching its seals: sealing only what each transaction wrote
 * misses nothing the application writes.
 */
@WorkflowTest
class SimulatedYearLedgerTest {

    @Autowired ProvinceYearSimulator simulator;
    @Autowired LedgerVerification verification;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aSimulatedYearLeavesEveryCaseIntact() {
        var result = simulator.simulate(new ProvinceYearSimulator.Settings(12, 1, 11, 2039, 6, true, true),
                ProvinceYearSimulator.Probe.NONE);
        assertThat(result.failures()).isEmpty();
        assertThat(result.decisions()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_seal", Integer.class)).isPositive();
        assertThat(verification.verifyAll()).as("every case of this database").isEmpty();
    }
}

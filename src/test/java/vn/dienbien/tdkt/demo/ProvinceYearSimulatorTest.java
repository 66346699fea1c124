package vn.dienbien.tdkt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.decision.AwardDecisions;

/** A small simulated year, as the demo runs it, leaves dossiers in every state and the year's paperwork done. */
@WorkflowTest
class ProvinceYearSimulatorTest {

    @Autowired ProvinceYearSimulator simulator;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired AwardDecisions decisions;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aSmallYearLeavesDossiersInEveryStateAndItsRoundsAndDecisionsDone() {
        var result = simulator.simulate(new ProvinceYearSimulator.Settings(16, 1, 7, 2024, 8, true, true),
                ProvinceYearSimulator.Probe.NONE);

        assertThat(result.failures()).isEmpty();
        assertThat(result.dossiersByStatus()).containsKeys("AWARDED", "NOT_AWARDED", "NOT_ELIGIBLE", "RETURNED",
                "AWAITING_HEAD", "UNDER_APPRAISAL", "ACCEPTED");
        assertThat(result.flags()).as("one elected unit per block").isEqualTo(
                jdbc.queryForObject("select count(distinct emulation_group_id) from org_unit where active"
                        + " and emulation_group_id is not null", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from dossier where campaign_id = ? and award_code = 'FLAG'"
                + " and status = 'AWARDED'", Integer.class, result.campaignId())).isEqualTo(result.flags());
        assertThat(jdbc.queryForList("select distinct nominee_kind from dossier where campaign_id = ?", String.class,
                result.campaignId())).contains("INDIVIDUAL", "COLLECTIVE", "HOUSEHOLD");
        assertThat(result.decisions()).isEqualTo(result.sessions() - 1).isPositive();
        assertThat(decisions.ofYear(2024).size() + decisions.ofYear(2025).size()).isGreaterThanOrEqualTo(
                result.decisions());
        assertThat(result.launchPlansSent()).isPositive();
        assertThat(result.reportsSent()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from evaluation_round where campaign_id = ? and round_year = 2024",
                Integer.class, result.campaignId())).isEqualTo(1);

        // The engine's clock is back to today: what is left open is past its time limit.
        assertThat(ClockUtil.getCurrentTime()).isCloseTo(new Date(), 60_000);
        assertThat(taskService.createTaskQuery().taskCandidateGroup("ban-tdkt").dueBefore(new Date()).count())
                .as("appraisals past their time limit").isPositive();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike("PH-%").taskDefinitionKey("Task_Vote")
                .count()).as("a session's ballots still to come").isPositive();
    }
}

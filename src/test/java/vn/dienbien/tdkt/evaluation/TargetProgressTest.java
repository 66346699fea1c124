package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/** Progress of the targets of section II.1, for indicators of both directions and yearly rates. */
@WorkflowTest
class TargetProgressTest {

    @Autowired TargetProgress progress;
    @Autowired CampaignRepository campaigns;
    @Autowired OrgUnitRepository units;
    @Autowired TargetRepository targets;
    @Autowired BlockEvaluations evaluations;
    @Autowired EvaluationScenario scenario;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void everyIndicatorOfSectionII1IsLoaded() {
        Long id = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        assertThat(targets.countByCampaignId(id)).isGreaterThanOrEqualTo(60);
        assertThat(targets.findByCampaignIdOrderByCode(id)).extracting(Target::getGroupCode)
                .contains("1.1", "1.2", "1.3", "1.4");
    }

    @Test
    void progressIsComputedForBothDirectionsAndForYearlyRates() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        Long sldtbxh = units.findByCode("SLDTBXH").orElseThrow().getId();
        Long snn = units.findByCode("SNNPTNT").orElseThrow().getId();
        Long skhdt = units.findByCode("SKHDT").orElseThrow().getId();

        // Poverty rate, at most 16% in 2025 from 29.93% in 2020: 24.358% expected in 2022.
        progress.enterActual(campaign, "1.2.08", 2022, new BigDecimal("25.0"), sldtbxh, false, "canbo.sldtbxh");
        // Forest cover, at least 45.5% (no baseline given: the target itself).
        progress.enterActual(campaign, "1.3.15", 2022, new BigDecimal("46.2"), snn, false, "canbo.snnptnt");
        // GRDP growth, 7.16%/year on average.
        progress.enterActual(campaign, "1.1.01", 2021, new BigDecimal("6.50"), skhdt, false, "canbo.skhdt");
        progress.enterActual(campaign, "1.1.01", 2022, new BigDecimal("8.00"), skhdt, false, "canbo.skhdt");

        var rows = progress.progress(campaign, 2022);
        var poverty = rows.stream().filter(r -> r.code().equals("1.2.08")).findFirst().orElseThrow();
        assertThat(poverty.expected()).isEqualByComparingTo("24.358");
        assertThat(poverty.gap()).isEqualByComparingTo("0.642");
        assertThat(poverty.status()).isEqualTo("OFF_TRACK");
        assertThat(poverty.statusLabel()).isEqualTo("chậm tiến độ");

        var forest = rows.stream().filter(r -> r.code().equals("1.3.15")).findFirst().orElseThrow();
        assertThat(forest.status()).isEqualTo("ON_TRACK");
        assertThat(forest.gap()).isEqualByComparingTo("0.7");

        var growth = rows.stream().filter(r -> r.code().equals("1.1.01")).findFirst().orElseThrow();
        assertThat(growth.actual()).isEqualByComparingTo("7.25");
        assertThat(growth.status()).isEqualTo("ON_TRACK");

        progress.enterActual(campaign, "1.2.08", 2022, new BigDecimal("24.0"), sldtbxh, false, "canbo.sldtbxh");
        assertThat(progress.progress(campaign, 2022).stream().filter(r -> r.code().equals("1.2.08")).findFirst()
                .orElseThrow().status()).as("a corrected value").isEqualTo("ON_TRACK");
        assertThat(progress.progress(campaign, 2022).stream().filter(r -> r.code().equals("1.2.15")).findFirst()
                .orElseThrow().status()).isEqualTo("NO_DATA");
    }

    @Test
    void eachResponsibleDepartmentEntersItsYearsValuesInTasklist() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        Long roundId = evaluations.openRound(campaign, 2023, "bantdkt");
        var tasks = scenario.tasks(roundId, "Task_EnterTargets");
        assertThat(tasks).hasSize(progress.responsibleUnits(campaign).size()).hasSizeGreaterThanOrEqualTo(10);
        var forestTask = tasks.stream().filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
                .anyMatch(l -> "donvi.snnptnt".equals(l.getGroupId()))).findFirst().orElseThrow();
        assertThat(forestTask.getName()).isEqualTo("Nhập số liệu thực hiện chỉ tiêu năm 2023");

        identityService.setAuthentication("canbo.snnptnt", java.util.List.of("donvi.snnptnt"));
        try {
            taskService.complete(forestTask.getId(), java.util.Map.of("targetValues", "[{\"code\":\"1.3.15\",\"value\":44.0}]"));
        } finally {
            identityService.clearAuthentication();
        }

        var forest = progress.progress(campaign, 2023, "SNNPTNT").stream().filter(r -> r.code().equals("1.3.15"))
                .findFirst().orElseThrow();
        assertThat(forest.actual()).isEqualByComparingTo("44.0");
        assertThat(forest.status()).isEqualTo("OFF_TRACK");
        assertThat(forest.gap()).isEqualByComparingTo("-1.5");
    }

    @Test
    void onlyTheResponsibleDepartmentEntersActualValues() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        Long syt = units.findByCode("SYT").orElseThrow().getId();
        assertThatThrownBy(() -> progress.enterActual(campaign, "1.3.15", 2022, BigDecimal.ONE, syt, false, "canbo.syt"))
                .isInstanceOf(ApiException.class).hasMessageContaining("Chỉ đơn vị chủ trì");
    }
}

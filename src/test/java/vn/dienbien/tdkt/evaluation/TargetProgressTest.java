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

/** Progress of the targets of section II.1, for indicators of both directions and each way of measuring. */
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
        // Forest cover, at least 45.5% by 2025, no 2020 figure in the plan: no line to compare with before 2025.
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
        assertThat(forest.status()).isEqualTo("NO_BASELINE");
        assertThat(forest.statusLabel()).isEqualTo("chưa có số liệu gốc năm 2020");
        assertThat(forest.actual()).isEqualByComparingTo("46.2");
        assertThat(forest.expected()).isNull();
        assertThat(forest.gap()).isNull();

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
        assertThat(forestTask.getDescription()).as("the department the task was created for")
                .endsWith("số liệu thực hiện chỉ tiêu năm 2023.");

        identityService.setAuthentication("canbo.snnptnt", java.util.List.of("donvi.snnptnt"));
        try {
            taskService.complete(forestTask.getId(), java.util.Map.of("targetValues", "[{\"code\":\"1.3.15\",\"value\":44.0}]"));
        } finally {
            identityService.clearAuthentication();
        }

        var forest = progress.progress(campaign, 2023, "SNNPTNT").stream().filter(r -> r.code().equals("1.3.15"))
                .findFirst().orElseThrow();
        assertThat(forest.actual()).isEqualByComparingTo("44.0");
        assertThat(forest.status()).as("no 2020 forest cover in the plan: no gap invented").isEqualTo("NO_BASELINE");
        assertThat(forest.gap()).isNull();
    }

    @Test
    void onlyTheResponsibleDepartmentEntersActualValues() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        Long syt = units.findByCode("SYT").orElseThrow().getId();
        assertThatThrownBy(() -> progress.enterActual(campaign, "1.3.15", 2022, BigDecimal.ONE, syt, false, "canbo.syt"))
                .isInstanceOf(ApiException.class).hasMessageContaining("Chỉ đơn vị chủ trì");
    }

    private TargetProgress.Row enter(String code, int year, String value) {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        progress.enterActual(campaign, code, year, new BigDecimal(value), null, true, "bantdkt");
        return row(code, year);
    }

    private TargetProgress.Row row(String code, int year) {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        return progress.progress(campaign, year).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void everySeededIndicatorSaysHowItIsMeasured() {
        Long campaign = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        var all = targets.findByCampaignIdOrderByCode(campaign);
        assertThat(all).hasSize(79).allSatisfy(t -> assertThat(t.getMeasure()).isNotNull());
        assertThat(all).filteredOn(t -> t.getMeasure() == Target.Measure.CUMULATIVE).extracting(Target::getCode)
                .containsExactly("1.1.08", "1.1.14");
        assertThat(all).filteredOn(t -> t.getDirection() == Target.Direction.AVERAGE_YEARLY_RATE)
                .allSatisfy(t -> assertThat(t.getMeasure()).isEqualTo(Target.Measure.YEARLY_RATE));
        assertThat(row("1.1.08", 2021).measureLabel()).isEqualTo("Cộng dồn giai đoạn");
    }

    @Test
    void aLevelWithABaselineIsOnTrackExactlyOnTheStraightLineAndBehindJustOffIt() {
        // Agriculture's share, at most 16.42% in 2025 from 18.76% in 2020: 17.356% expected in 2023.
        var exactly = enter("1.1.03", 2023, "17.356");
        assertThat(exactly.expected()).isEqualByComparingTo("17.356");
        assertThat(exactly.status()).isEqualTo("ON_TRACK");
        var behind = enter("1.1.03", 2023, "17.3561");
        assertThat(behind.status()).isEqualTo("OFF_TRACK");
        assertThat(behind.statusLabel()).isEqualTo("chậm tiến độ");
        assertThat(behind.gap()).isEqualByComparingTo("0.0001");
        // Industry's share, at least 21.35% in 2025 from 19.1%: 20.45% expected in 2023.
        assertThat(enter("1.1.04", 2023, "20.45").status()).isEqualTo("ON_TRACK");
        assertThat(enter("1.1.04", 2023, "20.4499").status()).isEqualTo("OFF_TRACK");
    }

    @Test
    void aLevelWithoutABaselineSaysSoBeforeTheTargetYearAndMeetsTheTargetInIt() {
        // Full vaccination of infants, at least 95% in 2025; the plan gives no 2020 figure.
        var early = enter("1.2.13", 2023, "10");
        assertThat(early.status()).isEqualTo("NO_BASELINE");
        assertThat(early.statusLabel()).isEqualTo("chưa có số liệu gốc năm 2020");
        assertThat(early.expected()).isNull();
        assertThat(early.gap()).isNull();
        assertThat(early.actual()).isEqualByComparingTo("10");
        assertThat(enter("1.2.13", 2025, "95").status()).as("the target year itself").isEqualTo("ON_TRACK");
        var behind = enter("1.2.13", 2025, "94.9999");
        assertThat(behind.status()).isEqualTo("OFF_TRACK");
        assertThat(behind.expected()).isEqualByComparingTo("95");
    }

    @Test
    void aYearlyRateIsEachYearsValueAgainstTheYearlyTarget() {
        // Trained workers, at least 8,000 every year: a good year before does not carry a bad one.
        assertThat(enter("1.2.03", 2022, "12000").status()).isEqualTo("ON_TRACK");
        var exactly = enter("1.2.03", 2024, "8000");
        assertThat(exactly.expected()).isEqualByComparingTo("8000");
        assertThat(exactly.status()).isEqualTo("ON_TRACK");
        assertThat(enter("1.2.03", 2024, "7999").status()).isEqualTo("OFF_TRACK");
        // Population growth, at most 1.65% a year.
        assertThat(enter("1.2.02", 2024, "1.65").status()).isEqualTo("ON_TRACK");
        assertThat(enter("1.2.02", 2024, "1.6501").status()).isEqualTo("OFF_TRACK");
    }

    @Test
    void aPeriodTotalIsTheSumOfTheYearsSoFarAgainstItsProRataShare() {
        // Total investment 2021-2025, at least 95,000 billion: 57,000 by the end of 2023.
        enter("1.1.08", 2021, "19000");
        var missing = enter("1.1.08", 2023, "19000");
        assertThat(missing.status()).isEqualTo("NO_DATA");
        assertThat(missing.statusLabel()).isEqualTo("chưa có số liệu");
        assertThat(missing.note()).isEqualTo("thiếu số liệu năm 2022");
        enter("1.1.08", 2022, "19000");
        var exactly = row("1.1.08", 2023);
        assertThat(exactly.actual()).isEqualByComparingTo("57000");
        assertThat(exactly.expected()).isEqualByComparingTo("57000");
        assertThat(exactly.status()).isEqualTo("ON_TRACK");
        var behind = enter("1.1.08", 2023, "18999.9999");
        assertThat(behind.status()).isEqualTo("OFF_TRACK");
        assertThat(behind.gap()).isEqualByComparingTo("-0.0001");
        // One year on its own is judged on one year's share, not on the five-year total.
        var first = row("1.1.08", 2021);
        assertThat(first.expected()).isEqualByComparingTo("19000");
        assertThat(first.status()).isEqualTo("ON_TRACK");
    }
}

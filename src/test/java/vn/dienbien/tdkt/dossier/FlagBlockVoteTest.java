package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Issue 8, item 3: a Flag needs the block's vote of that year — recorded in the system, or held
 * outside it and declared by the Board with the block's minutes attached. The registry's block chair
 * (SGDDT chairs KHOI-VX) never counts as elected by itself.
 */
@WorkflowTest
class FlagBlockVoteTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierQueries queries;
    @Autowired DossierBlockVotes blockVotes;
    @Autowired CampaignService campaigns;
    @Autowired OrgUnitRepository units;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ApiClient api;

    private Campaign campaign;

    @BeforeEach
    void campaign() {
        scenario.clockAt(LocalDateTime.of(2062, 1, 10, 9, 0));
        campaign = campaigns.create(new CampaignService.NewCampaign("CO-" + System.nanoTime() % 100000 + "/KH",
                "Phong trào thi đua 2061–2065", LocalDate.of(2061, 2, 1), 2061, 2065, LocalDateTime.of(2061, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(10, 3), 2063, 2065, false));
    }

    @Test
    void withoutABlockVoteTheFlagRuleFailsWithTheReasonEvenForTheRegistrysBlockChair() {
        assertThat(units.findByCode("SGDDT").orElseThrow().isGroupLeader()).as("the registry's chair of KHOI-VX").isTrue();
        Long id = proposeAndConfirm("SGDDT", 2061);

        assertThat(flagRule(id)).satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("Chưa có kết quả bình xét, suy tôn của cụm/khối năm này");
        });
        String instance = scenario.dossier(id).getProcessInstanceId();
        assertThat(runtimeService.getVariable(instance, "allRulesPassed")).isEqualTo(false);
        assertThat((String) runtimeService.getVariable(instance, "eligibilitySummary"))
                .contains("✘ Chưa có kết quả bình xét, suy tôn của cụm/khối năm này")
                .doesNotContain("được bình xét, suy tôn dẫn đầu trong năm");
        assertThatThrownBy(() -> scenario.appraise(id, "ACCEPT", null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("Chưa có kết quả bình xét, suy tôn của cụm/khối");
    }

    @Test
    void aRecordedVoteElectingTheUnitPasses() {
        recordBlockVote("KHOI-VX", 2062, "SGDDT");
        Long id = proposeAndConfirm("SGDDT", 2062);

        assertThat(flagRule(id)).satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).contains("kết quả bình xét của cụm/khối ghi nhận trong hệ thống");
        });
        assertThat(runtimeService.getVariable(scenario.dossier(id).getProcessInstanceId(), "allRulesPassed")).isEqualTo(true);
    }

    @Test
    void aRecordedVoteElectingAnotherUnitFailsAndADeclarationCannotOverrideIt() {
        recordBlockVote("KHOI-VX", 2063, "SYT");
        Long id = proposeAndConfirm("SGDDT", 2063);

        assertThat(flagRule(id)).satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.reason()).contains("suy tôn đơn vị khác");
        });
        assertThatThrownBy(() -> blockVotes.declareOutsideVote(id, "Họp khối ngoài hệ thống.", scenario.user("bantdkt")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(409))
                .hasMessageContaining("đã có kết quả bình xét, suy tôn năm 2063");
        assertThat(scenario.dossier(id).getOutsideVoteDeclaredBy()).isNull();
    }

    /** The table fails while the Board declares (an administrator's broken table): 409, and nothing of it stays. */
    @Test
    void aBrokenEligibilityTableRefusesTheDeclarationWithAConflictAndWritesNothing() {
        Long id = proposeAndConfirm("SGDDT", 2065);
        int statusChanges = queries.record(id).history().size();
        int rules = queries.record(id).rules().size();
        var broken = repositoryService.createDeployment().name("dossier-eligibility-missing-input")
                .addInputStream("dossier-eligibility-missing-input.dmn", new java.io.ByteArrayInputStream(
                        AppraisalContinuationTest.TABLE_WITH_A_MISSING_INPUT.getBytes(StandardCharsets.UTF_8)))
                .deploy();
        try {
            var refused = api.as("bantdkt").postForEntity("/api/dossiers/" + id + "/outside-block-vote",
                    new HttpEntity<>(Map.of("note", "Hội nghị khối ngày 20/12/2065 suy tôn Sở Giáo dục và Đào tạo."),
                            ApiClient.jsonHeaders()), String.class);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
            assertThat(refused.getBody()).contains("Bảng điều kiện khen thưởng").contains("chưa ghi gì")
                    .doesNotContain("Exception").doesNotContain("select");
        } finally {
            repositoryService.deleteDeployment(broken.getId(), true);
        }
        assertThat(scenario.dossier(id).getOutsideVoteDeclaredBy()).as("no declaration").isNull();
        assertThat(queries.record(id).history()).as("no note in the history").hasSize(statusChanges);
        assertThat(queries.record(id).rules()).as("no new round of rules").hasSize(rules);
    }

    @Test
    void aVoteHeldOutsideTheSystemDeclaredByTheBoardWithTheMinutesPasses() {
        Long id = proposeAndConfirm("SGDDT", 2064);
        assertThat(flagRule(id).passed()).isFalse();

        // Only the Board declares it, and only with something to show for it.
        var refused = api.as("canbo.sgddt").postForEntity("/api/dossiers/" + id + "/outside-block-vote",
                new HttpEntity<>(Map.of("note", "Khối đã họp."), ApiClient.jsonHeaders()), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        var empty = api.as("bantdkt").postForEntity("/api/dossiers/" + id + "/outside-block-vote",
                new HttpEntity<>(Map.of("note", "  "), ApiClient.jsonHeaders()), String.class);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(scenario.dossier(id).getOutsideVoteDeclaredBy()).isNull();

        var declared = api.as("bantdkt").postForEntity("/api/dossiers/" + id + "/outside-block-vote",
                new HttpEntity<>(Map.of("note", "Hội nghị khối Văn hóa – Xã hội ngày 20/12/2064 suy tôn Sở Giáo dục và Đào tạo."),
                        ApiClient.jsonHeaders()), Map.class);
        assertThat(declared.getStatusCode().value()).as("%s", declared.getBody()).isEqualTo(200);
        assertThat(declared.getBody().get("allRulesPassed")).isEqualTo(true);

        Dossier dossier = scenario.dossier(id);
        assertThat(dossier.getOutsideVoteDeclaredBy()).isEqualTo("bantdkt");
        assertThat(dossier.getOutsideVoteDeclaredAt()).isNotNull();
        assertThat(flagRule(id)).satisfies(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).contains("suy tôn ngoài hệ thống").contains("biên bản họp cụm/khối");
        });
        assertThat(queries.record(id).history()).anySatisfy(h -> {
            assertThat(h.actor()).isEqualTo("bantdkt");
            assertThat(h.reason()).contains("ngoài hệ thống").contains("20/12/2064");
        });
        assertThat(runtimeService.getVariable(dossier.getProcessInstanceId(), "allRulesPassed")).isEqualTo(true);
        scenario.appraise(id, "ACCEPT", null);
        assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.ACCEPTED);
    }

    @Test
    void theBoardDeclaresTheOutsideVoteFromTheAppraisalFormAndAccepts() {
        Long id = proposeAndConfirm("SGDDT", 2065);
        assertThat(flagRule(id).passed()).isFalse();
        var task = scenario.task(id, "Task_Appraise");

        var answer = api.submitForm("bantdkt", "/engine-rest/task/" + task.getId() + "/submit-form", Map.of(
                "outsideBlockVote", "true",
                "outsideBlockVoteNote", "Hội nghị khối ngày 18/12/2065, 6/6 phiếu suy tôn Sở Giáo dục và Đào tạo.",
                "appraisalDecision", "ACCEPT"));
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();

        assertThat(scenario.dossier(id).getStatus()).isEqualTo(DossierStatus.ACCEPTED);
        assertThat(scenario.dossier(id).getOutsideVoteDeclaredBy()).isEqualTo("bantdkt");
        assertThat(flagRule(id).passed()).isTrue();
        assertThat(queries.record(id).history()).anySatisfy(h -> {
            assertThat(h.actor()).isEqualTo("bantdkt");
            assertThat(h.reason()).contains("ngoài hệ thống").contains("18/12/2065");
        });
    }

    private Proposal flag(String unitCode, int year) {
        var template = scenario.flag(unitCode, "KHOI-VX", year, DossierScenario.officerOf(unitCode));
        return new Proposal(campaign.getCode(), year, template.awardCode(), template.nomineeKind(),
                template.proposingUnitCode(), template.nominee(), template.achievementSummary(), template.facts(),
                template.documents());
    }

    private Long proposeAndConfirm(String unitCode, int year) {
        Long id = scenario.propose(DossierScenario.officerOf(unitCode), flag(unitCode, year));
        scenario.confirmByHead(id, DossierScenario.headOf(unitCode));
        return id;
    }

    /** The FLAG_LEADER verdict of the latest round. */
    private DossierQueries.Rule flagRule(Long id) {
        return queries.record(id).rules().stream().filter(r -> r.ruleCode().equals("FLAG_LEADER"))
                .max(Comparator.comparingInt(DossierQueries.Rule::round)).orElseThrow();
    }

    /** The block's vote of the year as the yearly evaluation records it: the round and the block's result. */
    private void recordBlockVote(String groupCode, int year, String electedUnitCode) {
        var elected = units.findByCode(electedUnitCode).orElseThrow();
        Long groupId = jdbc.queryForObject("select id from emulation_group where code = ?", Long.class, groupCode);
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        jdbc.update("insert into evaluation_round (campaign_id, round_year, status, opened_by, opened_at) values (?, ?, 'CLOSED', 'bantdkt', ?)",
                campaign.getId(), year, now);
        Long roundId = jdbc.queryForObject("select id from evaluation_round where campaign_id = ? and round_year = ?",
                Long.class, campaign.getId(), year);
        jdbc.update("insert into block_result (round_id, group_id, elected_unit_id, decided_at) values (?, ?, ?, ?)",
                roundId, groupId, elected.getId(), now);
    }
}

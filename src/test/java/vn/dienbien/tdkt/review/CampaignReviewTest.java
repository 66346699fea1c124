package vn.dienbien.tdkt.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierBlockVotes;
import vn.dienbien.tdkt.dossier.DossierDecisions;
import vn.dienbien.tdkt.dossier.DossierProposals;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.dossier.Proposal;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The 2043 mid-term report counts what the data holds; the final review publishes exemplary models. */
@WorkflowTest
class CampaignReviewTest {

    @Autowired CampaignReviews reviews;
    @Autowired CampaignService campaigns;
    @Autowired DossierProposals proposals;
    @Autowired DossierBlockVotes blockVotes;
    @Autowired DossierQueries dossiers;
    @Autowired DossierDecisions decisions;
    @Autowired DocumentService documents;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TestRestTemplate rest;

    @Test
    void theMidTermReportCountsTheDataAndTheFinalReviewPublishesExemplaryModels() throws Exception {
        clockAt(LocalDateTime.of(2041, 2, 10, 8, 0));
        Campaign created = campaigns.create(new CampaignService.NewCampaign("RV-" + System.nanoTime() % 100000 + "/KH",
                "Phong trào thi đua 2041–2045", LocalDate.of(2041, 2, 9), 2041, 2045, LocalDateTime.of(2041, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(), 2043, 2045, false));
        Campaign campaign = campaigns.open(created.getId(), "bantdkt");
        sendPlanOnTime(campaign, "SYT");

        clockAt(LocalDateTime.of(2043, 1, 10, 8, 0));
        Long woman = awarded(individual(campaign, "Lò Thị Hạnh", "Nữ", true, 2042));
        awarded(individual(campaign, "Quàng Văn Sơn", "Nam", false, 2043));
        awarded(flag(campaign, 2042));
        clockAt(LocalDateTime.of(2045, 1, 10, 8, 0));
        awarded(individual(campaign, "Vì Thị Lan", "Nữ", false, 2044)); // after the mid-term year: not counted

        clockAt(LocalDateTime.of(2043, 11, 1, 8, 0));
        Long midTerm = reviews.start(campaign.getId(), "MID_TERM", "bantdkt");
        var content = reviews.view(midTerm).content();
        assertThat(content.year()).isEqualTo(2043);
        assertThat(content.launchPlans()).containsEntry("chưa gửi", 45L).containsEntry("gửi đúng hạn", 1L);
        assertThat(content.awardsTotal()).isEqualTo(3);
        assertThat(content.awardsByAward()).containsEntry("Bằng khen của Chủ tịch UBND tỉnh", 2L)
                .containsEntry("Cờ thi đua của UBND tỉnh", 1L);
        assertThat(content.awardsByNomineeKind()).containsEntry("cá nhân", 2L).containsEntry("tập thể", 1L);
        assertThat(content.awardsByYear()).containsEntry(2042, 2L).containsEntry(2043, 1L).doesNotContainKey(2044);
        assertThat(content.awardsByUnit()).containsEntry("Sở Y tế", 2L).containsEntry("Sở Giáo dục và Đào tạo", 1L);
        assertThat(content.directWorkers()).isEqualTo(1);
        assertThat(content.directWorkerPercent()).isEqualTo(50.0);
        assertThat(content.women()).isEqualTo(1);
        assertThat(content.womenPercent()).isEqualTo(50.0);

        complete("bantdkt", task(midTerm, "Task_Finalise"), Map.of("reportNarrative",
                "Phong trào thi đua được triển khai rộng khắp; cần tăng tỷ lệ khen thưởng người trực tiếp lao động."));
        complete("chutich", task(midTerm, "Task_Approve"), Map.of("reviewDecision", "APPROVE"));
        assertThat(reviews.view(midTerm).status()).isEqualTo("APPROVED");

        byte[] xlsx = rest.withBasicAuth("kiemtoan", "demo").getForObject("/api/reviews/" + midTerm + "/report.xlsx", byte[].class);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("Sơ kết");
            Row total = null;
            for (Row row : sheet) {
                if ("Tổng số khen thưởng".equals(row.getCell(0).getStringCellValue())) {
                    total = row;
                }
            }
            assertThat(total).isNotNull();
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(3.0);
        }

        clockAt(LocalDateTime.of(2045, 11, 1, 8, 0));
        Long finalReview = reviews.start(campaign.getId(), "FINAL", "bantdkt");
        assertThat(reviews.view(finalReview).content().awardsTotal()).isEqualTo(4);
        complete("bantdkt", task(finalReview, "Task_Finalise"), Map.of("reportNarrative", "Tổng kết giai đoạn 2041–2045.",
                "exemplaryDossierIds", String.valueOf(woman)));
        assertThat(rest.getForObject("/public/campaigns/" + campaign.getId() + "/exemplary-models", List.class))
                .as("published only once approved").isEmpty();
        complete("chutich", task(finalReview, "Task_Approve"), Map.of("reviewDecision", "APPROVE"));

        List<?> published = rest.getForObject("/public/campaigns/" + campaign.getId() + "/exemplary-models", List.class);
        assertThat(published).hasSize(1);
        assertThat(((Map<?, ?>) published.get(0)).get("nomineeName")).asString().startsWith("Lò Thị Hạnh");
        String csv = rest.getForObject("/public/campaigns/" + campaign.getId() + "/exemplary-models.csv", String.class);
        assertThat(csv).contains("Điển hình tiên tiến").contains("Lò Thị Hạnh").contains("Bằng khen của Chủ tịch UBND tỉnh");
    }

    @Test
    void formulasTypedIntoAProposalReachThePublicCsvOfExemplaryModelsAsPlainText() {
        String hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
        String dde = "+cmd|' /C calc'!A0";
        clockAt(LocalDateTime.of(2046, 2, 10, 8, 0));
        Campaign created = campaigns.create(new CampaignService.NewCampaign("CSV-" + System.nanoTime() % 100000 + "/KH",
                "Phong trào thi đua 2046–2050", LocalDate.of(2046, 2, 9), 2046, 2050, LocalDateTime.of(2046, 3, 30, 0, 0),
                "Asia/Ho_Chi_Minh", List.of(), 2048, 2050, false));
        Campaign campaign = campaigns.open(created.getId(), "bantdkt");
        clockAt(LocalDateTime.of(2048, 1, 10, 8, 0));
        Long hostile = awarded(new Proposal(campaign.getCode(), 2047, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee(hyperlink, "Nữ", 1980, "Y sĩ", "Trạm y tế xã", false,
                        null, null, null, null, null, null, null, null, null),
                dde, new Proposal.Facts(List.of(2046, 2047), 2, false, false, false),
                docs("canbo.syt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG")));

        clockAt(LocalDateTime.of(2050, 11, 1, 8, 0));
        Long finalReview = reviews.start(campaign.getId(), "FINAL", "bantdkt");
        complete("bantdkt", task(finalReview, "Task_Finalise"), Map.of("reportNarrative", "Tổng kết giai đoạn 2046–2050.",
                "exemplaryDossierIds", String.valueOf(hostile)));
        complete("chutich", task(finalReview, "Task_Approve"), Map.of("reviewDecision", "APPROVE"));

        String csv = rest.getForObject("/public/campaigns/" + campaign.getId() + "/exemplary-models.csv", String.class);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").contains("\"'+cmd|' /C calc'!A0\"")
                .doesNotContain("\"=").doesNotContain("\"+");
    }

    private void sendPlanOnTime(Campaign campaign, String unit) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(campaign.getCode() + " | " + unit)
                .taskDefinitionKey("Task_SubmitPlan").singleResult();
        Long doc = documents.store("ke-hoach.pdf", "application/pdf", "%PDF-1.4".getBytes(), user("canbo." + unit.toLowerCase())).id();
        complete("canbo." + unit.toLowerCase(), task, Map.of("planNumber", "1/KH-" + unit, "planDate", "2041-02-10",
                "planSummary", "Kế hoạch phát động.", "planDocumentId", doc));
    }

    private Proposal individual(Campaign campaign, String name, String gender, boolean directWorker, int year) {
        return new Proposal(campaign.getCode(), year, "CERTIFICATE", "INDIVIDUAL", "SYT",
                new Proposal.Nominee(name + " " + System.nanoTime() % 10000, gender, 1980, "Y sĩ", "Trạm y tế xã", directWorker,
                        null, null, null, null, null, null, null, null, null),
                "Hai năm liền hoàn thành xuất sắc nhiệm vụ.", new Proposal.Facts(List.of(year - 1, year), 2, false, false, false),
                docs("canbo.syt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_HOI_DONG"));
    }

    private Proposal flag(Campaign campaign, int year) {
        return new Proposal(campaign.getCode(), year, "FLAG", "COLLECTIVE", "SGDDT",
                new Proposal.Nominee(null, null, null, null, null, null, null, null, 45, "SGDDT", "KHOI-VX", 6, 6, null, null),
                "Dẫn đầu khối.", new Proposal.Facts(List.of(), 0, false, false, false),
                docs("canbo.sgddt", "TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_KHOI"));
    }

    private Long awarded(Proposal proposal) {
        String proposer = "canbo." + proposal.proposingUnitCode().toLowerCase();
        Long id = proposals.propose(proposal, user(proposer));
        String instance = dossiers.record(id).processInstanceId();
        complete("lanhdao." + proposal.proposingUnitCode().toLowerCase(),
                taskService.createTaskQuery().processInstanceId(instance).singleResult(), Map.of("headDecision", "CONFIRM"));
        if ("FLAG".equals(proposal.awardCode())) {
            // No block vote recorded in the system: the Board records the block's vote held outside it.
            blockVotes.declareOutsideVote(id, "Hội nghị khối bình xét, suy tôn (biên bản kèm hồ sơ).", user("bantdkt"));
        }
        complete("bantdkt", taskService.createTaskQuery().processInstanceId(instance).singleResult(),
                Map.of("appraisalDecision", "ACCEPT"));
        decisions.decide(List.of(id), Map.of(), LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                ZoneId.of("Asia/Ho_Chi_Minh")), "Chủ tịch UBND tỉnh", "chutich");
        assertThat(dossiers.record(id).status()).isEqualTo("AWARDED");
        return id;
    }

    private Map<String, Long> docs(String userId, String... types) {
        Map<String, Long> ids = new HashMap<>();
        for (String type : types) {
            ids.put(type, documents.store(type + ".pdf", "application/pdf", "%PDF-1.4".getBytes(), user(userId)).id());
        }
        return ids;
    }

    private Task task(Long reportId, String key) {
        return taskService.createTaskQuery().processVariableValueEquals("reportId", reportId).taskDefinitionKey(key)
                .singleResult();
    }

    private void complete(String userId, Task task, Map<String, Object> variables) {
        identityService.setAuthentication(userId, user(userId).groupIds());
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CurrentUser user(String userId) {
        return new CurrentUser(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    private static void clockAt(LocalDateTime local) {
        ClockUtil.setCurrentTime(Date.from(local.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant()));
    }
}

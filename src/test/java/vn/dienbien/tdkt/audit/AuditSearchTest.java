package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.audit.AuditScenario.clockAt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * Tra cứu hồ sơ: an auditor finds the cases made through the real procedure by nominee, unit, block,
 * award, status, decision number, the person who acted and the day the case started; pages and sorts
 * them; exports them as CSV and XLSX; and whoever is not a reader is refused.
 */
@WorkflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest {

    @Autowired AuditScenario scenario;
    @Autowired ApiClient api;
    @Autowired AuditSearch search;
    @Autowired DataSource dataSource;

    /** A mark in every nominee's name, so that the search sees this class's cases among the others. */
    final String mark = "K" + System.nanoTime() % 1_000_000;
    String xuan;
    String binh;
    String chung;
    String formula;
    Long a;
    Long b;
    Long c;
    Long d;
    Long session;
    String decision;

    @BeforeAll
    void cases() {
        xuan = "Lò Thị Xuân " + mark;
        binh = "Cà Văn Bình " + mark;
        chung = "Quàng Thị Chung " + mark;
        formula = "=HYPERLINK(\"x\") " + mark;
        try {
            // Half past midnight in Điện Biên is still the day before in UTC.
            clockAt(LocalDateTime.of(2024, 3, 12, 0, 30));
            a = scenario.propose("SYT", xuan);
            scenario.confirmAndAccept(a, "SYT");
            clockAt(LocalDateTime.of(2024, 3, 13, 10, 0));
            b = scenario.propose("SYT", binh);
            scenario.confirmAndAccept(b, "SYT");
            clockAt(LocalDateTime.of(2024, 3, 14, 10, 0));
            c = scenario.propose("STC", chung);
            clockAt(LocalDateTime.of(2024, 3, 15, 15, 0));
            session = scenario.decidedSession("Phiên họp tháng 3/2024 " + mark, LocalDate.of(2024, 3, 20), List.of(a, b));
            decision = scenario.decisionOf(session);
            clockAt(LocalDateTime.of(2024, 3, 16, 9, 0));
            d = scenario.propose("SYT", formula);
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNomineeIsFoundByPartOfTheNameInAnyCaseWithTheSessionThatVotedOnIt() {
        var page = page("kiemtoan", "nominee=" + "thị xuân " + mark.toLowerCase());
        assertThat(ids(page)).containsExactlyInAnyOrder(scenario.caseOf(a), scenario.sessionCase(session));
        Map<String, Object> dossier = item(page, scenario.caseOf(a));
        assertThat(dossier).containsEntry("kind", "DOSSIER").containsEntry("kindLabel", "Hồ sơ khen thưởng")
                .containsEntry("title", "Bằng khen – " + xuan + " (Sở Y tế)").containsEntry("campaignCode", "383/KH-UBND")
                .containsEntry("year", 2023).containsEntry("unitCode", "SYT").containsEntry("unitName", "Sở Y tế")
                .containsEntry("awardCode", "CERTIFICATE").containsEntry("nomineeName", xuan)
                .containsEntry("status", "AWARDED").containsEntry("statusLabel", "Được khen thưởng")
                .containsEntry("decisionCode", decision).containsEntry("recordId", a.intValue());
        assertThat((String) dossier.get("startedAt")).isEqualTo("2024-03-12T00:30:00+07:00");
        assertThat(dossier.get("endedAt")).as("an awarded dossier's case has ended").isNotNull();
        assertThat(item(page, scenario.sessionCase(session))).containsEntry("kind", "COUNCIL_SESSION")
                .containsEntry("status", "DECIDED").containsEntry("statusLabel", "Đã có quyết định khen thưởng")
                .containsEntry("title", "Phiên họp tháng 3/2024 " + mark + " (họp ngày 20/03/2024) – Quyết định " + decision)
                .containsEntry("year", 2024);
        assertThat(total(page("kiemtoan", "nominee=LÒ THỊ XUÂN " + mark))).as("case does not matter").isEqualTo(2);
        assertThat(total(page("kiemtoan", "nominee=Lo Thi Xuan " + mark))).as("diacritics as typed").isZero();
    }

    @Test
    void launchPlansEvaluationRoundsAndReviewsAreFoundByTheirCampaign() {
        var campaign = api.openCampaign("TRACUU");
        int year = campaign.today().getYear();
        assertThat(api.as("bantdkt").postForEntity("/api/campaigns/" + campaign.id() + "/evaluation-rounds",
                Map.of("year", year), String.class).getStatusCode().value()).isEqualTo(201);
        assertThat(api.as("bantdkt").postForEntity("/api/campaigns/" + campaign.id() + "/reviews",
                Map.of("kind", "MID_TERM"), String.class).getStatusCode().value()).isEqualTo(201);
        String ofCampaign = "campaign=" + campaign.code();

        var plans = page("kiemtoan", ofCampaign + "&kind=LAUNCH_PLAN&size=200");
        assertThat(total(plans)).as("every unit of the registry has its plan").isEqualTo(46);
        assertThat(item(page("kiemtoan", ofCampaign + "&kind=LAUNCH_PLAN&unit=SYT"), 0))
                .containsEntry("kindLabel", "Kế hoạch phát động").containsEntry("unitName", "Sở Y tế")
                .containsEntry("title", "Kế hoạch phát động – Sở Y tế (đợt " + campaign.code() + ")")
                .containsEntry("status", "NOT_SENT").containsEntry("statusLabel", "Chưa gửi")
                .containsEntry("year", year);
        assertThat(items(page("kiemtoan", ofCampaign + "&group=KHOI-TH&size=200")))
                .extracting(i -> i.get("unitCode")).contains("STC", "SNV").doesNotContain("SYT");
        assertThat(item(page("kiemtoan", ofCampaign + "&kind=evaluation"), 0))
                .containsEntry("kindLabel", "Đánh giá, bình xét")
                .containsEntry("title", "Đánh giá, bình xét năm " + year + " (đợt " + campaign.code() + ")")
                .satisfies(r -> assertThat(r.get("statusLabel")).isEqualTo(
                        "OPEN".equals(r.get("status")) ? "Đang đánh giá, bình xét" : "Đã kết thúc"));
        assertThat(item(page("kiemtoan", ofCampaign + "&kind=REVIEW&status=DRAFT"), 0))
                .containsEntry("kindLabel", "Sơ kết, tổng kết").containsEntry("statusLabel", "Dự thảo")
                .satisfies(r -> assertThat((String) r.get("title")).startsWith("Sơ kết năm "));
        assertThat(total(page("kiemtoan", ofCampaign))).isEqualTo(46 + 1 + 1);
        assertThat(total(page("kiemtoan", ofCampaign + "&nominee=a"))).as("plans, rounds and reviews have no nominee")
                .isZero();
    }

    @Test
    void unitBlockAwardAndStatusNarrowTheSearch() {
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&unit=STC"))).containsExactly(scenario.caseOf(c));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&group=KHOI-TH"))).containsExactly(scenario.caseOf(c));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&unit=SYT&kind=DOSSIER")))
                .containsExactlyInAnyOrder(scenario.caseOf(a), scenario.caseOf(b), scenario.caseOf(d));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&unit=SYT")))
                .as("the session voted on SYT's dossiers").contains(scenario.sessionCase(session));
        assertThat(total(page("kiemtoan", "nominee=" + mark + "&award=CERTIFICATE"))).isEqualTo(5);
        assertThat(total(page("kiemtoan", "nominee=" + mark + "&award=FLAG"))).isZero();
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&status=AWARDED")))
                .containsExactlyInAnyOrder(scenario.caseOf(a), scenario.caseOf(b));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&status=awaiting_head")))
                .containsExactlyInAnyOrder(scenario.caseOf(c), scenario.caseOf(d));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&year=2023&campaign=383/KH-UBND&kind=DOSSIER"))).hasSize(4);
        assertThat(total(page("kiemtoan", "nominee=" + mark + "&year=2022"))).isZero();
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&year=2024")))
                .as("a session's year is the year it met").containsExactly(scenario.sessionCase(session));
    }

    @Test
    void aDecisionNumberFindsTheSessionThatIssuedItAndTheDossiersItLists() {
        var page = page("kiemtoan", "decision=" + decision + "&size=200");
        assertThat(ids(page)).contains(scenario.sessionCase(session), scenario.caseOf(a), scenario.caseOf(b))
                .doesNotContain(scenario.caseOf(c), scenario.caseOf(d));
        // Numbers restart each year, and other classes' revocation cases may be found by their annulment's.
        assertThat(items(page)).allSatisfy(i -> assertThat(i.get("decisionCode") + " " + i.get("revocation"))
                .as("the number is the row's decision or its annulment decision").contains(decision));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&decision=" + decision.toLowerCase())))
                .containsExactlyInAnyOrder(scenario.sessionCase(session), scenario.caseOf(a), scenario.caseOf(b));
    }

    @Test
    void thePersonWhoActedFindsTheCasesOfTheirActs() {
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&actor=lanhdao.syt")))
                .as("the head confirmed A and B").containsExactlyInAnyOrder(scenario.caseOf(a), scenario.caseOf(b));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&actor=hoidong1")))
                .as("a member voted in the session only").containsExactly(scenario.sessionCase(session));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&actor=chutich")))
                .as("the Chairman decided the session, which awarded A and B")
                .containsExactlyInAnyOrder(scenario.sessionCase(session), scenario.caseOf(a), scenario.caseOf(b));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&actor=canbo.stc"))).containsExactly(scenario.caseOf(c));
        assertThat(total(page("kiemtoan", "nominee=" + mark + "&actor=canbo.snv"))).isZero();
    }

    @Test
    void theDateRangeIsOfDaysInDienBienBothIncluded() {
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&from=2024-03-12&to=2024-03-12")))
                .containsExactly(scenario.caseOf(a));
        assertThat(total(page("kiemtoan", "nominee=" + mark + "&to=2024-03-11")))
                .as("00:30 on 12/03 in Điện Biên is 11/03 in UTC, but the day is Điện Biên's").isZero();
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&from=2024-03-13&to=2024-03-15")))
                .containsExactlyInAnyOrder(scenario.caseOf(b), scenario.caseOf(c), scenario.sessionCase(session));
        assertThat(ids(page("kiemtoan", "nominee=" + mark + "&from=2024-03-16"))).containsExactly(scenario.caseOf(d));
    }

    @Test
    void resultsArePagedAndSortedByTheWhitelistedFields() {
        String dossiers = "nominee=" + mark + "&kind=DOSSIER";
        assertThat(ids(page("kiemtoan", dossiers))).as("newest first by default")
                .containsExactly(scenario.caseOf(d), scenario.caseOf(c), scenario.caseOf(b), scenario.caseOf(a));
        var first = page("kiemtoan", dossiers + "&sort=nomineeName,asc&size=2&page=0");
        var second = page("kiemtoan", dossiers + "&sort=nomineeName&size=2&page=1");
        assertThat(first.getBody()).containsEntry("page", 0).containsEntry("size", 2).containsEntry("total", 4);
        assertThat(names(first)).containsExactly(formula, binh);
        assertThat(names(second)).containsExactly(xuan, chung);
        assertThat(items(page("kiemtoan", dossiers + "&size=2&page=2"))).as("past the last page").isEmpty();
        assertThat(names(page("kiemtoan", dossiers + "&sort=nomineeName,desc"))).containsExactly(chung, xuan, binh, formula);
        assertThat(ids(page("kiemtoan", dossiers + "&sort=startedAt,asc")))
                .containsExactly(scenario.caseOf(a), scenario.caseOf(b), scenario.caseOf(c), scenario.caseOf(d));
        assertThat(items(page("kiemtoan", "nominee=" + mark + "&sort=kind"))).extracting(i -> i.get("kind"))
                .containsExactly("COUNCIL_SESSION", "DOSSIER", "DOSSIER", "DOSSIER", "DOSSIER");
        for (String direction : List.of("asc", "desc")) {
            assertThat(items(page("kiemtoan", "nominee=" + mark + "&sort=decisionCode," + direction)))
                    .as("cases without a decision come last either way").extracting(i -> i.get("decisionCode"))
                    .containsExactly(decision, decision, decision, null, null);
        }
        for (String sort : List.of("year", "unitName", "status")) {
            assertThat(total(page("kiemtoan", "nominee=" + mark + "&sort=" + sort))).as(sort).isEqualTo(5);
        }
    }

    @Test
    void typedTextIsAValueNeverSqlOrAWildcard() {
        assertThat(total(page("kiemtoan", "nominee=%"))).isZero();
        assertThat(total(page("kiemtoan", "nominee=_"))).isZero();
        assertThat(total(page("kiemtoan", "nominee=x' or '1'='1"))).isZero();
        assertThat(total(page("kiemtoan", "unit=SYT' or 1=1 --&nominee=" + mark))).isZero();
    }

    @Test
    void badParametersAreRefusedInVietnamese() {
        for (String query : List.of("sort=title", "sort=startedAt,sideways", "sort=year,asc,desc", "page=-1", "page=abc",
                "page=99999999999", "size=0", "size=201", "size=ba", "year=20x4", "year=99999", "from=2024-02-30",
                "to=13/03/2024", "from=2024-03-15&to=2024-03-12", "kind=DECISION", "status=DANG_XU_LY",
                "kind=REVIEW&status=AWARDED", "nominee=" + "x".repeat(201))) {
            var answer = api.as("kiemtoan").exchange("/api/audit/cases?" + query, HttpMethod.GET, null, Map.class);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat((String) answer.getBody().get("message")).as(query).matches("(?s).*[À-ỹĐđ].*")
                    .doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
            var csv = api.as("kiemtoan").exchange("/api/audit/cases.csv?" + query, HttpMethod.GET, null, String.class);
            assertThat(csv.getStatusCode().value()).as("csv " + query).isEqualTo(400);
        }
    }

    @Test
    void onlyReadersMaySearchOrExport() {
        for (String path : List.of("/api/audit/cases", "/api/audit/cases.csv", "/api/audit/cases.xlsx")) {
            for (String user : List.of("canbo.syt", "hoidong1")) {
                var answer = api.as(user).exchange(path + "?nominee=" + mark, HttpMethod.GET, null, String.class);
                assertThat(answer.getStatusCode().value()).as(user + " " + path).isEqualTo(403);
                assertThat(answer.getBody()).contains("Tra cứu lịch sử hồ sơ dành cho kiểm tra viên");
            }
            assertThat(api.as(null).exchange(path, HttpMethod.GET, null, String.class).getStatusCode().value())
                    .isEqualTo(401);
            for (String reader : List.of("kiemtoan", "mttq.giamsat", "bantdkt", "truongban.tdkt", "admin")) {
                assertThat(api.as(reader).exchange(path + "?nominee=" + mark, HttpMethod.GET, null, String.class)
                        .getStatusCode().value()).as(reader + " " + path).isEqualTo(200);
            }
        }
    }

    @Test
    void theCsvHasABomVietnameseHeadersEveryMatchingCaseAndNeutralisedFormulas() {
        var answer = api.as("mttq.giamsat").exchange("/api/audit/cases.csv?nominee=" + mark + "&sort=startedAt,asc",
                HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv").contains("UTF-8");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .matches("attachment; filename=\"tra-cuu-ho-so-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        byte[] body = answer.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).startsWith("\"Mã hồ sơ (quy trình)\",\"Loại hồ sơ\",\"Tên hồ sơ\"")
                .contains("\"Đối tượng đề nghị\"", "\"Trạng thái\"", "\"Số quyết định\"");
        assertThat(lines).as("a header, five cases, each line ended by CRLF").hasSize(1 + 5 + 1).endsWith("");
        assertThat(lines[1]).startsWith("\"" + scenario.caseOf(a) + "\",\"Hồ sơ khen thưởng\"")
                .contains(",2023,", "\"Được khen thưởng\"", "\"" + decision + "\"", "\"12/03/2024 00:30\"");
        assertThat(lines[5]).contains("\"'=HYPERLINK(\"\"x\"\") " + mark + "\"")
                .doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void theXlsxOpensWithEveryMatchingCaseAndFormulasAsText() throws Exception {
        ResponseEntity<byte[]> answer = api.as("bantdkt").exchange("/api/audit/cases.xlsx?nominee=" + mark
                + "&sort=startedAt,asc", HttpMethod.GET, null, byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .matches("attachment; filename=\"tra-cuu-ho-so-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Tra cứu hồ sơ");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hồ sơ (quy trình)");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(scenario.caseOf(a));
            assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2023);
            var nominee = sheet.getRow(5).getCell(9);
            assertThat(nominee.getCellType()).isEqualTo(CellType.STRING);
            assertThat(nominee.getStringCellValue()).isEqualTo(formula);
        }
    }

    @Test
    void anExportReadsItsRowsOneByOneInsideAReadOnlyTransaction() {
        List<String> seen = new ArrayList<>();
        search.each(CaseQuery.parse(Map.of("nominee", mark, "sort", "startedAt,asc")), row -> {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                assertThat(connection.getAutoCommit()).as("PostgreSQL streams with a cursor only without autocommit")
                        .isFalse();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            seen.add(row.caseId());
        });
        assertThat(seen).containsExactly(scenario.caseOf(a), scenario.caseOf(b), scenario.caseOf(c),
                scenario.sessionCase(session), scenario.caseOf(d));
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> page(String user, String query) {
        var answer = api.as(user).exchange("/api/audit/cases?" + query, HttpMethod.GET, null, Map.class);
        assertThat(answer.getStatusCode().value()).as("%s: %s", query, answer.getBody()).isEqualTo(200);
        return answer;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> items(ResponseEntity<Map> page) {
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    @SuppressWarnings("rawtypes")
    private static List<String> ids(ResponseEntity<Map> page) {
        return items(page).stream().map(i -> (String) i.get("caseId")).toList();
    }

    @SuppressWarnings("rawtypes")
    private static List<String> names(ResponseEntity<Map> page) {
        return items(page).stream().map(i -> (String) i.get("nomineeName")).toList();
    }

    @SuppressWarnings("rawtypes")
    private static long total(ResponseEntity<Map> page) {
        return ((Number) page.getBody().get("total")).longValue();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> item(ResponseEntity<Map> page, int index) {
        assertThat(items(page)).hasSizeGreaterThan(index);
        return items(page).get(index);
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> item(ResponseEntity<Map> page, String caseId) {
        return items(page).stream().filter(i -> caseId.equals(i.get("caseId"))).findFirst().orElseThrow();
    }
}

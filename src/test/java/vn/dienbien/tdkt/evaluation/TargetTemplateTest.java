package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.platform.Spreadsheets;

/** A campaign's targets in the XLSX template: exported, loaded back by the Board, refused row by row. */
@WorkflowTest
class TargetTemplateTest {

    @Autowired ApiClient api;
    @Autowired CampaignRepository campaigns;
    @Autowired TargetRepository targets;
    @Autowired TargetProgress progress;

    private byte[] export(long campaignId) {
        ResponseEntity<byte[]> answer = api.as("canbo.syt").getForEntity("/api/campaigns/" + campaignId + "/targets/xlsx",
                byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(Spreadsheets.XLSX);
        return answer.getBody();
    }

    private ResponseEntity<String> load(String user, long campaignId, byte[] xlsx) {
        return api.as(user).postForEntity("/api/campaigns/" + campaignId + "/targets/xlsx",
                ApiClient.file("chi-tieu.xlsx", Spreadsheets.XLSX, xlsx), String.class);
    }

    private static List<List<String>> cells(byte[] xlsx) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < TargetTemplate.HEADINGS.size(); c++) {
                    values.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    /** The file with the years moved to a campaign of {@code start}..{@code start + 4}. */
    private static byte[] movedTo(byte[] xlsx, int start) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                sheet.getRow(r).getCell(8).setCellValue(start - 1);
                sheet.getRow(r).getCell(10).setCellValue(start + 4);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theTemplateExportedIsLoadedBackUnchangedIntoANewCampaign() throws IOException {
        long plan = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        byte[] seeded = export(plan);
        List<List<String>> original = cells(seeded);
        assertThat(original.get(0)).isEqualTo(TargetTemplate.HEADINGS);
        assertThat(original).hasSize(80);
        assertThat(original).filteredOn(r -> r.get(0).equals("1.1.08")).singleElement()
                .satisfies(r -> assertThat(r.subList(5, 12)).containsExactly("Cộng dồn giai đoạn", "Đạt ít nhất",
                        "95000", "2020", "", "2025", "SKHDT"));
        assertThat(original).filteredOn(r -> r.get(0).equals("1.1.03")).singleElement()
                .satisfies(r -> assertThat(r.get(9)).isEqualTo("18.76"));

        var campaign = api.openCampaign("CT");
        int start = campaign.today().getYear();
        var loaded = load("bantdkt", campaign.id(), movedTo(seeded, start));
        assertThat(loaded.getStatusCode()).as(loaded.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(loaded.getBody()).contains("\"added\":79", "\"updated\":0", "\"removed\":0");

        List<List<String>> again = cells(export(campaign.id()));
        assertThat(again).hasSameSizeAs(original);
        for (int r = 0; r < original.size(); r++) {
            var expected = new ArrayList<>(original.get(r));
            if (r > 0) {
                expected.set(8, String.valueOf(start - 1));
                expected.set(10, String.valueOf(start + 4));
            }
            assertThat(again.get(r)).as("row %d", r + 1).isEqualTo(expected);
        }
        assertThat(progress.progress(campaign.id(), start)).hasSize(79);

        var reloaded = load("bantdkt", campaign.id(), export(campaign.id()));
        assertThat(reloaded.getStatusCode()).as(reloaded.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reloaded.getBody()).contains("\"added\":0", "\"updated\":79", "\"removed\":0");
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    @Test
    void aMalformedRowIsRefusedWithItsRowAndColumnAndNothingIsWritten() {
        var campaign = api.openCampaign("CT");
        int y = campaign.today().getYear();
        List<List<?>> rows = List.of(TargetTemplate.HEADINGS,
                row("1.01", "1", "Kinh tế", "Tốc độ tăng trưởng", "%/năm", "Hằng năm", "Bình quân hằng năm đạt ít nhất",
                        7, y - 1, null, y + 4, "SKHDT"),
                row("1.02", "1", "Kinh tế", "Tổng vốn đầu tư", "tỷ đồng", "Cộng dồn giai đoạn", "Đạt ít nhất",
                        95000, y - 1, null, y + 4, "SKHDT"),
                row("1.03", "1", "Kinh tế", "Tỷ lệ hộ nghèo", "%", "Mức đạt được", "Không vượt quá",
                        "nhiều", y - 1, "29,93", y + 4, "SKHDT"));
        var refused = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", rows));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Dòng 4, cột H (Giá trị mục tiêu): \\\"nhiều\\\" không phải là số");
        assertThat(targets.countByCampaignId(campaign.id())).as("nothing half-written").isZero();

        List<List<?>> badUnit = List.of(TargetTemplate.HEADINGS,
                row("1.01", "1", "Kinh tế", "Tốc độ tăng trưởng", "%/năm", "Mức đạt được", "Bình quân hằng năm đạt ít nhất",
                        7, y - 1, null, y + 9, "KHONGCO"));
        var refusedAgain = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", badUnit));
        assertThat(refusedAgain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusedAgain.getBody()).contains("Dòng 2, cột L (Mã đơn vị chủ trì)", "Dòng 2, cột G (Chiều)",
                "Dòng 2, cột K (Năm mục tiêu)");
        assertThat(targets.countByCampaignId(campaign.id())).isZero();

        var fixed = List.of(rows.get(0), rows.get(1), rows.get(2),
                row("1.03", "1", "Kinh tế", "Tỷ lệ hộ nghèo", "%", "Mức đạt được", "Không vượt quá",
                        16, y - 1, "29,93", y + 4, "SLDTBXH"));
        var loaded = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", fixed));
        assertThat(loaded.getStatusCode()).as(loaded.getBody()).isEqualTo(HttpStatus.OK);
        var poverty = targets.findByCampaignIdAndCode(campaign.id(), "1.03").orElseThrow();
        assertThat(poverty.getBaselineValue()).isEqualByComparingTo("29.93");
        assertThat(poverty.getMeasure()).isEqualTo(Target.Measure.LEVEL);
        assertThat(targets.findByCampaignIdAndCode(campaign.id(), "1.02").orElseThrow().getMeasure())
                .isEqualTo(Target.Measure.CUMULATIVE);
    }

    @Test
    void onlyTheBoardLoadsTargetsAndOnlyAnXlsxFileInTheTemplate() {
        var campaign = api.openCampaign("CT");
        byte[] seeded = export(campaigns.findByCode("383/KH-UBND").orElseThrow().getId());
        assertThat(load("canbo.syt", campaign.id(), seeded).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var notXlsx = load("bantdkt", campaign.id(), "Mã chỉ tiêu,Tên\n1,2\n".getBytes());
        assertThat(notXlsx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notXlsx.getBody()).contains(".xlsx");

        var wrongHeadings = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu",
                List.of(List.of("Mã", "Tên"), List.of("1", "x"))));
        assertThat(wrongHeadings.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongHeadings.getBody()).contains("Dòng 1, cột A");

        var noCampaign = load("bantdkt", 987654321L, seeded);
        assertThat(noCampaign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(targets.countByCampaignId(campaign.id())).isZero();
    }

    @Test
    void anIndicatorWithValuesCannotBeDroppedByALoad() {
        var campaign = api.openCampaign("CT");
        int y = campaign.today().getYear();
        List<List<?>> two = List.of(TargetTemplate.HEADINGS,
                row("A1", "A", "Nhóm", "Chỉ tiêu một", "%", "Mức đạt được", "Đạt ít nhất", 50, y - 1, 10, y + 4, "SYT"),
                row("A2", "A", "Nhóm", "Chỉ tiêu hai", "%", "Mức đạt được", "Đạt ít nhất", 50, y - 1, null, y + 4, "SYT"));
        assertThat(load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", two)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        progress.enterActual(campaign.id(), "A1", y, java.math.BigDecimal.TEN, null, true, "bantdkt");
        var dropped = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", List.of(two.get(0), two.get(2))));
        assertThat(dropped.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(dropped.getBody()).contains("A1", "đã có số liệu thực hiện");
        assertThat(targets.countByCampaignId(campaign.id())).isEqualTo(2);
        var withoutTwo = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", List.of(two.get(0), two.get(1))));
        assertThat(withoutTwo.getBody()).contains("\"removed\":1");
    }

    @Test
    void hostileFilesAreRefusedAsDataNeverAServerError() {
        var campaign = api.openCampaign("CT");
        int y = campaign.today().getYear();
        List<List<?>> longName = List.of(TargetTemplate.HEADINGS, row("A1", "A", "Nhóm", "Đ".repeat(32_767), "%",
                "Mức đạt được", "Đạt ít nhất", 1e20, y - 1, "1.00001", y + 4, "SYT"));
        var refused = load("bantdkt", campaign.id(), Spreadsheets.xlsx("Chỉ tiêu", longName));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Dòng 2, cột D (Tên chỉ tiêu): dài quá 500 ký tự",
                "Dòng 2, cột H (Giá trị mục tiêu)", "Dòng 2, cột J (Giá trị năm gốc)");

        var json = new org.springframework.http.HttpHeaders();
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var notMultipart = api.as("bantdkt").postForEntity("/api/campaigns/" + campaign.id() + "/targets/xlsx",
                new org.springframework.http.HttpEntity<>("{\"file\": 1}", json), String.class);
        assertThat(notMultipart.getStatusCode().is4xxClientError()).as(notMultipart.getBody()).isTrue();
        assertThat(targets.countByCampaignId(campaign.id())).isZero();
    }
}

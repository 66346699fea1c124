package vn.dienbien.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.council.CouncilScenario.clockAt;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFPictureData;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.council.CouncilScenario;

/**
 * Issue 10, item 4: every awardee of a decision gets a verification code when the decision is issued;
 * the certificate list carries the codes and their QR codes; anyone checks a code on the public page,
 * which shows only the award, the name, the decision and whether it stands; codes cannot be enumerated.
 */
@WorkflowTest
class CertificateVerificationTest {

    @Autowired CouncilScenario scenario;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired VerificationThrottle throttle;

    @BeforeEach
    @AfterEach
    void reset() {
        ClockUtil.reset();
        throttle.forget();
    }

    /** A decision of the Chairman naming two certificates of the health department; returns its id and the dossiers. */
    record Issued(long decisionId, long a, long b) {
    }

    private Issued issued(String first, String second) {
        clockAt(LocalDateTime.of(2024, 3, 12, 9, 0));
        Long a = scenario.acceptedCertificate(first);
        Long b = scenario.acceptedCertificate(second);
        Long sessionId = scenario.open("Phiên họp xét Bằng khen tháng 3/2024", LocalDate.of(2024, 3, 20), List.of(a, b));
        scenario.allVote(sessionId, List.of(a, b), "YES");
        scenario.completeAs("thuongtruc.hd", scenario.task(sessionId, "Task_Submission"), Map.of("submissionNote", "Trình 2 hồ sơ."));
        scenario.approveAndRegister(sessionId);
        long decisionId = jdbc.queryForObject("select decision_id from decision_awardee where dossier_id = ?", Long.class, a);
        return new Issued(decisionId, a, b);
    }

    private String codeOf(long dossierId) {
        return jdbc.queryForObject("select code from award_certificate where dossier_id = ?", String.class, dossierId);
    }

    @Test
    void issuingADecisionGivesEveryAwardeeItsOwnCode() {
        Issued d = issued("Lò Văn Mã", "Cà Thị Số");
        List<String> codes = jdbc.queryForList("select code from award_certificate where decision_id = ?", String.class,
                d.decisionId());
        assertThat(codes).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}"));
    }

    @Test
    void theCertificateListCarriesEachAwardeesCodeAndAQrCodeOfItsAddress() throws Exception {
        Issued d = issued("Lò Văn In", "Cà Thị Giấy");
        String decisionCode = jdbc.queryForObject("select code from decision where id = ?", String.class, d.decisionId());
        var answer = rest.withBasicAuth("bantdkt", "demo").getForEntity("/api/decisions/" + d.decisionId()
                + "/certificates.xlsx", byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            var sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertThat(text.formatCellValue(sheet.getRow(0).getCell(6))).isEqualTo("Mã xác thực");
            List<String> printed = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(text.formatCellValue(row.getCell(0))).isEqualTo(String.valueOf(r));
                assertThat(text.formatCellValue(row.getCell(3))).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
                assertThat(text.formatCellValue(row.getCell(4))).isEqualTo(decisionCode);
                assertThat(text.formatCellValue(row.getCell(5))).isEqualTo("12/03/2024");
                assertThat(text.formatCellValue(row.getCell(8))).isEqualTo("Còn hiệu lực");
                printed.add(text.formatCellValue(row.getCell(6)));
            }
            assertThat(printed).containsExactlyInAnyOrder(VerificationCodes.display(codeOf(d.a())),
                    VerificationCodes.display(codeOf(d.b())));
            List<XSSFPictureData> pictures = book.getAllPictures();
            assertThat(pictures).hasSize(2);
            assertThat(sheet.getDrawingPatriarch().getShapes()).hasSize(2);
            List<String> encoded = new ArrayList<>();
            for (XSSFPictureData picture : pictures) {
                encoded.add(decodeQr(picture.getData()));
            }
            assertThat(encoded).containsExactlyInAnyOrder(
                    "http://localhost:8080/public/verify/" + VerificationCodes.display(codeOf(d.a())),
                    "http://localhost:8080/public/verify/" + VerificationCodes.display(codeOf(d.b())));
        }
    }

    @Test
    void onlyTheBoardTheChairmanAndTheOfficeDownloadTheCertificateList() {
        Issued d = issued("Lò Văn Quyền", "Cà Thị Hạn");
        String path = "/api/decisions/" + d.decisionId() + "/certificates.xlsx";
        for (String reader : List.of("bantdkt", "truongban.tdkt", "chutich")) {
            assertThat(rest.withBasicAuth(reader, "demo").getForEntity(path, byte[].class).getStatusCode().value())
                    .as(reader).isEqualTo(200);
        }
        for (String other : List.of("canbo.syt", "lanhdao.syt", "hoidong1", "kiemtoan", "mttq.giamsat")) {
            assertThat(rest.withBasicAuth(other, "demo").getForEntity(path, String.class).getStatusCode().value())
                    .as(other).isEqualTo(403);
        }
        assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("bantdkt", "demo").getForEntity("/api/decisions/987654321/certificates.xlsx",
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void thePublicPageShowsTheAwardTheNameTheDecisionAndThatItStandsAndNothingElse() {
        Issued d = issued("Lò Văn Công", "Cà Thị Khai");
        String code = codeOf(d.a());
        String name = jdbc.queryForObject("select nominee_name from dossier where id = ?", String.class, d.a());
        String decisionCode = jdbc.queryForObject("select code from decision where id = ?", String.class, d.decisionId());
        // Typed in lower case without dashes, as a person might.
        var page = rest.getForEntity("/public/verify/" + code.toLowerCase(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getBody()).contains("Bằng khen của Chủ tịch UBND tỉnh", name, "Số " + decisionCode + " ngày 12/03/2024",
                "Còn hiệu lực").doesNotContain("Sở Y tế", "Chuyên viên", "1982", "Hoàn thành xuất sắc", "bantdkt", "chutich");

        var json = rest.getForEntity("/public/verify/" + VerificationCodes.display(code) + ".json", Map.class);
        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getBody()).containsOnlyKeys("awardName", "nomineeName", "decisionCode", "decisionDate", "valid", "standing")
                .containsEntry("nomineeName", name).containsEntry("decisionCode", decisionCode)
                .containsEntry("decisionDate", "12/03/2024").containsEntry("valid", true)
                .containsEntry("standing", "Còn hiệu lực");
    }

    @Test
    void anUnknownOrMalformedCodeIsTheSameNotFoundPageWithNoHint() {
        var unknown = rest.getForEntity("/public/verify/ZZZZ-ZZZZ-ZZZZ", String.class);
        var malformed = rest.getForEntity("/public/verify/abc", String.class);
        var injected = rest.getForEntity("/public/verify/1' or '1'='1", String.class);
        for (var answer : List.of(unknown, malformed, injected)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(404);
            assertThat(answer.getBody()).contains("Không tìm thấy khen thưởng").doesNotContain("Exception", "SQL", "award_certificate");
        }
        assertThat(malformed.getBody()).isEqualTo(unknown.getBody());
        var json = rest.getForEntity("/public/verify/ZZZZ-ZZZZ-ZZZZ.json", Map.class);
        assertThat(json.getStatusCode().value()).isEqualTo(404);
        assertThat((String) json.getBody().get("message")).startsWith("Không tìm thấy");
    }

    @Test
    void aClientThatMissesTooOftenIsRefusedForAMinuteEvenWithARightCode() {
        Issued d = issued("Lò Văn Dò", "Cà Thị Tìm");
        String right = VerificationCodes.display(codeOf(d.a()));
        clockAt(LocalDateTime.of(2024, 3, 13, 10, 0));
        for (int i = 0; i < throttle.maxMisses(); i++) {
            assertThat(rest.getForEntity("/public/verify/ZZZZ-ZZZZ-ZZ" + (char) ('A' + i % 20) + "0", String.class)
                    .getStatusCode().value()).as("miss %d", i + 1).isEqualTo(404);
        }
        var refused = rest.getForEntity("/public/verify/" + right, String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody()).contains("tra cứu sai mã quá nhiều lần");
        assertThat(rest.getForEntity("/public/verify/" + right + ".json", Map.class).getStatusCode().value()).isEqualTo(429);

        // A minute after the first miss the client may look again.
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_001));
        assertThat(rest.getForEntity("/public/verify/" + right, String.class).getStatusCode().value()).isEqualTo(200);
    }

    /** The text of a QR code image, read back with ZXing's decoder. */
    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        // The picture is the bare code and its quiet zone: read it as such. zxing's general finder-pattern
        // search misses about one clean synthetic image in a hundred, which made this test fail at random.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}

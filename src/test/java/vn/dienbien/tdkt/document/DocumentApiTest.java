package vn.dienbien.tdkt.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.dienbien.tdkt.WorkflowTest;

/** Uploads are checked by their bytes; downloads are always downloads, of the verified type. */
@WorkflowTest
class DocumentApiTest {

    static final String OFFICER = "canbo.snv";

    @Autowired TestRestTemplate rest;
    @Autowired StoredDocumentRepository stored;
    @Autowired ServletWebServerApplicationContext server;

    @Test
    void aProgramNamedPdfIsRefusedWithAVietnameseMessageNamingTheAcceptedKinds() {
        long before = stored.count();
        var upload = upload("to-trinh.pdf", "application/pdf", UploadSamples.windowsExecutable());
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().get("message").toString()).contains("không được chấp nhận")
                .contains("chương trình chạy được").contains("PDF, DOCX, XLSX, JPEG (.jpg, .jpeg), PNG");
        assertThat(stored.count()).isEqualTo(before);
    }

    @Test
    void htmlUploadedAsPdfIsRefused() {
        var upload = upload("bao-cao.pdf", "application/pdf", UploadSamples.html());
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().get("message").toString()).contains("trang web (HTML)");
        assertThat(upload("bao-cao.html", "text/html", UploadSamples.html()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void realPdfPngJpegDocxAndXlsxAreAcceptedWithTheTypeTheirBytesShowNotTheOneClaimed() {
        assertAccepted("to-trinh.pdf", "text/html", UploadSamples.pdf(), "application/pdf");
        assertAccepted("anh-tap-the.png", "application/octet-stream", UploadSamples.png(), "image/png");
        assertAccepted("anh-ca-nhan.jpg", "image/jpeg", UploadSamples.jpeg(), "image/jpeg");
        assertAccepted("bao-cao-thanh-tich.docx", "application/octet-stream", UploadSamples.docx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertAccepted("danh-sach.xlsx", "application/vnd.ms-excel", UploadSamples.xlsx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void theSha256OfTheContentIsStoredAndReturnedOnUploadAndInTheDocumentInfo() throws Exception {
        byte[] pdf = UploadSamples.pdf();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        var upload = upload("bien-ban.pdf", "application/pdf", pdf);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload.getBody()).containsEntry("sha256", expected).containsEntry("sizeBytes", pdf.length);
        Long id = ((Number) upload.getBody().get("id")).longValue();
        assertThat(stored.findById(id).orElseThrow().getSha256()).isEqualTo(expected);

        var info = rest.withBasicAuth(OFFICER, "demo").getForEntity("/api/documents/" + id, Map.class);
        assertThat(info.getBody()).containsEntry("sha256", expected).containsEntry("contentType", "application/pdf");
    }

    @Test
    void aDownloadIsAnAttachmentWithItsUtf8NameTheVerifiedTypeAndNoSniffing() {
        var upload = upload("Tờ trình khen thưởng.pdf", "text/html", UploadSamples.pdf());
        var download = rest.withBasicAuth(OFFICER, "demo")
                .getForEntity((String) upload.getBody().get("downloadUrl"), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(UploadSamples.pdf());
        String disposition = download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20khen%20th%C6%B0%E1%BB%9Fng.pdf");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("Tờ trình khen thưởng.pdf");
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aDocumentStoredBeforeTypesWereVerifiedIsServedAsPlainBytesNotAsItsClaimedType() {
        byte[] html = UploadSamples.html();
        Long id = stored.save(new StoredDocument("cu.pdf", "text/html", html, "0".repeat(64), null, OFFICER,
                Instant.now())).getId();
        var download = rest.withBasicAuth(OFFICER, "demo").getForEntity("/api/documents/" + id + "/content", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
    }

    @Test
    void aFileNameLongerThanItsColumnIsRefusedWith400() {
        String name = "b".repeat(252) + ".pdf";
        var upload = upload(name, "application/pdf", UploadSamples.pdf());
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(upload.getBody().get("message").toString()).contains("Tên tệp dài 256 ký tự").contains("255");
        assertThat(upload("b".repeat(251) + ".pdf", "application/pdf", UploadSamples.pdf()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @ParameterizedTest(name = "{0} MB")
    @ValueSource(ints = {21, 60})
    void anUploadOverTheLimitGets413WithAVietnameseMessage(int megabytes) {
        byte[] big = new byte[megabytes * 1024 * 1024];
        System.arraycopy(UploadSamples.pdf(), 0, big, 0, UploadSamples.pdf().length);
        var upload = upload("qua-lon.pdf", "application/pdf", big);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(upload.getBody()).as("a JSON body").isNotNull();
        assertThat(upload.getBody().get("message").toString()).contains("Tệp quá lớn");
    }

    @Test
    void tomcatReadsARefusedUploadToItsEndSoThatTheBrowserSeesTheAnswer() {
        var tomcat = (TomcatWebServer) server.getWebServer();
        var protocol = (AbstractHttp11Protocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler();
        assertThat(protocol.getMaxSwallowSize()).isEqualTo(UploadLimits.SWALLOWED_AT_MOST.toBytes());
    }

    private void assertAccepted(String name, String claimedType, byte[] content, String storedType) {
        var upload = upload(name, claimedType, content);
        assertThat(upload.getStatusCode()).as(name).isEqualTo(HttpStatus.CREATED);
        assertThat(upload.getBody()).containsEntry("contentType", storedType).containsEntry("fileName", name);
        var download = rest.withBasicAuth(OFFICER, "demo")
                .getForEntity((String) upload.getBody().get("downloadUrl"), byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType(storedType));
        assertThat(download.getBody()).isEqualTo(content);
    }

    @Test
    void aDocumentBelongsToItsUploadersUnitItsColleaguesReadItOtherUnitsDoNot() {
        var upload = upload("canbo.snnptnt", "to-trinh.pdf", "application/pdf", UploadSamples.pdf());
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String url = (String) upload.getBody().get("downloadUrl");
        assertThat(stored.findById(((Number) upload.getBody().get("id")).longValue()).orElseThrow().getOwnerUnitId())
                .isNotNull();

        assertThat(rest.withBasicAuth("lanhdao.snnptnt", "demo").getForEntity(url, byte[].class).getBody())
                .isEqualTo(UploadSamples.pdf());
        assertThat(rest.withBasicAuth("canbo.stc", "demo").getForEntity(url, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map> upload(String fileName, String claimedType, byte[] content) {
        return upload(OFFICER, fileName, claimedType, content);
    }

    private ResponseEntity<Map> upload(String user, String fileName, String claimedType, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(claimedType));
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/documents", new HttpEntity<>(body, headers), Map.class);
    }
}

package vn.dienbien.tdkt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The application as a client meets it over HTTP, as the demo officials (password "demo"): uploads,
 * campaigns, and task forms submitted as Tasklist submits them. Shared by the cross-module tests.
 */
@Component
@Lazy
public class ApiClient {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes();

    private final TestRestTemplate rest;

    ApiClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    public TestRestTemplate as(String user) {
        return user == null ? rest : rest.withBasicAuth(user, "demo");
    }

    public static HttpHeaders jsonHeaders() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A multipart upload of a small real PDF named {@code fileName}. */
    public static HttpEntity<LinkedMultiValueMap<String, Object>> pdf(String fileName) {
        return file(fileName, MediaType.APPLICATION_PDF, PDF);
    }

    public static HttpEntity<LinkedMultiValueMap<String, Object>> file(String fileName, MediaType type, byte[] content) {
        var part = new HttpHeaders();
        part.setContentType(type);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /** Uploads a PDF as the user and returns its id. */
    public long uploadPdf(String user, String fileName) {
        var answer = as(user).postForEntity("/api/documents", pdf(fileName), Map.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("upload: %s", answer.getBody()).isTrue();
        return ((Number) answer.getBody().get("id")).longValue();
    }

    /** Declares and opens a campaign issued ten days ago, plans due in sixty days: every unit gets its case. */
    public Campaign openCampaign(String prefix) {
        String code = prefix + "-" + System.nanoTime() % 1_000_000_000 + "/KH-UBND";
        LocalDate today = LocalDate.now(VIETNAM);
        var created = as("bantdkt").postForEntity("/api/campaigns", Map.of("code", code,
                "title", "Đợt thi đua kiểm thử " + prefix, "issuedOn", today.minusDays(10).toString(),
                "periodStartYear", today.getYear(), "periodEndYear", today.getYear() + 4,
                "launchPlanDueBefore", today.plusDays(60).atStartOfDay().toString()), Map.class);
        assertThat(created.getStatusCode().value()).as("campaign: %s", created.getBody()).isEqualTo(201);
        long id = ((Number) created.getBody().get("id")).longValue();
        var opened = as("bantdkt").postForEntity("/api/campaigns/" + id + "/open", null, String.class);
        assertThat(opened.getStatusCode().is2xxSuccessful()).as("open: %s", opened.getBody()).isTrue();
        return new Campaign(id, code, today);
    }

    /** An opened campaign: its id, its code (the cases' business keys start with it) and the day it was made. */
    public record Campaign(long id, String code, LocalDate today) {
        public String caseKey(String unitCode) {
            return code + " | " + unitCode;
        }
    }

    /** Posts form values to a submit-form endpoint as Tasklist does: each a typed variable. */
    public ResponseEntity<String> submitForm(String user, String path, Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, value instanceof Long id
                ? Map.of("value", id, "type", "Long") : Map.of("value", value, "type", "String")));
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("variables", variables), jsonHeaders()),
                String.class);
    }
}

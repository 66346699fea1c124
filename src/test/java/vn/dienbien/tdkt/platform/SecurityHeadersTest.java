package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.WorkflowTest;

/** /api, /public, /forms and /engine-rest carry the browser protections /camunda has. */
@WorkflowTest
class SecurityHeadersTest {

    @Autowired TestRestTemplate rest;

    @Test
    void theApiAnswersWithNoSniffingNoFramingNoContentAndSameOriginReferrers() {
        var ok = rest.withBasicAuth("bantdkt", "demo").getForEntity("/api/campaigns", String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertDataHeaders(ok);
    }

    @Test
    void refusalsCarryTheHeadersToo() {
        var anonymous = rest.getForEntity("/api/campaigns", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertDataHeaders(anonymous);
        var missing = rest.withBasicAuth("bantdkt", "demo").getForEntity("/api/documents/987654321", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertDataHeaders(missing);
    }

    @Test
    void thePublicListsAndTheEngineRestAreDataToo() {
        assertDataHeaders(rest.getForEntity("/public/campaigns/987654321/exemplary-models", String.class));
        assertDataHeaders(rest.getForEntity("/public/campaigns/987654321/exemplary-models.csv", String.class));
        assertDataHeaders(rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/version", String.class));
    }

    @Test
    void theFormsMayBeFramedOnlyByThisSiteAndRunNoScriptWhenOpenedOnTheirOwn() {
        var form = rest.getForEntity("/forms/launch-plan-submit.html", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders headers = form.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'none'")
                .contains("frame-ancestors 'self'");
    }

    @Test
    void theAuditPagesAnswerAtTheirFolderAndRunOnlyTheirOwnScripts() {
        var search = rest.getForEntity("/audit/", String.class);
        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(search.getBody()).contains("Tra cứu hồ sơ").contains("src=\"search.js\"");
        assertPageHeaders(search);
        // The folder without its slash leads to the same page (the test client follows the redirect).
        var folder = rest.getForEntity("/audit", String.class);
        assertThat(folder.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(folder.getBody()).contains("src=\"search.js\"");
        for (String file : new String[] {"/audit/case.html", "/audit/case.js",
                "/audit/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js"}) {
            var response = rest.getForEntity(file, String.class);
            assertThat(response.getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
            assertPageHeaders(response);
        }
    }

    private static void assertPageHeaders(ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self';")
                .doesNotContain("script-src 'self' 'unsafe-inline'").contains("connect-src 'self'");
    }

    private static void assertDataHeaders(ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(headers.get("X-Frame-Options")).hasSize(1);
    }
}

package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.evaluation.EvaluationActingUnitTest.refusal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.campaign.CampaignRepository;

/**
 * Bad input to the evaluation, target and review endpoints and forms is a 4xx with a Vietnamese
 * message, never a 500, and nothing is stored; criterion codes that would break the forms' HTML are
 * refused; the forms put no server value into HTML.
 */
@WorkflowTest
class EvaluationInputTest {

    @Autowired TestRestTemplate rest;
    @Autowired EvaluationScenario scenario;
    @Autowired ScoringTableRepository tables;
    @Autowired UnitScoreRepository scores;
    @Autowired CampaignRepository campaigns;

    @Test
    void aScoringTableWithAMalformedCodeOrOutOfRangeValuesIsRefusedAndNotStored() {
        scenario.campaign(2081, 2085);
        String good = "{\"code\":\"TC1\",\"name\":\"Nhiệm vụ chính trị\",\"kind\":\"CRITERION\",\"maxPoints\":50}";
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String code : List.of("TC\\\"1", "TC'1", "<b>", "TC 1", "x".repeat(17), "", "Tiêu chí")) {
            bodies.put("code " + code, table(2081, "[{\"code\":\"" + code + "\",\"name\":\"Tên\",\"maxPoints\":10}]"));
        }
        bodies.put("null element", table(2081, "[null]"));
        bodies.put("null and good", table(2081, "[" + good + ",null]"));
        bodies.put("no criteria", table(2081, "[]"));
        bodies.put("criteria missing", "{\"groupCode\":\"CUM2\",\"year\":2081}");
        bodies.put("name too long", table(2081, "[{\"code\":\"A\",\"name\":\"" + "n".repeat(501) + "\",\"maxPoints\":10}]"));
        bodies.put("title too long", "{\"groupCode\":\"CUM2\",\"year\":2081,\"title\":\"" + "t".repeat(501) + "\",\"criteria\":[" + good + "]}");
        bodies.put("points overflow", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"maxPoints\":1e20}]"));
        bodies.put("points negative", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"maxPoints\":-5}]"));
        bodies.put("points zero", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"maxPoints\":0}]"));
        bodies.put("points fraction", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"maxPoints\":1.234}]"));
        bodies.put("points as text", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"maxPoints\":\"mười\"}]"));
        bodies.put("kind unknown", table(2081, "[{\"code\":\"A\",\"name\":\"Tên\",\"kind\":\"X\",\"maxPoints\":5}]"));
        bodies.put("duplicate codes", table(2081, "[" + good + "," + good + "]"));
        bodies.put("year missing", "{\"groupCode\":\"CUM2\",\"criteria\":[" + good + "]}");
        bodies.put("year of no campaign", table(2199, "[" + good + "]"));
        bodies.put("year overflow", "{\"groupCode\":\"CUM2\",\"year\":99999999999,\"criteria\":[" + good + "]}");
        bodies.put("group missing", "{\"year\":2081,\"criteria\":[" + good + "]}");
        bodies.put("group too long", "{\"groupCode\":\"" + "G".repeat(300) + "\",\"year\":2081,\"criteria\":[" + good + "]}");
        bodies.put("group unknown", "{\"groupCode\":\"KHOI-XX\",\"year\":2081,\"criteria\":[" + good + "]}");
        bodies.put("not json", "{groupCode:");
        bodies.put("null body", "null");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"code\":\"C").append(i).append("\",\"name\":\"Tên\",\"maxPoints\":1}");
        }
        bodies.put("101 criteria", table(2081, "[" + many + "]"));

        long before = tables.count();
        bodies.forEach((what, body) -> assertRefused(what, exchange("bantdkt", HttpMethod.POST, "/api/scoring-tables", body)));
        assertThat(tables.count()).as("nothing stored").isEqualTo(before);

        var created = exchange("canbo.mnhe", HttpMethod.POST, "/api/scoring-tables", table(2081, "[" + good + "]"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertRefused("a second table", exchange("canbo.mnhe", HttpMethod.POST, "/api/scoring-tables", table(2081, "[" + good + "]")));
        assertThat(exchange("canbo.syt", HttpMethod.POST, "/api/scoring-tables", table(2082, "[" + good + "]")).getStatusCode())
                .as("not the block's leader").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void roundsBlocksExportsTargetsAndReviewsAnswerBadIdsAndValuesWith4xx() {
        var campaign = scenario.campaign(2086, 2090);
        scenario.clockAt(LocalDateTime.of(2086, 12, 15, 8, 0));
        scenario.table("CUM2", 2086, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2086);
        Long c383 = campaigns.findByCode("383/KH-UBND").orElseThrow().getId();
        String rounds = "/api/campaigns/" + campaign.getId() + "/evaluation-rounds";

        assertRefused("round year outside the period", exchange("bantdkt", HttpMethod.POST, rounds, "{\"year\":1900}"));
        assertRefused("round year missing", exchange("bantdkt", HttpMethod.POST, rounds, "{}"));
        assertRefused("round opened twice", exchange("bantdkt", HttpMethod.POST, rounds, "{\"year\":2086}"));
        assertRefused("round of an unknown campaign", exchange("bantdkt", HttpMethod.POST, "/api/campaigns/987654/evaluation-rounds", "{\"year\":2086}"));
        assertRefused("unknown round", exchange("bantdkt", HttpMethod.GET, "/api/evaluation-rounds/987654/blocks/CUM2", null));
        assertRefused("unknown block", exchange("bantdkt", HttpMethod.GET, "/api/evaluation-rounds/" + roundId + "/blocks/KHOI-XX", null));
        var noTable = exchange("bantdkt", HttpMethod.GET, "/api/evaluation-rounds/" + roundId + "/blocks/KHOI-DN", null);
        assertRefused("a block without a scoring table", noTable);
        assertThat(String.valueOf(noTable.getBody().get("message"))).contains("chưa có bảng tiêu chí");
        assertRefused("export of an unknown round", exchange("bantdkt", HttpMethod.GET, "/api/evaluation-rounds/987654/results.xlsx", null));
        assertRefused("export of an unknown round", exchange("bantdkt", HttpMethod.GET, "/api/evaluation-rounds/987654/results.csv", null));

        String actuals = "/api/campaigns/" + c383 + "/targets/1.3.15/actuals";
        assertRefused("value overflow", exchange("canbo.snnptnt", HttpMethod.POST, actuals, "{\"year\":2024,\"value\":1e20}"));
        assertRefused("value with five decimals", exchange("canbo.snnptnt", HttpMethod.POST, actuals, "{\"year\":2024,\"value\":1.23456}"));
        assertRefused("value missing", exchange("canbo.snnptnt", HttpMethod.POST, actuals, "{\"year\":2024}"));
        assertRefused("year before the period", exchange("canbo.snnptnt", HttpMethod.POST, actuals, "{\"year\":2019,\"value\":1}"));
        assertRefused("year after the period", exchange("canbo.snnptnt", HttpMethod.POST, actuals, "{\"year\":2031,\"value\":1}"));
        assertRefused("unknown target", exchange("canbo.snnptnt", HttpMethod.POST, "/api/campaigns/" + c383 + "/targets/" + "9".repeat(40) + "/actuals",
                "{\"year\":2024,\"value\":1}"));
        assertRefused("unknown campaign", exchange("canbo.snnptnt", HttpMethod.POST, "/api/campaigns/987654/targets/1.3.15/actuals",
                "{\"year\":2024,\"value\":1}"));
        assertRefused("auditor writes", exchange("kiemtoan", HttpMethod.POST, actuals, "{\"year\":2024,\"value\":1}"));
        assertRefused("progress of an unknown campaign", exchange("bantdkt", HttpMethod.GET, "/api/campaigns/987654/targets/progress?year=2024", null));
        assertRefused("progress outside the period", exchange("bantdkt", HttpMethod.GET, "/api/campaigns/" + c383 + "/targets/progress?year=1999", null));
        assertRefused("progress of an unknown unit", exchange("bantdkt", HttpMethod.GET, "/api/campaigns/" + c383 + "/targets/progress?year=2024&unit=" + "X".repeat(100), null));

        String reviews = "/api/campaigns/" + campaign.getId() + "/reviews";
        assertRefused("review kind unknown", exchange("bantdkt", HttpMethod.POST, reviews, "{\"kind\":\"X\"}"));
        assertRefused("review kind missing", exchange("bantdkt", HttpMethod.POST, reviews, "{}"));
        assertRefused("review of an unknown campaign", exchange("bantdkt", HttpMethod.POST, "/api/campaigns/987654/reviews", "{\"kind\":\"FINAL\"}"));
        assertRefused("unknown review", exchange("bantdkt", HttpMethod.GET, "/api/reviews/987654", null));
    }

    @Test
    void aSelfAssessmentOutOfRangeOrMalformedIsRefusedAndNothingIsStored() {
        var campaign = scenario.campaign(2076, 2080);
        scenario.clockAt(LocalDateTime.of(2076, 12, 15, 8, 0));
        scenario.table("CUM2", 2076, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2076);
        var task = scenario.taskOf(roundId, "Task_SelfAssess", "MCHA");
        String rest = ",{\"criterion\":\"TC2\",\"points\":1},{\"criterion\":\"TH\",\"points\":1},{\"criterion\":\"TR\",\"points\":0}]";
        List<String> bad = List.of(
                "[{\"criterion\":\"TC1\",\"points\":51}" + rest,
                "[{\"criterion\":\"TC1\",\"points\":-1}" + rest,
                "[{\"criterion\":\"TC1\",\"points\":1.234}" + rest,
                "[{\"criterion\":\"TC1\",\"points\":1e400}" + rest,
                "[{\"criterion\":\"TC1\"}" + rest,
                "[{\"criterion\":\"TC1\",\"points\":1,\"evidence\":\"" + "e".repeat(3901) + "\"}" + rest,
                "[null" + rest,
                "[null]",
                "[{\"criterion\":\"<img src=x>\",\"points\":1}" + rest,
                "[{\"criterion\":\"TC2\",\"points\":1}" + rest,
                "{\"criterion\":\"TC1\"}",
                "không phải JSON");
        for (String scores : bad) {
            assertThat(refusal(() -> scenario.completeAs("canbo.mcha", task, Map.of("selfScores", scores))).status())
                    .as(scores.length() > 80 ? scores.substring(0, 80) : scores).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(refusal(() -> scenario.completeAs("canbo.mcha", task, Map.of("selfScores", 42))).status())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(this.scores.countByRoundId(roundId)).isZero();
    }

    @Test
    void theEvaluationAndReviewFormsPutNoServerValueIntoHtml() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            List<Path> ours = forms.filter(p -> p.getFileName().toString().matches("(evaluation|review)-.*\\.html")).toList();
            assertThat(ours).hasSize(5);
            for (Path form : ours) {
                String text = Files.readString(form);
                assertThat(text).as(form.toString()).doesNotContain("innerHTML").doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
            }
        }
    }

    private static String table(int year, String criteria) {
        return "{\"groupCode\":\"CUM2\",\"year\":" + year + ",\"criteria\":" + criteria + "}";
    }

    private static void assertRefused(String what, ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().is4xxClientError()).as(what + ": " + response.getStatusCode()).isTrue();
        assertThat(response.getBody()).as(what).isNotNull();
        String message = String.valueOf(response.getBody().get("message"));
        assertThat(message).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("org.")
                .doesNotContain("java.").doesNotContain("SQL");
        assertThat(message).as(what + " in Vietnamese: " + message).containsPattern("[àáảãạăâđèéêìíòóôơùúưýạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo")
                .exchange(url, method, new HttpEntity<>(body, headers), Map.class);
        return (ResponseEntity) response;
    }
}

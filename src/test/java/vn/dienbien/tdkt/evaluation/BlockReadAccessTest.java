package vn.dienbien.tdkt.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.WorkflowTest;

/** Through /api, who reads a block's scores, evidence, standings and votes at each stage of the round. */
@WorkflowTest
class BlockReadAccessTest {

    private static final List<String> CUM2 = List.of("DBDONG", "MCHA", "MNHE", "NAMPO", "TCHUA");

    @Autowired EvaluationScenario scenario;
    @Autowired TestRestTemplate rest;

    @Test
    void aUnitReadsItsOwnScoresThenItsBlocksResultsOncePublishedAndNothingOfOtherBlocks() {
        var campaign = scenario.campaign(2071, 2075);
        scenario.clockAt(LocalDateTime.of(2071, 12, 15, 8, 0));
        scenario.table("CUM2", 2071, "canbo.mnhe");
        Long roundId = scenario.openRound(campaign, 2071);
        for (String unit : CUM2) {
            scenario.selfAssess(roundId, unit, 40 + CUM2.indexOf(unit), 30, 0, 0);
        }
        scenario.executeJobs(roundId);
        String url = "/api/evaluation-rounds/" + roundId + "/blocks/CUM2";

        // Scoring: a member sees its own line only, the leader and the overseers every line.
        assertThat(units(get("canbo.mcha", url))).containsExactly("MCHA");
        assertThat(get("canbo.mcha", url).getBody().get("standings")).asList().isEmpty();
        assertThat(units(get("canbo.mnhe", url))).hasSize(5);
        assertThat(get("canbo.mnhe", url).getBody().get("votesVisible")).isEqualTo(false);
        for (String overseer : List.of("bantdkt", "kiemtoan", "mttq.giamsat", "chutich", "hoidong1", "thuongtruc.hd")) {
            assertThat(units(get(overseer, url))).as(overseer).hasSize(5);
        }
        var foreign = get("canbo.syt", url);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(foreign.getBody().get("message"))).contains("không đọc được");
        assertThat(csvLines("canbo.mcha", roundId)).as("nothing published yet").hasSize(1);

        // Voting: a member sees the standings it votes on, still not the others' evidence nor votes.
        scenario.completeAs("canbo.mnhe", scenario.tasks(roundId, "Task_Adjust").get(0), Map.of("adjustments", "[]"));
        var voting = get("canbo.mcha", url).getBody();
        assertThat(voting.get("units")).asList().hasSize(1);
        List<?> standings = (List<?>) voting.get("standings");
        assertThat(standings).hasSize(5);
        assertThat(standings).allSatisfy(line -> assertThat(((Map<?, ?>) line).containsKey("votes")).isFalse());

        // Published: the whole block, with votes, for its members; still nothing for other blocks.
        for (String unit : CUM2) {
            scenario.vote(roundId, unit, "TCHUA");
        }
        scenario.executeJobs(roundId);
        var published = get("canbo.mcha", url).getBody();
        assertThat(published.get("units")).asList().hasSize(5);
        assertThat(published.get("votesVisible")).isEqualTo(true);
        assertThat(get("canbo.syt", url).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(csvLines("canbo.mcha", roundId)).hasSize(6);
        assertThat(csvLines("canbo.syt", roundId)).as("another block's unit").hasSize(1);
        assertThat(csvLines("bantdkt", roundId)).hasSize(6);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ResponseEntity<Map<String, Object>> get(String user, String url) {
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
        return (ResponseEntity) response;
    }

    private static List<Object> units(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<?>) response.getBody().get("units")).stream().map(u -> ((Map<?, ?>) u).get("code")).map(Object.class::cast)
                .toList();
    }

    private List<String> csvLines(String user, Long roundId) {
        ResponseEntity<String> response = rest.withBasicAuth(user, "demo")
                .getForEntity("/api/evaluation-rounds/" + roundId + "/results.csv", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().lines().filter(l -> !l.isBlank()).toList();
    }
}

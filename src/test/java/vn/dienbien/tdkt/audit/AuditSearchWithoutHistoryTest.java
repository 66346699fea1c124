package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dienbien.tdkt.audit.AuditScenario.clockAt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * Tra cứu khi lịch sử engine đã bị xóa: in the default order (newest start first) a case whose engine
 * instance is gone (history removed) is still found and comes after every case with a start, by case id,
 * on whichever page the cases with a start run out ({@link AuditSearch}'s page in two parts).
 */
@WorkflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchWithoutHistoryTest {

    @Autowired AuditScenario scenario;
    @Autowired ApiClient api;
    @Autowired JdbcTemplate jdbc;

    final String mark = "H" + System.nanoTime() % 1_000_000;
    String first;
    String second;
    String third;
    String removed;

    @BeforeAll
    void cases() {
        try {
            clockAt(LocalDateTime.of(2024, 4, 1, 9, 0));
            first = scenario.caseOf(scenario.propose("SYT", "Lò Thị Một " + mark));
            clockAt(LocalDateTime.of(2024, 4, 2, 9, 0));
            removed = scenario.caseOf(scenario.propose("SYT", "Lò Thị Hai " + mark));
            clockAt(LocalDateTime.of(2024, 4, 3, 9, 0));
            second = scenario.caseOf(scenario.propose("STC", "Cà Văn Ba " + mark));
            clockAt(LocalDateTime.of(2024, 4, 4, 9, 0));
            third = scenario.caseOf(scenario.propose("STC", "Cà Văn Bốn " + mark));
        } finally {
            ClockUtil.reset();
        }
        // Kept aside and put back after the class, so that the ledger's check of every case (TamperEvidenceTest)
        // still finds this case whole.
        jdbc.execute("create table tdkt_test_removed_procinst as select * from ACT_HI_PROCINST where 1 = 0");
        jdbc.update("insert into tdkt_test_removed_procinst select * from ACT_HI_PROCINST where ID_ = ?", removed);
        jdbc.update("delete from ACT_HI_PROCINST where ID_ = ?", removed);
    }

    @AfterAll
    void putTheEngineInstanceBack() {
        jdbc.update("insert into ACT_HI_PROCINST select * from tdkt_test_removed_procinst");
        jdbc.execute("drop table tdkt_test_removed_procinst");
    }

    @Test
    void aCaseWithoutEngineHistoryComesLastOnWhicheverPageTheOthersRunOut() {
        String dossiers = "kind=DOSSIER&nominee=" + mark;
        assertThat(ids(page(dossiers))).containsExactly(third, second, first, removed);
        assertThat(total(page(dossiers))).isEqualTo(4);
        for (int size : List.of(1, 2, 3)) {
            List<String> all = new java.util.ArrayList<>();
            for (int p = 0; p * size < 4; p++) {
                var answer = page(dossiers + "&size=" + size + "&page=" + p);
                assertThat(total(answer)).isEqualTo(4);
                all.addAll(ids(answer));
            }
            assertThat(all).as("pages of %d", size).containsExactly(third, second, first, removed);
        }
        assertThat(ids(page(dossiers + "&size=2&page=2"))).as("past the last page").isEmpty();
        assertThat(ids(page(dossiers + "&sort=startedAt,asc"))).containsExactly(first, second, third, removed);
        assertThat(ids(page(dossiers + "&sort=startedAt,asc&size=3&page=1"))).containsExactly(removed);
        assertThat(ids(page(dossiers + "&from=2024-04-01&to=2024-04-30"))).as("no start, no date")
                .containsExactly(third, second, first);
        Map<String, Object> last = items(page(dossiers)).get(3);
        assertThat(last).containsEntry("nomineeName", "Lò Thị Hai " + mark);
        assertThat(last.get("startedAt")).as("no engine instance, no start").isNull();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> page(String query) {
        var answer = api.as("kiemtoan").exchange("/api/audit/cases?" + query, HttpMethod.GET, null, Map.class);
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
    private static long total(ResponseEntity<Map> page) {
        return ((Number) page.getBody().get("total")).longValue();
    }
}

package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * Records whose ids come in blocks from a sequence (V41, issue 12) are inserted only at the commit's flush.
 * A transaction that writes nothing else on a case is still sealed with it: the case's record stays intact and
 * names the new row as sealed, not as written around the application.
 */
@WorkflowTest
class IdsInBlocksSealingTest {

    @Autowired DossierScenario scenario;
    @Autowired EntityManager entityManager;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiClient api;

    @Test
    void aTransactionThatOnlyAddsAStatusChangeIsSealedWithIt() {
        scenario.clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        Long dossierId = scenario.propose("canbo.syt",
                scenario.individualCertificate("Lò Thị Khối", List.of(2022, 2023), 2, 2023));
        String caseId = jdbc.queryForObject("select process_instance_id from dossier where id = ?", String.class,
                dossierId);
        Long before = jdbc.queryForObject("select coalesce(max(id), 0) from dossier_status_history", Long.class);

        new TransactionTemplate(transactions).executeWithoutResult(status -> entityManager.persist(
                new DossierStatusChange(dossierId, DossierStatus.AWAITING_HEAD, "canbo.syt", Instant.now(),
                        "Ghi chú trạng thái")));

        Long added = jdbc.queryForObject("select id from dossier_status_history where dossier_id = ? and reason = ?",
                Long.class, dossierId, "Ghi chú trạng thái");
        assertThat(added).isGreaterThan(before);
        var answer = api.as("kiemtoan").getForEntity("/api/audit/cases/" + caseId, Map.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        Map<?, ?> integrity = (Map<?, ?>) answer.getBody().get("integrity");
        assertThat(integrity.get("intact")).as("%s", integrity).isEqualTo(true);
        List<?> entries = (List<?>) answer.getBody().get("entries");
        assertThat(entries).map(e -> (Map<?, ?>) e)
                .filteredOn(e -> ("dossier_status_history:" + added).equals(e.get("itemRef")))
                .singleElement().satisfies(e -> assertThat(e.get("integrity")).isEqualTo("OK"));
    }
}

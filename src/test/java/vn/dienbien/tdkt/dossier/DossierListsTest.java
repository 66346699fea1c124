package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.WorkflowTest;

/**
 * The Board's list by status and a person's award history read only the dossiers they show: a province keeps
 * every year's dossiers, and reading all of them to filter in memory (as these lists once did) took seconds.
 */
@WorkflowTest
class DossierListsTest {

    @Autowired DossierScenario scenario;
    @Autowired DossierQueries queries;
    @Autowired TransactionTemplate transactions;
    @PersistenceContext EntityManager entityManager;

    @Test
    void aPersonsHistoryMatchesTheNameWrittenAnyWayAndReadsOnlyThatPersonsDossiers() {
        scenario.clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        String name = "Quàng Văn Sơn " + System.nanoTime() % 100000;
        Long own = scenario.propose("canbo.syt", scenario.individualCertificate(name, List.of(2022, 2023), 2, 2023));
        Long other = scenario.propose("canbo.syt",
                scenario.individualCertificate("Lò Văn Khai " + System.nanoTime() % 100000, List.of(2022, 2023), 2, 2023));

        String writtenLoosely = "  " + name.toUpperCase().replace(" ", "   ") + " ";
        var found = dossiersRead(() -> queries.historyOfPerson(writtenLoosely, null));
        assertThat(found.result()).extracting(DossierQueries.AwardEntry::dossierId).containsExactly(own);
        assertThat(found.dossiersLoaded()).isEqualTo(1);

        assertThat(queries.historyOfPerson(name, 1980)).extracting(DossierQueries.AwardEntry::dossierId)
                .containsExactly(own);
        assertThat(queries.historyOfPerson(name, 1981)).isEmpty();
        // LIKE's wildcards in a name are letters, not patterns.
        assertThat(queries.historyOfPerson("%", null)).isEmpty();
        assertThat(queries.historyOfPerson("_", null)).isEmpty();
        assertThat(other).isNotEqualTo(own);
    }

    @Test
    void theListByStatusReadsOnlyTheDossiersInThatStatus() {
        scenario.clockAt(LocalDateTime.of(2024, 3, 4, 9, 0));
        Long waiting = scenario.propose("canbo.syt",
                scenario.individualCertificate("Cà Thị Hoa " + System.nanoTime() % 100000, List.of(2022, 2023), 2, 2023));
        Long confirmed = scenario.propose("canbo.syt",
                scenario.individualCertificate("Lường Văn Tươi " + System.nanoTime() % 100000, List.of(2022, 2023), 2,
                        2023));
        scenario.confirmByHead(confirmed, "lanhdao.syt");

        var underAppraisal = dossiersRead(() -> queries.inStatus("UNDER_APPRAISAL"));
        assertThat(underAppraisal.result()).extracting(DossierQueries.AwardEntry::dossierId).contains(confirmed)
                .doesNotContain(waiting);
        assertThat(underAppraisal.result()).allSatisfy(e -> assertThat(e.status()).isEqualTo("UNDER_APPRAISAL"));
        assertThat(underAppraisal.dossiersLoaded()).isEqualTo(underAppraisal.result().size());
        assertThat(queries.inStatus("AWAITING_HEAD")).extracting(DossierQueries.AwardEntry::dossierId)
                .contains(waiting).doesNotContain(confirmed);
    }

    private record Read<T>(List<T> result, long dossiersLoaded) {
    }

    /** Runs a query in a transaction of its own and counts the dossiers it brought into the persistence context. */
    private <T> Read<T> dossiersRead(Supplier<List<T>> query) {
        return transactions.execute(status -> {
            List<T> result = query.get();
            long loaded = entityManager.unwrap(Session.class).getStatistics().getEntityKeys().stream()
                    .map(EntityKey.class::cast).filter(key -> key.getEntityName().equals(Dossier.class.getName()))
                    .count();
            return new Read<>(result, loaded);
        });
    }
}

package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A dossier's and a session's case are asked of the database once they are linked, and memory stays bounded. */
class CaseLinksTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:h2:mem:case-links;DB_CLOSE_DELAY=-1", "sa", ""));

    @BeforeEach
    void tables() {
        jdbc.execute("drop table if exists dossier");
        jdbc.execute("drop table if exists council_session");
        jdbc.execute("create table dossier (id bigint primary key, process_instance_id varchar(64))");
        jdbc.execute("create table council_session (id bigint primary key, process_instance_id varchar(64))");
    }

    @Test
    void aLinkedCaseIsAskedOnceAndAnUnlinkedOneEveryTime() {
        LedgerSealing.CaseLinks links = new LedgerSealing.CaseLinks(jdbc, 100);
        jdbc.update("insert into dossier values (1, 'case-1'), (2, null)");
        jdbc.update("insert into council_session values (7, 'session-7')");

        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 1L)).containsExactly("case-1");
        assertThat(links.find(LedgerSealing.SESSION_CASE, 7L)).containsExactly("session-7");
        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 2L)).isEqualTo(Collections.singletonList(null));
        // The rows go: what was linked is answered from memory, what was not is asked again.
        jdbc.update("delete from dossier");
        jdbc.update("delete from council_session");
        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 1L)).containsExactly("case-1");
        assertThat(links.find(LedgerSealing.SESSION_CASE, 7L)).containsExactly("session-7");
        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 2L)).isEmpty();
        assertThat(links.size()).isEqualTo(2);
    }

    @Test
    void memoryIsBoundedAndKeepsTheMostRecentlyAsked() {
        LedgerSealing.CaseLinks links = new LedgerSealing.CaseLinks(jdbc, 3);
        for (long id = 1; id <= 5; id++) {
            jdbc.update("insert into dossier values (?, ?)", id, "case-" + id);
            assertThat(links.find(LedgerSealing.DOSSIER_CASE, id)).isEqualTo(List.of("case-" + id));
        }
        assertThat(links.size()).isEqualTo(3);
        jdbc.update("delete from dossier where id = 1");
        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 1L)).as("the oldest was forgotten").isEmpty();
        jdbc.update("delete from dossier where id = 5");
        assertThat(links.find(LedgerSealing.DOSSIER_CASE, 5L)).as("the newest is remembered").containsExactly("case-5");
    }
}

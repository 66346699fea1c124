package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;

/** A database that cannot be reached is a 503 with a Vietnamese message, however deep the engine wrapped it. */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAreTheDatabaseBeingAwayWhereverTheyAreWrapped() {
        assertUnavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 4000ms")));
        assertUnavailable(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
        assertUnavailable(new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
                new RuntimeException("mybatis", new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        // The rollback after a broken connection replaces the first error with its own.
        assertUnavailable(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"))));
        assertUnavailable(new RuntimeException(new SQLException("I/O", null, new java.net.SocketException("Connection reset"))));
        assertUnavailable(new SQLException("terminating connection due to administrator command", "57P01"));
    }

    @Test
    void refusalsOfTheDataKeepTheirOwnAnswers() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Refusal.of(new SQLException("duplicate key", "23505")).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(DatabaseOutage.causedBy(new ProcessEngineException("Cannot find task with id x: task is null"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new java.net.SocketException("mail server")))).isFalse();
    }

    @Test
    void theFilterAnswers503WhenAnAuthenticationFilterMeetsTheOutage() throws Exception {
        var filter = new DatabaseOutage.Filter(new ObjectMapper());
        var request = new MockHttpServletRequest("POST", "/api/dossiers");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException(new ProcessEngineException("checkPassword",
                    new CannotGetJdbcConnectionException("no connection")));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("không kết nối được cơ sở dữ liệu").doesNotContain("Exception").doesNotContain("Hikari");

        var other = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/api/x"), other, (req, res) -> {
            throw new IllegalStateException("không phải lỗi kết nối");
        })).isInstanceOf(IllegalStateException.class);
    }

    private static void assertUnavailable(Throwable thrown) {
        assertThat(DatabaseOutage.causedBy(thrown)).as("%s", thrown).isTrue();
        Refusal refusal = Refusal.of(thrown);
        assertThat(refusal.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Refusal.readable(refusal.message())).isTrue();
    }
}

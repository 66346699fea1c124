package vn.dienbien.tdkt.council;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Vào số chờ ban hành: what the văn thư registered for a session as "Vào số, ngày ký quyết định" completed (the
 * number, the signing date, the signed scan, who and when), kept in our table by the session itself. The job
 * that issues the decision ("Ban hành quyết định khen thưởng") reads it from the session of its own case, never
 * from a variable; the row stays as the record of the registration.
 */
@Component
class PendingRegistrations {

    /** One session's registration, as the văn thư completed it. */
    record Pending(Long sessionId, int number, LocalDate signedOn, Long scanDocumentId, String registeredBy,
            Instant registeredAt) {
    }

    private final JdbcTemplate jdbc;

    PendingRegistrations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Pending pending) {
        jdbc.update("insert into council_decision_registration (session_id, decision_number, signed_on, scan_document_id,"
                + " registered_by, registered_at) values (?, ?, ?, ?, ?, ?)", pending.sessionId(), pending.number(),
                Date.valueOf(pending.signedOn()), pending.scanDocumentId(), pending.registeredBy(),
                Timestamp.from(pending.registeredAt()));
    }

    Optional<Pending> of(Long sessionId) {
        return jdbc.query("select session_id, decision_number, signed_on, scan_document_id, registered_by, registered_at"
                + " from council_decision_registration where session_id = ?", (rs, i) -> new Pending(rs.getLong(1),
                        rs.getInt(2), rs.getDate(3).toLocalDate(), (Long) rs.getObject(4, Long.class), rs.getString(5),
                        rs.getTimestamp(6).toInstant()), sessionId).stream().findFirst();
    }
}

package vn.dienbien.tdkt.council;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Số đề nghị: which number the register proposed to a session's văn thư (the form shows it and
 * fills it in). Kept beside the session with plain SQL: it is what the form was offered, not a change
 * of the session's record, so it writes nothing to the audit ledger.
 */
@Component
class RegisterProposals {

    private final JdbcTemplate jdbc;

    RegisterProposals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(Long sessionId, int year, int number) {
        jdbc.update("update council_session set proposed_decision_year = ?, proposed_decision_number = ?"
                + " where id = ? and (proposed_decision_year is null or proposed_decision_year <> ?"
                + " or proposed_decision_number is null or proposed_decision_number <> ?)",
                year, number, sessionId, year, number);
    }

    /** Whether {@code number} of {@code year} is what the register proposed to this session. */
    boolean kept(Long sessionId, int year, int number) {
        Integer count = jdbc.queryForObject("select count(*) from council_session where id = ?"
                + " and proposed_decision_year = ? and proposed_decision_number = ?", Integer.class,
                sessionId, year, number);
        return count != null && count > 0;
    }
}

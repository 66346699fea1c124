package vn.dienbien.tdkt.council;

import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.decision.AwardDecisions;

/**
 * Số giữ cho phiên họp: the number the register reserves for a session awaiting registration when its
 * văn thư opens the form ("Văn thư vào số, ngày ký quyết định"). The văn thư writes it on the paper to be
 * signed; the registration takes exactly it; it is released when the session is registered or ends
 * without a decision. The register keeps the reservation ({@link AwardDecisions#reserve}).
 */
@Component
class RegisterProposals {

    private final AwardDecisions decisions;

    RegisterProposals(AwardDecisions decisions) {
        this.decisions = decisions;
    }

    /** How the register names the session holding a number. */
    static String holder(Long sessionId) {
        return "council-session:" + sessionId;
    }

    /** The session's reservation in the year: the one it holds if unused, else the smallest free number. */
    int reserve(Long sessionId, int year) {
        return decisions.reserve(holder(sessionId), year);
    }

    /** The number the session holds in the year, if any (reserves nothing). */
    OptionalInt reserved(Long sessionId, int year) {
        return decisions.reservation(holder(sessionId), year);
    }

    /** The number the văn thư registered, held for the session until its decision issues. */
    void hold(Long sessionId, int year, int number) {
        decisions.holdForRegistration(holder(sessionId), year, number);
    }

    void release(Long sessionId) {
        decisions.release(holder(sessionId));
    }
}

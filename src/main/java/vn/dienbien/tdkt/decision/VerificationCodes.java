package vn.dienbien.tdkt.decision;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Mã xác thực khen thưởng: each awardee of a decision gets a code of 12 Crockford base32 characters
 * drawn from SecureRandom (60 bits: not guessable, and no order to enumerate), shown as
 * {@code XXXX-XXXX-XXXX}. Codes are unique (a unique constraint, and a fresh draw on the unlikely clash).
 */
@Component
public class VerificationCodes {

    /** Crockford's base32: no I, L, O, U, so a code read aloud or typed is not mistaken. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    VerificationCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives every awardee of the decision who has none a code (again on an older decision: nothing changes for those who have one). */
    @Transactional
    public void assign(DecisionView decision) {
        Set<Long> coded = new HashSet<>(jdbc.queryForList(
                "select dossier_id from award_certificate where decision_id = ?", Long.class, decision.id()));
        for (DecisionView.AwardeeView awardee : decision.awardees()) {
            if (coded.add(awardee.dossierId())) {
                jdbc.update("insert into award_certificate (decision_id, dossier_id, code, created_at) values (?, ?, ?, ?)",
                        decision.id(), awardee.dossierId(), freshCode(), java.sql.Timestamp.from(WorkflowClock.now()));
            }
        }
    }

    /** As {@link #assign}, returning the decision: one call at the end of issuing. */
    @Transactional
    public DecisionView assignedTo(DecisionView decision) {
        assign(decision);
        return decision;
    }

    private String freshCode() {
        while (true) {
            String code = generate();
            Integer taken = jdbc.queryForObject("select count(*) from award_certificate where code = ?", Integer.class, code);
            if (taken == null || taken == 0) {
                return code;
            }
        }
    }

    /** Twelve random Crockford base32 characters, upper case, without dashes. */
    static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** "ABCD-EFGH-JKMN": how a stored code is printed. */
    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /**
     * The stored form of a typed code: case and dashes or spaces ignored, and the letters Crockford reads as
     * digits (I, L as 1; O as 0) taken as such; empty when it cannot be a code.
     */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c;
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}

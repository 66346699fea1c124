package vn.dienbien.tdkt.decision;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Sổ quyết định of a year: which numbers are issued (award decisions and annulments), which are held
 * (giữ chỗ) for a case awaiting registration, and the counter: the last number of the run issued without
 * a gap (or the highest number a văn thư typed by hand). Whatever gives out or holds a number first takes
 * the year's counter row lock ({@link #lock}), so two transactions never choose the same number.
 */
@Component
class RegisterNumbers {

    private final JdbcTemplate jdbc;
    private final DecisionRepository decisions;
    private final DecisionCounterInitializer counters;

    RegisterNumbers(JdbcTemplate jdbc, DecisionRepository decisions, DecisionCounterInitializer counters) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.counters = counters;
    }

    /** Takes the year's counter row lock for the rest of the transaction (creating the counter first if needed). */
    void lock(int year) {
        counters.ensure(year);
        decisions.lockCounter(year);
    }

    int last(int year) {
        Integer last = decisions.currentNumber(year);
        return last == null ? 0 : last;
    }

    boolean issued(int year, int number) {
        return decisions.usesOfNumber(year, number) > 0;
    }

    /**
     * The smallest number above the counter that is neither issued nor held for a case. Reservations are read
     * before issued numbers: a case registering its reserved number (without the counter lock) deletes the
     * reservation as it inserts the decision, so its number is seen in one of the two reads.
     */
    int smallestFree(int year) {
        int last = last(year);
        Set<Integer> taken = new HashSet<>(jdbc.queryForList("select number_value from decision_number_reservation"
                + " where number_year = ? and number_value > ?", Integer.class, year, last));
        taken.addAll(issuedAbove(year, last));
        int number = last + 1;
        while (taken.contains(number)) {
            number++;
        }
        if (number > AwardDecisions.MAX_NUMBER) {
            throw ApiException.conflict("Sổ quyết định năm " + year + " đã hết số (tối đa " + AwardDecisions.MAX_NUMBER + ").");
        }
        return number;
    }

    /** The number held for {@code holder} in {@code year}, or null. */
    Integer held(String holder, int year) {
        List<Integer> found = jdbc.queryForList("select number_value from decision_number_reservation where holder = ?"
                + " and number_year = ?", Integer.class, holder, year);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The year a holder's number belongs to, or null when it holds none. */
    Integer heldYear(String holder) {
        List<Integer> found = jdbc.queryForList("select number_year from decision_number_reservation where holder = ?",
                Integer.class, holder);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether another case than {@code holder} holds this number. */
    boolean heldByAnother(int year, int number, String holder) {
        Integer count = jdbc.queryForObject("select count(*) from decision_number_reservation where number_year = ?"
                + " and number_value = ? and holder <> ?", Integer.class, year, number, holder == null ? "" : holder);
        return count != null && count > 0;
    }

    /** Holds the number for the case, in place of whatever it held before. */
    void hold(String holder, int year, int number) {
        release(holder);
        jdbc.update("insert into decision_number_reservation (holder, number_year, number_value, reserved_at)"
                + " values (?, ?, ?, ?)", holder, year, number, Timestamp.from(WorkflowClock.now()));
    }

    void release(String holder) {
        jdbc.update("delete from decision_number_reservation where holder = ?", holder);
    }

    /**
     * After {@code number} is given out: the counter moves over the run of numbers issued right above it
     * ({@code raise}: first up to the number itself, a văn thư's own choice above the counter).
     */
    void advance(int year, int number, boolean raise) {
        int last = last(year);
        int counter = raise ? Math.max(last, number) : last;
        Set<Integer> issued = new HashSet<>(issuedAbove(year, counter));
        issued.add(number);
        while (issued.contains(counter + 1)) {
            counter++;
        }
        if (counter > last) {
            decisions.raiseCounter(year, counter);
        }
    }

    /** The counter moves over the numbers issued right above it (registered under their reservation, unlocked). */
    void catchUp(int year) {
        advance(year, last(year), false);
    }

    private List<Integer> issuedAbove(int year, int last) {
        return jdbc.queryForList("select number_value from decision where number_year = ? and number_value > ?"
                + " union select number_value from award_annulment where number_year = ? and number_value > ?",
                Integer.class, year, last, year, last);
    }
}

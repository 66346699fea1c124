package vn.dienbien.tdkt.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Issues decisions (quyết định) with numbers in the province's format, {@code 123/QĐ-UBND}:
 * consecutive within a year, never skipped, unique even when two decisions are issued at the
 * same moment (whoever chooses a number locks the year's counter row until its transaction ends). A case
 * awaiting registration may hold (reserve) a number, chosen under that lock; no other case is given it, so
 * its registration under that very number needs no lock (registrations of parallel sessions do not queue).
 */
@Service
public class AwardDecisions {

    static final String SUFFIX = "/QĐ-UBND";
    /** A register's numbers stay well below this in a year. */
    static final int MAX_NUMBER = 99_999;

    private final DecisionRepository decisions;
    private final RegisterNumbers register;
    private final VerificationCodes verificationCodes;
    private final DecisionDocumentCases documentCases;

    AwardDecisions(DecisionRepository decisions, RegisterNumbers register, VerificationCodes verificationCodes,
            DecisionDocumentCases documentCases) {
        this.decisions = decisions;
        this.register = register;
        this.verificationCodes = verificationCodes;
        this.documentCases = documentCases;
    }

    /** Who a decision names. */
    public record NewAwardee(Long dossierId, String awardCode, String nomineeName, String unitName) {
    }

    /**
     * Vào số: the number and signing date the Chairman's office (văn thư) confirmed, and the signed
     * scan attached to the decision. {@code holder}: the case the number may have been reserved for
     * ({@link #reserve}); null when no case holds numbers. {@code registeredAt}: when the văn thư registered it
     * (null: now), the decision being issued later by a job.
     */
    public record Registration(int number, Long scanDocumentId, String registeredBy, String holder, Instant registeredAt) {

        /** Registered now, for the case {@code holder}. */
        public Registration(int number, Long scanDocumentId, String registeredBy, String holder) {
            this(number, scanDocumentId, registeredBy, holder, null);
        }

        /** A number typed by the văn thư for no case holding one: used as it is, or refused when taken. */
        public Registration(int number, Long scanDocumentId, String registeredBy) {
            this(number, scanDocumentId, registeredBy, null, null);
        }
    }

    /**
     * The register's next free number: the smallest above the last one issued that is neither issued nor
     * reserved for a case awaiting registration (what a văn thư may type, what a draft shows).
     */
    @Transactional(readOnly = true)
    public int nextNumber(int year) {
        return register.smallestFree(year);
    }

    /**
     * Giữ số: reserves a number of the year's register for a case awaiting registration ({@code holder}, e.g.
     * a council session), the number the văn thư writes on the paper to be signed. The case keeps the number
     * it holds in that year while it is unused; otherwise it gets the smallest free number (see
     * {@link #nextNumber}) in place of the one it held. Chosen under the year's counter row lock, so two cases
     * never hold the same number; the case's registration then takes exactly this number.
     */
    @Transactional
    public int reserve(String holder, int year) {
        requireHolder(holder);
        register.lock(year);
        Integer held = register.held(holder, year);
        if (held != null && !register.issued(year, held)) {
            return held;
        }
        // The counter catches up here with numbers registered under their reservation (those take no lock).
        register.catchUp(year);
        int number = register.smallestFree(year);
        register.hold(holder, year, number);
        return number;
    }

    /** The number a case holds in the year, if it holds an unused one (nothing reserved by reading). */
    @Transactional(readOnly = true)
    public OptionalInt reservation(String holder, int year) {
        Integer held = holder == null ? null : register.held(holder, year);
        return held == null || register.issued(year, held) ? OptionalInt.empty() : OptionalInt.of(held);
    }

    /**
     * The case ended without a decision: its number is free again, and being the smallest free one it is the
     * next number reserved or given, so the register has no gap once every waiting case is registered.
     */
    @Transactional
    public void release(String holder) {
        requireHolder(holder);
        Integer year = register.heldYear(holder);
        if (year != null) {
            register.lock(year);
            register.release(holder);
        }
    }

    /**
     * Vào số chờ ban hành: the number the văn thư confirmed for a case is held for it until its decision issues
     * ({@link #issue(String, LocalDate, String, String, List, Registration)} then takes exactly it, with no lock and
     * no refusal). The number the case already holds is kept as it is; another number is checked and held under the
     * year's counter row lock (refused, nothing written, when used that year or held for another case), and the
     * counter follows a number typed above it, as when such a number is registered. The case's other reservations end.
     */
    @Transactional
    public void holdForRegistration(String holder, int year, int number) {
        requireHolder(holder);
        if (number < 1 || number > MAX_NUMBER) {
            throw ApiException.badRequest("Số quyết định phải từ 1 đến " + MAX_NUMBER + ".");
        }
        Integer held = register.held(holder, year);
        if (held != null && held == number && !register.issued(year, number)) {
            return;
        }
        register.lock(year);
        if (register.heldByAnother(year, number, holder)) {
            throw ApiException.conflict("Số " + number + SUFFIX + " năm " + year + " đang được giữ cho một phiên họp khác chờ vào số"
                    + " (văn thư đã mở phiếu vào số của phiên họp đó). Xin chọn số khác (số tiếp theo còn trống: "
                    + freeFor(held, year) + SUFFIX + ").");
        }
        if (register.issued(year, number)) {
            throw ApiException.conflict("Số " + number + SUFFIX + " năm " + year + " đã được dùng cho một quyết định khác (khen thưởng hoặc thu hồi, hủy bỏ)."
                    + " Xin chọn số khác (số tiếp theo còn trống: " + freeFor(held, year) + SUFFIX + ").");
        }
        register.hold(holder, year, number);
        register.advance(year, number, true);
    }

    /**
     * Issues a decision under the number the văn thư confirmed: the number reserved for its case (exactly
     * that one), or another one neither used that year nor reserved for another case (else refused, nothing
     * written). The case's reservation ends with it.
     * <p>
     * The number reserved for the case is the case's alone (it was chosen under the counter row lock, and the
     * reservation is deleted in this same transaction as the decision is inserted: another transaction sees
     * one or the other, and reads reservations before issued numbers), so it is registered without the lock
     * and without moving the counter; the next transaction that chooses a number catches the counter up. Any
     * other number is checked and taken under the counter row lock, held until the transaction ends; a number
     * typed above the counter raises it, so the next proposal follows the largest number registered. The
     * unique constraint on (year, number) stays the last guard.
     */
    @Transactional
    public DecisionView issue(String title, LocalDate signedOn, String signer, String issuedBy, List<NewAwardee> awardees,
            Registration registration) {
        if (awardees.isEmpty()) {
            throw ApiException.badRequest("Quyết định phải có ít nhất một tập thể, cá nhân được khen thưởng.");
        }
        int number = registration.number();
        if (number < 1 || number > MAX_NUMBER) {
            throw ApiException.badRequest("Số quyết định phải từ 1 đến " + MAX_NUMBER + ".");
        }
        int year = signedOn.getYear();
        String holder = registration.holder();
        Integer held = holder == null ? null : register.held(holder, year);
        boolean kept = held != null && held == number;
        if (!kept) {
            register.lock(year);
        }
        // Reservations before issued numbers: a registration committing in between is seen by one or the other.
        if (!kept && register.heldByAnother(year, number, holder)) {
            throw ApiException.conflict("Số " + number + SUFFIX + " năm " + year + " đang được giữ cho một phiên họp khác chờ vào số"
                    + " (văn thư đã mở phiếu vào số của phiên họp đó). Xin chọn số khác (số tiếp theo còn trống: "
                    + freeFor(held, year) + SUFFIX + ").");
        }
        if (register.issued(year, number)) {
            throw ApiException.conflict("Số " + number + SUFFIX + " năm " + year + " đã được dùng cho một quyết định khác (khen thưởng hoặc thu hồi, hủy bỏ)."
                    + " Xin chọn số khác (số tiếp theo còn trống: " + freeFor(held, year) + SUFFIX + ").");
        }
        if (holder != null) {
            register.release(holder);
        }
        if (!kept) {
            register.advance(year, number, true);
        }
        var decision = new Decision(number, year, number + SUFFIX, title, signedOn, signer, issuedBy,
                WorkflowClock.now(), awardees.stream()
                        .map(a -> new Decision.Awardee(a.dossierId(), a.awardCode(), a.nomineeName(), a.unitName()))
                        .toList());
        decision.registered(registration.scanDocumentId(), registration.registeredBy(),
                registration.registeredAt() != null ? registration.registeredAt() : WorkflowClock.now());
        DecisionView issued = verificationCodes.assignedTo(decisions.save(decision).view());
        // Its document is generated and filed afterwards, by a job with retries (bpmn/decision-document.bpmn).
        documentCases.schedule(issued.id());
        return issued;
    }

    /** For the case that holds {@code held}: that number (still unused); else the register's next free one. */
    private int freeFor(Integer held, int year) {
        return held != null && !register.issued(year, held) ? held : register.smallestFree(year);
    }

    /** Issues a decision under the register's next free number (one reserved for a case is skipped). */
    @Transactional
    public DecisionView issue(String title, LocalDate signedOn, String signer, String issuedBy, List<NewAwardee> awardees) {
        if (awardees.isEmpty()) {
            throw ApiException.badRequest("Quyết định phải có ít nhất một tập thể, cá nhân được khen thưởng.");
        }
        int year = signedOn.getYear();
        register.lock(year);
        int number = register.smallestFree(year);
        register.advance(year, number, false);
        var decision = new Decision(number, year, number + SUFFIX, title, signedOn, signer, issuedBy,
                WorkflowClock.now(), awardees.stream()
                        .map(a -> new Decision.Awardee(a.dossierId(), a.awardCode(), a.nomineeName(), a.unitName()))
                        .toList());
        return verificationCodes.assignedTo(decisions.save(decision).view());
    }

    private static void requireHolder(String holder) {
        if (holder == null || holder.isBlank() || holder.length() > 64) {
            throw new IllegalArgumentException("A reservation names the case it is for (at most 64 characters).");
        }
    }

    /** The latest decision that names a dossier's nominee, with who issued it. */
    @Transactional(readOnly = true)
    public Optional<DecisionView> naming(Long dossierId) {
        return decisions.findNamingDossier(dossierId).stream().findFirst().map(Decision::view);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionView> byCode(int year, String code) {
        return decisions.findByYearAndCode(year, code).map(Decision::view);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionView> byId(Long id) {
        return decisions.findById(id).map(Decision::view);
    }

    @Transactional(readOnly = true)
    public List<DecisionView> ofYear(int year) {
        return decisions.findByYearOrderByNumber(year).stream().map(Decision::view).toList();
    }
}

package vn.dienbien.tdkt.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Issues decisions (quyết định) with numbers in the province's format, {@code 123/QĐ-UBND}:
 * consecutive within a year, never skipped, unique even when two decisions are issued at the
 * same moment (the year's counter row is locked until the issuing transaction ends).
 */
@Service
public class AwardDecisions {

    static final String SUFFIX = "/QĐ-UBND";
    /** A register's numbers stay well below this in a year. */
    static final int MAX_NUMBER = 99_999;

    private final DecisionRepository decisions;
    private final DecisionCounterInitializer counters;
    private final VerificationCodes verificationCodes;
    private final DecisionDocumentCases documentCases;

    AwardDecisions(DecisionRepository decisions, DecisionCounterInitializer counters, VerificationCodes verificationCodes,
            DecisionDocumentCases documentCases) {
        this.decisions = decisions;
        this.counters = counters;
        this.verificationCodes = verificationCodes;
        this.documentCases = documentCases;
    }

    /** Who a decision names. */
    public record NewAwardee(Long dossierId, String awardCode, String nomineeName, String unitName) {
    }

    /**
     * Vào số: the number and signing date the Chairman's office (văn thư) confirmed, and the signed
     * scan attached to the decision. {@code nextIfTaken}: the văn thư kept the register's proposal, i.e.
     * asked for the register's next number; if another registration took it meanwhile, the next free
     * number is given instead (under the year's counter lock, so still consecutive and unique).
     */
    public record Registration(int number, Long scanDocumentId, String registeredBy, boolean nextIfTaken) {

        /** A number typed by the văn thư: used as it is, or refused when taken. */
        public Registration(int number, Long scanDocumentId, String registeredBy) {
            this(number, scanDocumentId, registeredBy, false);
        }
    }

    /** The number the year's counter would hand out next (the văn thư's proposal). */
    @Transactional(readOnly = true)
    public int nextNumber(int year) {
        Integer last = decisions.currentNumber(year);
        return (last == null ? 0 : last) + 1;
    }

    /**
     * Issues a decision under the number the văn thư confirmed: the system's next number or another
     * one not yet used that year (an already used one is refused, nothing written). The counter
     * row stays locked until the transaction ends and never goes back below the highest number used,
     * so the next proposal follows the largest number registered.
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
        counters.ensure(year);
        decisions.lockCounter(year);
        if (registration.nextIfTaken()) {
            while (number < MAX_NUMBER && decisions.usesOfNumber(year, number) > 0) {
                number = Math.max(number, decisions.currentNumber(year)) + 1;
            }
        }
        if (decisions.usesOfNumber(year, number) > 0) {
            throw ApiException.conflict("Số " + number + SUFFIX + " năm " + year + " đã được dùng cho một quyết định khác (khen thưởng hoặc thu hồi, hủy bỏ)."
                    + " Xin chọn số khác (số hệ thống đề nghị: " + nextNumber(year) + ").");
        }
        decisions.raiseCounter(year, number);
        var decision = new Decision(number, year, number + SUFFIX, title, signedOn, signer, issuedBy,
                WorkflowClock.now(), awardees.stream()
                        .map(a -> new Decision.Awardee(a.dossierId(), a.awardCode(), a.nomineeName(), a.unitName()))
                        .toList());
        decision.registered(registration.scanDocumentId(), registration.registeredBy(), WorkflowClock.now());
        DecisionView issued = verificationCodes.assignedTo(decisions.save(decision).view());
        // Its document is generated and filed afterwards, by a job with retries (bpmn/decision-document.bpmn).
        documentCases.schedule(issued.id());
        return issued;
    }

    @Transactional
    public DecisionView issue(String title, LocalDate signedOn, String signer, String issuedBy, List<NewAwardee> awardees) {
        if (awardees.isEmpty()) {
            throw ApiException.badRequest("Quyết định phải có ít nhất một tập thể, cá nhân được khen thưởng.");
        }
        int year = signedOn.getYear();
        counters.ensure(year);
        decisions.advanceCounter(year);
        int number = decisions.currentNumber(year);
        var decision = new Decision(number, year, number + SUFFIX, title, signedOn, signer, issuedBy,
                WorkflowClock.now(), awardees.stream()
                        .map(a -> new Decision.Awardee(a.dossierId(), a.awardCode(), a.nomineeName(), a.unitName()))
                        .toList());
        return verificationCodes.assignedTo(decisions.save(decision).view());
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

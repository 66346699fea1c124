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

    private final DecisionRepository decisions;
    private final DecisionCounterInitializer counters;
    private final VerificationCodes verificationCodes;

    AwardDecisions(DecisionRepository decisions, DecisionCounterInitializer counters, VerificationCodes verificationCodes) {
        this.decisions = decisions;
        this.counters = counters;
        this.verificationCodes = verificationCodes;
    }

    /** Who a decision names. */
    public record NewAwardee(Long dossierId, String awardCode, String nomineeName, String unitName) {
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
    public List<DecisionView> ofYear(int year) {
        return decisions.findByYearOrderByNumber(year).stream().map(Decision::view).toList();
    }
}

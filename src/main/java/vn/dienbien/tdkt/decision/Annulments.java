package vn.dienbien.tdkt.decision;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Quyết định thu hồi / hủy bỏ khen thưởng: numbered by the same yearly counter as award decisions
 * (the year's counter row locked until the transaction ends, so a number is never shared with an award
 * decision), one per awardee.
 */
@Service
public class Annulments {

    static final int MAX_REASON = 3900;

    private final DecisionRepository decisions;
    private final RegisterNumbers register;
    private final AnnulmentRepository annulments;

    Annulments(DecisionRepository decisions, RegisterNumbers register, AnnulmentRepository annulments) {
        this.decisions = decisions;
        this.register = register;
        this.annulments = annulments;
    }

    /**
     * Issues the annulment of the award a decision gave this dossier's nominee, with the register's next free
     * number (a number reserved for a case awaiting registration is skipped).
     */
    @Transactional
    public AnnulmentView annul(Long dossierId, AnnulmentKind kind, String reason, LocalDate signedOn, String signer,
            String decidedBy, String processInstanceId) {
        Decision original = decisions.findNamingDossier(dossierId).stream().findFirst()
                .orElseThrow(() -> ApiException.badRequest("Hồ sơ số " + dossierId + " chưa được khen thưởng theo quyết định nào."));
        if (annulments.existsByDossierId(dossierId)) {
            throw ApiException.conflict("Khen thưởng của hồ sơ số " + dossierId + " đã bị thu hồi hoặc hủy bỏ trước đó.");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw ApiException.badRequest("Lý do thu hồi, hủy bỏ là bắt buộc, tối đa " + MAX_REASON + " ký tự.");
        }
        int year = signedOn.getYear();
        register.lock(year);
        int number = register.smallestFree(year);
        register.advance(year, number, false);
        Annulment saved = annulments.save(new Annulment(dossierId, original.view().id(), kind, reason.trim(), number, year,
                number + AwardDecisions.SUFFIX, signedOn, signer, decidedBy, WorkflowClock.now(), processInstanceId));
        return saved.view(original.view().code());
    }

    @Transactional(readOnly = true)
    public Optional<AnnulmentView> ofDossier(Long dossierId) {
        return annulments.findByDossierId(dossierId).map(a -> a.view(codeOf(a)));
    }

    /** The annulments of these dossiers, by dossier id (one query whatever their number). */
    @Transactional(readOnly = true)
    public Map<Long, AnnulmentView> ofDossiers(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return Map.of();
        }
        var found = annulments.findByDossierIdIn(dossierIds);
        Map<Long, String> codes = decisions.findAllById(found.stream().map(a -> a.view(null).decisionId()).distinct().toList())
                .stream().collect(Collectors.toMap(d -> d.view().id(), d -> d.view().code()));
        return found.stream().map(a -> a.view(codes.get(a.view(null).decisionId())))
                .collect(Collectors.toMap(AnnulmentView::dossierId, Function.identity()));
    }

    private String codeOf(Annulment annulment) {
        return decisions.findById(annulment.view(null).decisionId()).map(d -> d.view().code()).orElse(null);
    }
}

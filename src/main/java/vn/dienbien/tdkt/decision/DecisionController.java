package vn.dienbien.tdkt.decision;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Decisions of a year, each with its number and awardees (public acts of the province); an awardee whose
 * award was revoked or annulled carries that decision.
 */
@RestController
class DecisionController {

    private final AwardDecisions decisions;
    private final DecisionDocuments documents;
    private final Annulments annulments;

    DecisionController(AwardDecisions decisions, DecisionDocuments documents, Annulments annulments) {
        this.decisions = decisions;
        this.documents = documents;
        this.annulments = annulments;
    }

    /** The issued decision and its annex as DOCX, with its registered number and date. */
    @GetMapping("/api/decisions/{id}/document.docx")
    ResponseEntity<byte[]> document(@PathVariable Long id, HttpServletRequest request) {
        byte[] bytes = documents.issued(id, CurrentUser.of(request));
        return DecisionDocuments.download("quyet-dinh-" + id + ".docx", bytes);
    }


    @GetMapping("/api/decisions")
    List<DecisionView> ofYear(@RequestParam int year, HttpServletRequest request) {
        CurrentUser.of(request);
        List<DecisionView> views = decisions.ofYear(year);
        var revoked = annulments.ofDossiers(views.stream()
                .flatMap(d -> d.awardees().stream().map(DecisionView.AwardeeView::dossierId)).distinct().toList());
        return views.stream().map(d -> d.withAnnulments(revoked)).toList();
    }
}

package vn.dienbien.tdkt.decision;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Lập văn bản quyết định lưu hồ sơ: the issued decision's DOCX, from the office's template, stored with the
 * decision once. Idempotent: a decision whose document is filed is not filed again when the job runs again.
 * A failure throws {@link DecisionDocumentException} with a message an administrator can act on; it becomes the
 * job's error and, when the retries of the diagram's cycle have run out, the incident's in Cockpit.
 */
@Service
class DecisionDocumentFiling {

    /** Who stores the filed documents (no unit owns them; the Board and oversight roles read them). */
    static final CurrentUser SYSTEM = new CurrentUser("he-thong", List.of());

    private static final Logger log = LoggerFactory.getLogger(DecisionDocumentFiling.class);

    private final DecisionRepository decisions;
    private final DecisionDocuments documents;
    private final DocumentService store;
    private final String retryCycle;

    DecisionDocumentFiling(DecisionRepository decisions, DecisionDocuments documents, DocumentService store,
            @Value("${tdkt.documents.retry-cycle:R3/PT10M}") String retryCycle) {
        this.decisions = decisions;
        this.documents = documents;
        this.store = store;
        this.retryCycle = retryCycle;
    }

    /** Files the decision's document unless it is filed already; returns the stored document's id. */
    @Transactional
    public Long file(Long decisionId) {
        Decision decision = decisions.findById(decisionId).orElse(null);
        if (decision == null) {
            return null;
        }
        if (decision.getDocumentId() != null) {
            return decision.getDocumentId();
        }
        byte[] bytes;
        try {
            bytes = documents.issued(decisionId);
        } catch (ApiException e) {
            throw new DecisionDocumentException("Không lập được văn bản Quyết định số " + decision.view().code()
                    + " để lưu hồ sơ: " + e.getMessage() + " Quyết định vẫn đã ban hành; hệ thống tự lập lại theo chu kỳ "
                    + retryCycle + ". Khi hết lượt, sửa mẫu rồi chọn thử lại (Retry) sự cố này trong Cockpit.");
        }
        Long stored = store.store("quyet-dinh-" + decision.view().number() + "-" + decision.view().year() + ".docx",
                DecisionDocuments.DOCX.toString(), bytes, SYSTEM).id();
        decision.filed(stored);
        log.info("Decision {} filed as document {}", decision.view().code(), stored);
        return stored;
    }

    /** The retry cycle of the filing job (the diagram's {@code ${documentRetryCycle}}). */
    String retryCycle() {
        return retryCycle;
    }
}

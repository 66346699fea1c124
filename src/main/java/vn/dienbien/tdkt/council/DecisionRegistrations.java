package vn.dienbien.tdkt.council;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * The rules of "Văn thư vào số, ngày ký quyết định": a signing date neither in the future nor
 * before the Chairman's approval, and a signed scan that is a PDF the văn thư uploaded.
 */
@Component
class DecisionRegistrations {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DocumentService documents;
    private final RegisterProposals proposals;

    DecisionRegistrations(DocumentService documents, RegisterProposals proposals) {
        this.documents = documents;
        this.proposals = proposals;
    }

    /** The registration the văn thư recorded for the session, as the register issues it (who registered, and when). */
    AwardDecisions.Registration registration(Long sessionId, PendingRegistrations.Pending pending) {
        return new AwardDecisions.Registration(pending.number(), pending.scanDocumentId(), pending.registeredBy(),
                RegisterProposals.holder(sessionId), pending.registeredAt());
    }

    /**
     * The number the văn thư registered is held for the session until its decision issues: the one reserved for it
     * as it is; another one only when neither used nor reserved for another session (else refused, 409).
     */
    void hold(Long sessionId, int year, int number) {
        proposals.hold(sessionId, year, number);
    }

    /** The session ends without a decision: the number reserved for it is free again. */
    void release(Long sessionId) {
        proposals.release(sessionId);
    }

    LocalDate checkedSigningDate(String text, Instant approvedAt) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("Chưa nhập ngày ký quyết định.");
        }
        LocalDate date;
        try {
            String trimmed = text.trim();
            date = LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Ngày ký quyết định phải có dạng năm-tháng-ngày.");
        }
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), VIETNAM);
        if (date.isAfter(today)) {
            throw ApiException.badRequest("Ngày ký quyết định không được sau hôm nay.");
        }
        if (approvedAt != null && date.isBefore(LocalDate.ofInstant(approvedAt, VIETNAM))) {
            throw ApiException.badRequest("Ngày ký quyết định không được trước ngày Chủ tịch UBND tỉnh phê duyệt ("
                    + CouncilPaperwork.SHORT.format(LocalDate.ofInstant(approvedAt, VIETNAM)) + ").");
        }
        return date;
    }

    void requireSignedScan(Long scanDocumentId, CurrentUser clerk) {
        documents.requirePdfStoredBy(scanDocumentId, clerk);
    }

    /** The form's number: digits only, positive. */
    static int number(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("Chưa nhập số quyết định.");
        }
        String digits = text.trim();
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1) {
            throw ApiException.badRequest("Số quyết định phải là số nguyên dương (tối đa 5 chữ số), ví dụ 125.");
        }
        return Integer.parseInt(digits);
    }

    /** The form's scan: the id of the uploaded document. */
    static Long documentId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.trim().matches("\\d{1,18}")) {
            throw ApiException.badRequest("Bản quét quyết định đã ký không hợp lệ; hãy tải lên lại tệp PDF.");
        }
        return Long.valueOf(text.trim());
    }
}

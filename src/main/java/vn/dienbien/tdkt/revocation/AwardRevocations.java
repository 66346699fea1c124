package vn.dienbien.tdkt.revocation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.decision.AnnulmentKind;
import vn.dienbien.tdkt.decision.AnnulmentView;
import vn.dienbien.tdkt.decision.Annulments;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.dossier.DossierQueries;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.WorkflowClock;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Thu hồi, hủy bỏ khen thưởng: the Board's officer asks, the head of the Board checks, the Chairman
 * decides. Each step finds its request from the case, checks who acts and the request's status; the
 * awardee and the decision are read from the records, never taken from what a person sends.
 */
@Service
public class AwardRevocations {

    static final int MAX_TEXT = 3900;
    static final String BUSINESS_KEY_PREFIX = "TH-";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String SIGNER = "Chủ tịch UBND tỉnh";

    private final RevocationRequestRepository requests;
    private final DossierQueries dossiers;
    private final AwardDecisions decisions;
    private final Annulments annulments;
    private final DocumentService documents;
    private final NotificationService notifications;
    private final OrgUnitRepository units;
    private final RuntimeService runtimeService;
    private final int checkDays;
    private final int decisionDays;

    AwardRevocations(RevocationRequestRepository requests, DossierQueries dossiers, AwardDecisions decisions,
            Annulments annulments, DocumentService documents, NotificationService notifications, OrgUnitRepository units,
            RuntimeService runtimeService, @Value("${tdkt.revocation.check-days:10}") int checkDays,
            @Value("${tdkt.revocation.decision-days:10}") int decisionDays) {
        this.requests = requests;
        this.dossiers = dossiers;
        this.decisions = decisions;
        this.annulments = annulments;
        this.documents = documents;
        this.notifications = notifications;
        this.units = units;
        this.runtimeService = runtimeService;
        this.checkDays = checkDays;
        this.decisionDays = decisionDays;
    }

    /** What the Board's officer sends: the awardee's dossier, thu hồi or hủy bỏ, the reason, and evidence if any. */
    public record NewRequest(Long dossierId, String kind, String reason, Long evidenceDocumentId) {
    }

    /** Opens a revocation case for an awardee of an issued decision; returns the request's id. */
    @Transactional
    public Long request(NewRequest body, CurrentUser user) {
        if (!user.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ chuyên viên Ban Thi đua – Khen thưởng được đề nghị thu hồi, hủy bỏ khen thưởng.");
        }
        if (body == null || body.dossierId() == null) {
            throw ApiException.badRequest("Chưa chọn hồ sơ được khen thưởng cần thu hồi, hủy bỏ (dossierId).");
        }
        AnnulmentKind kind = AnnulmentKind.parse(body.kind());
        String reason = text(body.reason(), "Lý do thu hồi, hủy bỏ", true);
        if (body.evidenceDocumentId() != null) {
            var evidence = documents.info(body.evidenceDocumentId());
            if (!user.userId().equals(evidence.uploadedBy())) {
                throw ApiException.forbidden("Chỉ đính kèm được văn bản do chính Anh/Chị tải lên.");
            }
        }
        var dossier = dossiers.record(body.dossierId());
        if (annulments.ofDossier(dossier.id()).isPresent()) {
            throw ApiException.conflict("Khen thưởng của hồ sơ số " + dossier.id() + " đã bị thu hồi hoặc hủy bỏ.");
        }
        DecisionView decision = decisions.naming(dossier.id()).filter(d -> "AWARDED".equals(dossier.status()))
                .orElseThrow(() -> ApiException.badRequest("Hồ sơ số " + dossier.id()
                        + " chưa được khen thưởng theo quyết định nào: không có gì để thu hồi, hủy bỏ."));
        if (requests.existsByOpenDossierId(dossier.id())) {
            throw ApiException.conflict("Khen thưởng của hồ sơ số " + dossier.id() + " đang có đề nghị thu hồi, hủy bỏ chưa giải quyết.");
        }
        RevocationRequest saved;
        try {
            saved = requests.saveAndFlush(new RevocationRequest(dossier.id(), decision.id(), kind, reason,
                    body.evidenceDocumentId(), user.userId(), WorkflowClock.now()));
        } catch (DataIntegrityViolationException concurrent) {
            throw ApiException.conflict("Khen thưởng của hồ sơ số " + dossier.id() + " đang có đề nghị thu hồi, hủy bỏ chưa giải quyết.");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(RevocationDelegates.REVOCATION_ID, saved.getId());
        variables.put(RevocationDelegates.TITLE, title(kind, dossier.awardName(), dossier.nomineeName(), decision.code()));
        variables.put(RevocationDelegates.CHECK_DUE_AT, Date.from(WorkflowClock.now().plus(Duration.ofDays(checkDays))));
        runtimeService.startProcessInstanceByKey(WorkflowKeys.AWARD_REVOCATION, BUSINESS_KEY_PREFIX + saved.getId(),
                variables);
        return saved.getId();
    }

    /** "Thu hồi Bằng khen của Chủ tịch UBND tỉnh – Lò Văn A (QĐ 12/QĐ-UBND)". */
    private static String title(AnnulmentKind kind, String awardName, String nomineeName, String decisionCode) {
        String verb = kind == AnnulmentKind.REVOKE ? "Thu hồi " : "Hủy bỏ ";
        String title = verb + awardName + " – " + nomineeName + " (QĐ " + decisionCode + ")";
        return title.length() <= 250 ? title : title.substring(0, 249) + "…";
    }

    /**
     * What a revocation case's task shows: "Thu hồi Bằng khen của Chủ tịch UBND tỉnh – Lò Văn A (QĐ 12/QĐ-UBND)",
     * from the case's request, its dossier and the decision it names.
     */
    @Transactional(readOnly = true)
    public String titleOfCase(String processInstanceId) {
        RevocationRequest request = requests.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> ApiException.notFound("Hồ sơ xử lý này không thuộc đề nghị thu hồi, hủy bỏ khen thưởng nào."));
        var dossier = dossiers.record(request.getDossierId());
        String decisionCode = decisions.byId(request.getDecisionId()).map(DecisionView::code).orElse("?");
        return title(request.getKind(), dossier.awardName(), dossier.nomineeName(), decisionCode);
    }

    /** The case's start: ties the case to the request its business key names, once; any other start is refused. */
    @Transactional
    public void attachCase(String businessKey, String processInstanceId) {
        Long id = null;
        if (businessKey != null && businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
            try {
                id = Long.valueOf(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
            } catch (NumberFormatException notAnId) {
                id = null;
            }
        }
        RevocationRequest request = id == null ? null : requests.findById(id).orElse(null);
        if (request == null || request.getProcessInstanceId() != null || request.getStatus() != RevocationStatus.REQUESTED) {
            throw ApiException.badRequest("Đề nghị thu hồi, hủy bỏ khen thưởng chỉ được lập qua chức năng của Ban Thi đua"
                    + " – Khen thưởng (POST /api/award-revocations).");
        }
        request.attachCase(processInstanceId);
    }

    /** The request of a revocation case. */
    @Transactional(readOnly = true)
    public Long requestOfCase(String processInstanceId) {
        return requests.findByProcessInstanceId(processInstanceId).map(RevocationRequest::getId)
                .orElseThrow(() -> ApiException.notFound("Hồ sơ xử lý này không thuộc đề nghị thu hồi, hủy bỏ khen thưởng nào."));
    }

    /** Kiểm tra của lãnh đạo Ban TĐKT: FORWARD (trình Chủ tịch) or STOP (dừng, note required); true when forwarded. */
    @Transactional
    public boolean check(Long requestId, String choice, String note, CurrentUser actor) {
        RevocationRequest request = requests.findById(requestId).orElseThrow();
        requireRole(actor, CamundaGroups.BOARD_HEAD, "Chỉ lãnh đạo Ban Thi đua – Khen thưởng kiểm tra đề nghị thu hồi, hủy bỏ.");
        if (request.getStatus() != RevocationStatus.REQUESTED) {
            throw ApiException.conflict("Đề nghị này không ở bước kiểm tra của lãnh đạo Ban.");
        }
        String cleanNote = text(note, "Ý kiến kiểm tra", false);
        boolean forward;
        if ("FORWARD".equals(choice)) {
            forward = true;
        } else if ("STOP".equals(choice)) {
            if (cleanNote == null) {
                throw ApiException.badRequest("Dừng đề nghị phải nêu lý do.");
            }
            forward = false;
        } else {
            throw ApiException.badRequest("Chưa chọn ý kiến kiểm tra: trình Chủ tịch hoặc dừng đề nghị.");
        }
        request.checked(forward, actorId(actor), WorkflowClock.now(), cleanNote);
        return forward;
    }

    /** The Chairman's due date once a request is forwarded. */
    Date decisionDueAt() {
        return Date.from(WorkflowClock.now().plus(Duration.ofDays(decisionDays)));
    }

    /**
     * Quyết định của Chủ tịch UBND tỉnh: APPROVE (đồng ý) or REJECT (không đồng ý, reason required,
     * the award stands); true when approved. An approval is followed, in the same transaction, by
     * {@link #issue}.
     */
    @Transactional
    public boolean decide(Long requestId, String choice, String note, CurrentUser actor) {
        RevocationRequest request = requests.findById(requestId).orElseThrow();
        requireRole(actor, CamundaGroups.CHAIRMAN, "Chỉ Chủ tịch UBND tỉnh quyết định thu hồi, hủy bỏ khen thưởng.");
        if (request.getStatus() != RevocationStatus.FORWARDED || request.getDecidedBy() != null) {
            throw ApiException.conflict("Đề nghị này không ở bước quyết định của Chủ tịch UBND tỉnh.");
        }
        String cleanNote = text(note, "Ý kiến của Chủ tịch", false);
        if ("REJECT".equals(choice)) {
            if (cleanNote == null) {
                throw ApiException.badRequest("Không đồng ý thu hồi, hủy bỏ phải nêu lý do.");
            }
            request.rejected(actorId(actor), WorkflowClock.now(), cleanNote);
            return false;
        }
        if (!"APPROVE".equals(choice)) {
            throw ApiException.badRequest("Chưa chọn ý kiến: đồng ý hoặc không đồng ý thu hồi, hủy bỏ.");
        }
        request.approved(actorId(actor), WorkflowClock.now(), cleanNote);
        return true;
    }

    /**
     * Ban hành quyết định thu hồi, hủy bỏ: the decision the Chairman approved gets the next number of the
     * year's counter, the award is marked revoked and the unit is told.
     */
    @Transactional
    public void issue(Long requestId, String processInstanceId) {
        RevocationRequest request = requests.findById(requestId).orElseThrow();
        if (!request.isApprovedAwaitingIssue()) {
            throw ApiException.conflict("Đề nghị này chưa được Chủ tịch UBND tỉnh đồng ý thu hồi, hủy bỏ.");
        }
        LocalDate today = LocalDate.ofInstant(WorkflowClock.now(), VIETNAM);
        AnnulmentView annulment = annulments.annul(request.getDossierId(), request.getKind(), request.getReason(), today,
                SIGNER, request.getDecidedBy(), processInstanceId);
        request.issued(annulment.id());
        notifyUnit(request, annulment);
    }

    private void notifyUnit(RevocationRequest request, AnnulmentView annulment) {
        var dossier = dossiers.record(request.getDossierId());
        units.findByCode(dossier.proposingUnitCode()).ifPresent(unit -> notifications.notifyUnit(unit.getId(),
                "AWARD_REVOKED", "Quyết định " + annulment.kindLabel() + " khen thưởng: " + dossier.nomineeName(),
                "Chủ tịch UBND tỉnh đã ký Quyết định số " + annulment.code() + " ngày "
                        + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(annulment.signedOn()) + " "
                        + annulment.kindLabel() + " " + dossier.awardName() + " đã tặng " + dossier.nomineeName()
                        + " theo Quyết định số " + annulment.decisionCode() + ". Lý do: " + annulment.reason()));
    }

    /** A step of the procedure is taken by its role; the system (no person) may act for it. */
    private static void requireRole(CurrentUser actor, String group, String refusal) {
        if (actor != null && !actor.inGroup(group)) {
            throw ApiException.forbidden(refusal);
        }
    }

    private static String actorId(CurrentUser actor) {
        return actor == null ? ProcessActors.SYSTEM : actor.userId();
    }

    private static String text(String value, String what, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.badRequest(what + " là bắt buộc.");
            }
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw ApiException.badRequest(what + " tối đa " + MAX_TEXT + " ký tự.");
        }
        return trimmed;
    }
}

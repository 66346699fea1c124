package vn.dienbien.tdkt.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.paperwork.OfficialDocuments;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Quyết định khen thưởng as a DOCX ready to sign, with its annex (danh sách kèm theo), from the
 * office's template. Who reads the documents the office signs (drafts included) is decided here
 * once: the Board, the council's standing body, the Chairman and the Chairman's office (văn thư).
 */
@Service
public class DecisionDocuments {

    /** Who may download tờ trình, dự thảo quyết định and quyết định documents. */
    public static final List<String> READERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.CLERK);
    /** The media type of a Word document (DOCX). */
    public static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final OfficialDocuments documents;
    private final AwardDecisions decisions;
    private final AwardeeDetails details;
    private final OfficialRepository officials;

    DecisionDocuments(OfficialDocuments documents, AwardDecisions decisions, AwardeeDetails details,
            OfficialRepository officials) {
        this.documents = documents;
        this.decisions = decisions;
        this.details = details;
        this.officials = officials;
    }

    /** Refuses anyone but the readers of the office's documents. */
    public static void requireReader(CurrentUser user) {
        if (user == null || !user.inAnyGroup(READERS)) {
            throw ApiException.forbidden("Tờ trình và quyết định khen thưởng dành cho Ban Thi đua – Khen thưởng, "
                    + "Thường trực Hội đồng, Chủ tịch UBND tỉnh và Văn thư UBND tỉnh.");
        }
    }

    /**
     * What a decision document says: its number (proposed for a draft), place and date, subject,
     * signer and the annex's lines.
     */
    public record Paper(int number, LocalDate date, String subject, String signerUserId, List<AwardeeDetails.Line> lines,
            boolean draft) {
    }

    /** A decision's document (draft or issued). */
    public byte[] render(Paper paper) {
        Map<String, Object> model = dated(paper.date());
        model.put("number", String.valueOf(paper.number()));
        model.put("draftMark", paper.draft() ? "DỰ THẢO – số và ngày do Văn thư UBND tỉnh xác nhận khi vào sổ" : "");
        model.put("subject", paper.subject());
        model.put("awardNames", awardNames(paper.lines()));
        model.put("awardeeCount", String.valueOf(paper.lines().size()));
        model.put("signingCapacity", "CHỦ TỊCH");
        model.put("signerTitle", "");
        model.put("signerName", fullName(paper.signerUserId()));
        model.put(OfficialDocuments.AWARDEES, rows(paper.lines(), null));
        return documents.render(OfficialDocuments.DECISION, model);
    }

    /** An issued decision's document, with its registered number and signing date. */
    @Transactional(readOnly = true)
    public byte[] issued(Long decisionId, CurrentUser reader) {
        requireReader(reader);
        return issued(decisionId);
    }

    /** An issued decision's document, for the system (the decision-document job): no reader to check. */
    byte[] issued(Long decisionId) {
        DecisionView decision = decisions.byId(decisionId)
                .orElseThrow(() -> ApiException.notFound("Không có quyết định số " + decisionId + "."));
        var byDossier = details.of(decision.awardees().stream().map(DecisionView.AwardeeView::dossierId).toList());
        List<AwardeeDetails.Line> lines = decision.awardees().stream()
                .map(a -> byDossier.getOrDefault(a.dossierId(),
                        new AwardeeDetails.Line(a.dossierId(), a.nomineeName(), a.unitName(), a.awardCode())))
                .toList();
        return render(new Paper(decision.number(), decision.signedOn(), subjectOf(decision.title()), decision.issuedBy(),
                lines, false));
    }

    /** "Quyết định về việc tặng …" → "tặng …". */
    public static String subjectOf(String title) {
        String prefix = "Quyết định về việc ";
        return title.startsWith(prefix) ? title.substring(prefix.length()) : title;
    }

    /** "ngày … tháng … năm …" and the short date, as the templates print them. */
    public static Map<String, Object> dated(LocalDate date) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("day", String.format("%02d", date.getDayOfMonth()));
        model.put("month", String.format("%02d", date.getMonthValue()));
        model.put("year", String.valueOf(date.getYear()));
        model.put("dateShort", SHORT.format(date));
        return model;
    }

    /** The annex rows: STT, name, position and unit, award (and the vote when given). */
    public static List<Map<String, String>> rows(List<AwardeeDetails.Line> lines, Map<Long, String> votes) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("stt", String.valueOf(i + 1));
            row.put("name", line.name());
            row.put("unit", line.positionAndUnit());
            row.put("award", line.awardName());
            row.put("votes", votes == null ? "" : votes.getOrDefault(line.dossierId(), ""));
            rows.add(row);
        }
        return rows;
    }

    public static String awardNames(List<AwardeeDetails.Line> lines) {
        return String.join(", ", lines.stream().map(AwardeeDetails.Line::awardName).distinct().toList());
    }

    /** A generated document as a download (never rendered by the browser). */
    public static ResponseEntity<byte[]> download(String fileName, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(DOCX)
                .body(bytes);
    }

    /** The official's full name from the registry, or blank for the signer to write by hand. */
    public String fullName(String userId) {
        return userId == null ? "" : officials.findByUsername(userId).map(o -> o.getFullName()).orElse("");
    }
}

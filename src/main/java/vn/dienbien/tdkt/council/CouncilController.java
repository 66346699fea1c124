package vn.dienbien.tdkt.council;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.decision.DecisionDocuments;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Council sessions: opened by the Board, read by the voting forms, the council's chain and auditors. */
@RestController
class CouncilController {

    private final CouncilSessions sessions;
    private final CouncilSessionViews views;
    private final CouncilPaperwork paperwork;

    CouncilController(CouncilSessions sessions, CouncilSessionViews views, CouncilPaperwork paperwork) {
        this.sessions = sessions;
        this.views = views;
        this.paperwork = paperwork;
    }

    /** Tờ trình (DOCX): a draft while the standing body prepares it. */
    @GetMapping("/api/council-sessions/{id}/submission.docx")
    ResponseEntity<byte[]> submission(@PathVariable Long id, HttpServletRequest http) {
        return DecisionDocuments.download("to-trinh-phien-hop-" + id + ".docx", paperwork.submission(id, CurrentUser.of(http)));
    }

    /** Dự thảo quyết định (DOCX) under the number the register proposes. */
    @GetMapping("/api/council-sessions/{id}/decision-draft.docx")
    ResponseEntity<byte[]> decisionDraft(@PathVariable Long id, HttpServletRequest http) {
        return DecisionDocuments.download("du-thao-quyet-dinh-phien-hop-" + id + ".docx",
                paperwork.decisionDraft(id, CurrentUser.of(http)));
    }

    /** What the văn thư's form proposes: the register's next number for the year (default: this year). */
    @GetMapping("/api/council-sessions/{id}/registration")
    CouncilPaperwork.Registration registration(@PathVariable Long id, @RequestParam(required = false) Integer year,
            HttpServletRequest http) {
        return paperwork.registration(id, year, CurrentUser.of(http));
    }

    record OpenSession(
            @NotBlank(message = "chưa nhập tên phiên họp")
            @Size(max = CouncilSessions.TITLE_MAX, message = "tên phiên họp tối đa 500 ký tự")
            String title,
            @NotNull(message = "chưa chọn ngày họp")
            LocalDate meetingDate,
            @NotEmpty(message = "phiên họp phải có ít nhất một hồ sơ")
            @Size(max = CouncilSessions.MAX_DOSSIERS, message = "một phiên họp xét tối đa 200 hồ sơ")
            List<@NotNull(message = "số hồ sơ không được để trống") @Positive(message = "số hồ sơ phải là số dương") Long> dossierIds) {
    }

    @PostMapping("/api/council-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(@Valid @RequestBody OpenSession request, HttpServletRequest http) {
        Long id = sessions.open(request.title(), request.meetingDate(), request.dossierIds(), CurrentUser.of(http));
        return Map.of("id", id);
    }

    @GetMapping("/api/council-sessions/{id}")
    CouncilSessionViews.SessionView view(@PathVariable Long id, HttpServletRequest http) {
        return views.view(id, CurrentUser.of(http));
    }
}

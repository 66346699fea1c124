package vn.dienbien.tdkt.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;

/** One case for auditors and the Front: its record, its diagram, and the Front's comments. */
@RestController
class AuditController {

    private final CaseTimeline timeline;
    private final CaseComments comments;
    private final RepositoryService repositoryService;
    private final CasePdf pdf;
    private final CaseJson json;

    AuditController(CaseTimeline timeline, CaseComments comments, RepositoryService repositoryService, CasePdf pdf,
            CaseJson json) {
        this.timeline = timeline;
        this.comments = comments;
        this.repositoryService = repositoryService;
        this.pdf = pdf;
        this.json = json;
    }

    /** Who is reading, and whether they may comment (the page shows the comment box only then). */
    @GetMapping("/api/audit/me")
    Map<String, Object> me(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        AuditAccess.requireReader(user);
        return Map.of("userId", user.userId(), "fullName", timeline.nameOf(user.userId()),
                "canComment", AuditAccess.mayComment(user));
    }

    @GetMapping("/api/audit/cases/{caseId}")
    CaseRecord record(@PathVariable String caseId, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        return timeline.record(caseId);
    }

    @GetMapping("/api/audit/cases/{caseId}/diagram")
    Map<String, Object> diagram(@PathVariable String caseId, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        return timeline.diagram(caseId, repositoryService);
    }

    /** The case's complete record as a printable PDF; the record is built (and checked) before a byte goes out. */
    @GetMapping("/api/audit/cases/{caseId}/export.pdf")
    ResponseEntity<StreamingResponseBody> exportPdf(@PathVariable String caseId, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        CaseRecord record = timeline.record(caseId);
        return download(record, MediaType.APPLICATION_PDF, "pdf", out -> pdf.write(record, out));
    }

    @GetMapping("/api/audit/cases/{caseId}/export.json")
    ResponseEntity<StreamingResponseBody> exportJson(@PathVariable String caseId, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        CaseRecord record = timeline.record(caseId);
        return download(record, MediaType.APPLICATION_JSON, "json", out -> json.write(record, out));
    }

    private static ResponseEntity<StreamingResponseBody> download(CaseRecord record, MediaType type, String extension,
            StreamingResponseBody body) {
        String name = "ho-so-kiem-tra-" + record.summary().caseId() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The Front's comment; a missing body is refused by the service like an empty one. */
    record NewComment(String text) {
    }

    @PostMapping("/api/audit/cases/{caseId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> comment(@PathVariable String caseId, @RequestBody(required = false) NewComment body,
            HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        long id = comments.add(caseId, body == null ? null : body.text(), user);
        return Map.of("id", id);
    }
}

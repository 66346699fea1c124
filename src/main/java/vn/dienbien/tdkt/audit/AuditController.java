package vn.dienbien.tdkt.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.HttpStatus;
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

    AuditController(CaseTimeline timeline, CaseComments comments, RepositoryService repositoryService) {
        this.timeline = timeline;
        this.comments = comments;
        this.repositoryService = repositoryService;
    }

    /** Who is reading, and whether they may comment (the page shows the comment box only then). */
    @GetMapping("/api/audit/me")
    Map<String, Object> me(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        AuditAccess.requireReader(user);
        return Map.of("userId", user.userId(), "canComment", AuditAccess.mayComment(user));
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

package vn.dienbien.tdkt.dossier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Award proposals through REST, one dossier's record, and award history look-ups. */
@RestController
class DossierController {

    /** Who reads every unit's dossiers: the Board, the council and its chain, auditors, the Front, admins. */
    static final List<String> OVERSIGHT = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD, CamundaGroups.COUNCIL,
            CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);

    private final DossierProposals proposals;
    private final DossierQueries queries;
    private final DossierBlockVotes blockVotes;
    private final DossierRequestIds requestIds;

    DossierController(DossierProposals proposals, DossierQueries queries, DossierBlockVotes blockVotes,
            DossierRequestIds requestIds) {
        this.requestIds = requestIds;
        this.proposals = proposals;
        this.queries = queries;
        this.blockVotes = blockVotes;
    }

    /**
     * What the Board declares about a block vote held outside the system. The service checks who acts
     * before the note (required, at most 3,900 characters), so a refusal never depends on the body.
     */
    record OutsideBlockVote(String note) {
    }

    /**
     * Cờ thi đua: the Board declares that the block voted outside the system, its minutes attached to
     * the dossier; the rules are checked again and their new result returned.
     */
    @PostMapping("/api/dossiers/{id}/outside-block-vote")
    Map<String, Object> declareOutsideBlockVote(@PathVariable Long id, @RequestBody OutsideBlockVote body,
            HttpServletRequest request) {
        var outcome = blockVotes.declareOutsideVote(id, body == null ? null : body.note(), CurrentUser.of(request));
        return Map.of("allRulesPassed", outcome.allPassed(), "rules", outcome.results());
    }

    /**
     * A proposal. With an {@code Idempotency-Key} header, sending the same key again (after a timeout or a lost
     * answer) answers 200 with the dossier the first request created, and no second dossier or case is started.
     */
    @PostMapping("/api/dossiers")
    ResponseEntity<Map<String, Object>> propose(@RequestBody @Valid Proposal proposal,
            @RequestHeader(value = DossierRequestIds.HEADER, required = false) String key, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (key == null) {
            return answer(HttpStatus.CREATED, proposals.propose(proposal, user));
        }
        String requestId = DossierRequestIds.valid(key);
        var earlier = requestIds.dossierOf(user.userId(), requestId);
        if (earlier.isPresent()) {
            return answer(HttpStatus.OK, earlier.get());
        }
        try {
            return answer(HttpStatus.CREATED, proposals.propose(proposal, user, requestIds, requestId));
        } catch (DataIntegrityViolationException twin) {
            // The same request, sent twice at once: the one that committed first created the dossier.
            return answer(HttpStatus.OK, requestIds.dossierOf(user.userId(), requestId).orElseThrow(() -> twin));
        }
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, Long id) {
        var record = queries.record(id);
        return ResponseEntity.status(status).body(Map.of("id", id, "status", record.status(), "statusLabel",
                record.statusLabel(), "processInstanceId", record.processInstanceId()));
    }

    @GetMapping("/api/dossiers")
    List<DossierQueries.AwardEntry> inStatus(@RequestParam String status, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(OVERSIGHT)) {
            throw ApiException.forbidden("Danh sách hồ sơ dành cho Ban Thi đua – Khen thưởng và Hội đồng.");
        }
        return queries.inStatus(status);
    }

    @GetMapping("/api/dossiers/{id}")
    DossierQueries.DossierRecord record(@PathVariable Long id, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        var record = queries.record(id);
        boolean ownUnit = user.inGroup(CamundaGroups.ofUnit(record.proposingUnitCode()));
        if (!ownUnit && !user.inAnyGroup(OVERSIGHT)) {
            throw ApiException.forbidden("Anh/Chị chỉ xem được hồ sơ của đơn vị mình.");
        }
        return record;
    }

    @GetMapping("/api/award-history")
    List<DossierQueries.AwardEntry> history(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String person, @RequestParam(required = false) Integer birthYear,
            HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        List<DossierQueries.AwardEntry> entries;
        if (unit != null && !unit.isBlank()) {
            entries = queries.historyOfUnit(unit.trim());
        } else if (person != null && !person.isBlank()) {
            entries = queries.historyOfPerson(person, birthYear);
        } else {
            throw ApiException.badRequest("Cần tham số unit (mã đơn vị) hoặc person (họ và tên).");
        }
        return readable(entries, user);
    }

    /**
     * Who reads which award history: the Board, the council, the Chairman and the oversight roles all of
     * it; a unit its own dossiers in every status; of other units only the awards decided (a decision
     * is a public act), never dossiers in progress, withdrawn or refused, nor their reasons.
     */
    static List<DossierQueries.AwardEntry> readable(List<DossierQueries.AwardEntry> entries, CurrentUser user) {
        if (user.inAnyGroup(OVERSIGHT)) {
            return entries;
        }
        return entries.stream().filter(e -> user.inGroup(CamundaGroups.ofUnit(e.unitCode()))
                || DossierStatus.AWARDED.name().equals(e.status())).toList();
    }
}

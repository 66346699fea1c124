package vn.dienbien.tdkt.council;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Council sessions: opened by the Board, read by the voting form and by auditors. */
@RestController
class CouncilController {

    private final CouncilSessions sessions;

    CouncilController(CouncilSessions sessions) {
        this.sessions = sessions;
    }

    record OpenSession(String title, LocalDate meetingDate, List<Long> dossierIds) {
    }

    @PostMapping("/api/council-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(@RequestBody OpenSession request, HttpServletRequest http) {
        Long id = sessions.open(request.title(), request.meetingDate(), request.dossierIds(), CurrentUser.of(http));
        return Map.of("id", id);
    }

    @GetMapping("/api/council-sessions/{id}")
    CouncilSessions.SessionView view(@PathVariable Long id, HttpServletRequest http) {
        if (!CurrentUser.of(http).inAnyGroup(READERS)) {
            throw ApiException.forbidden("Kết quả biểu quyết dành cho Hội đồng, Ban Thi đua – Khen thưởng và kiểm tra viên.");
        }
        return sessions.view(id);
    }

    private static final List<String> READERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.COUNCIL, CamundaGroups.COUNCIL_STANDING, CamundaGroups.CHAIRMAN, CamundaGroups.AUDITORS,
            CamundaGroups.FATHERLAND_FRONT, CamundaGroups.ADMINISTRATORS);
}

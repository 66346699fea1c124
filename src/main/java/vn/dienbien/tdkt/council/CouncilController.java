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
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Council sessions: opened by the Board, read by the voting forms, the council's chain and auditors. */
@RestController
class CouncilController {

    private final CouncilSessions sessions;
    private final CouncilSessionViews views;

    CouncilController(CouncilSessions sessions, CouncilSessionViews views) {
        this.sessions = sessions;
        this.views = views;
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

package vn.dienbien.tdkt.revocation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Đề nghị thu hồi, hủy bỏ khen thưởng through REST: the Board's officer opens one; readers follow it. */
@RestController
class RevocationController {

    private final AwardRevocations revocations;
    private final RevocationViews views;

    RevocationController(AwardRevocations revocations, RevocationViews views) {
        this.revocations = revocations;
        this.views = views;
    }

    /** Who acts is checked before the body, so a refusal never depends on it. */
    @PostMapping("/api/award-revocations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> request(@RequestBody(required = false) AwardRevocations.NewRequest body, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        Long id = revocations.request(body, user);
        var view = views.view(id, user);
        return Map.of("id", id, "status", view.status(), "statusLabel", view.statusLabel(),
                "processInstanceId", view.processInstanceId());
    }

    @GetMapping("/api/award-revocations/{id}")
    RevocationViews.RequestView view(@PathVariable Long id, HttpServletRequest request) {
        return views.view(id, CurrentUser.of(request));
    }
}

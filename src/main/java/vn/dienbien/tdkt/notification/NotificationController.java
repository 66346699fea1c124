package vn.dienbien.tdkt.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The notifications of the caller's unit. */
@RestController
class NotificationController {

    private final NotificationService notifications;
    private final OfficialRepository officials;

    NotificationController(NotificationService notifications, OfficialRepository officials) {
        this.notifications = notifications;
        this.officials = officials;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine(HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        // A unit's notifications go to its people; an administrator or an oversight role has none.
        return officials.findByUsername(user.userId())
                .filter(official -> user.inGroup(CamundaGroups.ofUnit(official.getUnit().getCode())))
                .map(official -> notifications.forUnit(official.getUnit().getId()))
                .orElse(List.of());
    }
}

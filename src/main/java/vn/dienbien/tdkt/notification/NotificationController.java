package vn.dienbien.tdkt.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.platform.CurrentUser;

/** The notifications of the caller: their unit's, and (Tasklist's bell) everything addressed to them with its read state. */
@RestController
class NotificationController {

    private final NotificationService notifications;
    private final NotificationInbox inbox;
    private final OfficialRepository officials;

    NotificationController(NotificationService notifications, NotificationInbox inbox, OfficialRepository officials) {
        this.notifications = notifications;
        this.inbox = inbox;
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

    /** Thông báo của tôi, newest first, with the unread count. */
    @GetMapping("/api/notifications/mine")
    NotificationInbox.Page inbox(HttpServletRequest request, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return inbox.mine(CurrentUser.of(request), page, size);
    }

    @PostMapping("/api/notifications/{id}/read")
    Map<String, Long> read(HttpServletRequest request, @PathVariable Long id) {
        return Map.of("unread", inbox.markRead(CurrentUser.of(request), id));
    }

    @PostMapping("/api/notifications/read-all")
    Map<String, Long> readAll(HttpServletRequest request) {
        return Map.of("marked", inbox.markAllRead(CurrentUser.of(request)), "unread", 0L);
    }
}

package vn.dienbien.tdkt.notification;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.platform.ApiException;
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
        var official = officials.findByUsername(CurrentUser.of(request).userId())
                .orElseThrow(() -> ApiException.notFound("Tài khoản này không thuộc đơn vị nào trong danh mục."));
        return notifications.forUnit(official.getUnit().getId());
    }
}

package vn.dienbien.tdkt.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.ApiClient;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.organization.OrgUnitRepository;

/** Thông báo của tôi in Tasklist: each user sees what is addressed to them and marks it read for themselves only. */
@WorkflowTest
class NotificationInboxTest {

    @Autowired ApiClient api;
    @Autowired NotificationService notifications;
    @Autowired OrgUnitRepository units;

    @Test
    void aUnitsNotificationIsSeenAndReadByEachOfItsPeopleOnTheirOwnAndByNobodyElse() {
        long sytBefore = unread("canbo.syt");
        long headBefore = unread("lanhdao.syt");
        long stcBefore = unread("canbo.stc");
        Long syt = units.findByCode("SYT").orElseThrow().getId();
        Long id = notifications.notifyUnit(syt, "PLAN_RETURNED", "Kế hoạch của Sở Y tế được trả lại để bổ sung",
                "Bổ sung chỉ tiêu năm 2031.").id();

        assertThat(unread("canbo.syt")).isEqualTo(sytBefore + 1);
        assertThat(unread("lanhdao.syt")).isEqualTo(headBefore + 1);
        assertThat(unread("canbo.stc")).as("another unit").isEqualTo(stcBefore);
        // Other tests move the engine's clock years ahead: the new one is found by its id, not as the newest.
        Map<String, Object> first = item("canbo.syt", id);
        assertThat(first.get("subject")).isEqualTo("Kế hoạch của Sở Y tế được trả lại để bổ sung");
        assertThat(first.get("read")).isEqualTo(false);

        // Someone it is not addressed to cannot mark it, nor learn that it exists.
        assertThat(post("canbo.stc", "/api/notifications/" + id + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(post("admin", "/api/notifications/" + id + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(unread("canbo.syt")).isEqualTo(sytBefore + 1);

        var read = post("canbo.syt", "/api/notifications/" + id + "/read");
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(((Number) read.getBody().get("unread")).longValue()).isEqualTo(sytBefore);
        assertThat(post("canbo.syt", "/api/notifications/" + id + "/read").getStatusCode().value()).as("twice is fine").isEqualTo(200);
        assertThat(item("canbo.syt", id).get("read")).isEqualTo(true);
        assertThat(unread("lanhdao.syt")).as("read state is per person").isEqualTo(headBefore + 1);
    }

    @Test
    void groupAndPersonalNotificationsReachTheirAddresseesAndReadAllClearsTheCount() {
        Long board = notifications.notifyGroup("ban-tdkt", "DOSSIER_DUE_SOON", "Hồ sơ sắp đến hạn giải quyết", "Hạn: 20/03/2031.").id();
        Long ballot = notifications.notifyNewTask(null, "hoidong1", "Có việc mới: Biểu quyết hồ sơ", "Phiên họp tháng 3.",
                "task-khong-co").id();

        assertThat(item("bantdkt", board)).isNotNull();
        assertThat(item("hoidong1", ballot)).isNotNull();
        assertThat(post("bantdkt", "/api/notifications/" + ballot + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(post("hoidong1", "/api/notifications/" + board + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(post("hoidong2", "/api/notifications/" + ballot + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(item("hoidong1", ballot).get("taskId")).isEqualTo("task-khong-co");

        assertThat(unread("bantdkt")).isPositive();
        var all = post("bantdkt", "/api/notifications/read-all");
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(((Number) all.getBody().get("marked")).longValue()).isPositive();
        assertThat(unread("bantdkt")).isZero();
        assertThat(unread("hoidong1")).as("someone else's count is theirs").isPositive();
        assertThat(post("kiemtoan", "/api/notifications/read-all").getStatusCode().value()).as("read-only role").isEqualTo(403);
    }

    @Test
    void pagesAreBoundedAndBadParametersAreRefusedInVietnamese() {
        var page = api.as("canbo.syt").getForEntity("/api/notifications/mine?page=0&size=1", Map.class);
        assertThat((List<?>) page.getBody().get("items")).hasSizeLessThanOrEqualTo(1);
        for (String bad : List.of("size=0", "size=101", "page=-1", "page=abc")) {
            var answer = api.as("canbo.syt").getForEntity("/api/notifications/mine?" + bad, String.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getBody()).matches("(?s).*[À-ỹĐđ].*");
        }
        assertThat(api.as(null).getForEntity("/api/notifications/mine", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private long unread(String user) {
        return ((Number) page(user).get("unread")).longValue();
    }

    /** The notification as the user's list shows it, looked for page by page. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> item(String user, Long id) {
        for (int page = 0; page < 1000; page++) {
            var answer = api.as(user).getForEntity("/api/notifications/mine?size=100&page=" + page, Map.class);
            var items = (List<Map<String, Object>>) answer.getBody().get("items");
            if (items.isEmpty()) {
                break;
            }
            var found = items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("notification " + id + " not shown to " + user);
    }

    private Map<?, ?> page(String user) {
        var answer = api.as(user).getForEntity("/api/notifications/mine?size=100", Map.class);
        assertThat(answer.getStatusCode().value()).as("%s: %s", user, answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, String path) {
        return api.as(user).postForEntity(path, null, Map.class);
    }
}

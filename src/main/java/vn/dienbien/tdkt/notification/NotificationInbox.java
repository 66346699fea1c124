package vn.dienbien.tdkt.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Thông báo của tôi: what each user sees in Tasklist. A notification is addressed to a user when it
 * names them, one of their groups, or their unit (and they act for it: a member of the unit's
 * group). Read state is per user; others' notifications are unknown to them (404).
 */
@Service
class NotificationInbox {

    /** Addressed to :user: the one rule of who may see or mark a notification. */
    private static final String ADDRESSED = "(n.recipient_user = :user or n.recipient_group in (:groups) or n.unit_id in (:units))";

    private final NamedParameterJdbcTemplate jdbc;
    private final OfficialRepository officials;

    NotificationInbox(NamedParameterJdbcTemplate jdbc, OfficialRepository officials) {
        this.jdbc = jdbc;
        this.officials = officials;
    }

    record Item(Long id, String kind, String subject, String body, Instant createdAt, String taskId, boolean read) {
    }

    record Page(List<Item> items, int page, int size, long total, long unread) {
    }

    @Transactional(readOnly = true)
    public Page mine(CurrentUser user, int page, int size) {
        if (page < 0 || page > 100_000) {
            throw ApiException.badRequest("Số trang phải từ 0 đến 100000.");
        }
        if (size < 1 || size > 100) {
            throw ApiException.badRequest("Số thông báo mỗi trang phải từ 1 đến 100.");
        }
        MapSqlParameterSource params = addressee(user).addValue("limit", size).addValue("offset", (long) page * size);
        List<Item> items = jdbc.query("select n.id, n.kind, n.subject, n.body, n.created_at, n.task_id, r.read_at"
                + " from notification n left join notification_read r on r.notification_id = n.id and r.username = :user"
                + " where " + ADDRESSED + " order by n.created_at desc, n.id desc limit :limit offset :offset", params,
                (rs, i) -> new Item(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("task_id"), rs.getTimestamp("read_at") != null));
        long total = jdbc.queryForObject("select count(*) from notification n where " + ADDRESSED, params, Long.class);
        return new Page(items, page, size, total, unread(params));
    }

    /** Marks one notification read for this user; someone else's is not found. Returns the user's unread count. */
    @Transactional
    public long markRead(CurrentUser user, Long notificationId) {
        MapSqlParameterSource params = addressee(user).addValue("id", notificationId);
        Long found = jdbc.queryForObject("select count(*) from notification n where n.id = :id and " + ADDRESSED, params, Long.class);
        if (found == null || found == 0) {
            throw ApiException.notFound("Không tìm thấy thông báo.");
        }
        try {
            jdbc.update("insert into notification_read (notification_id, username, read_at) select :id, :user, :now"
                    + " where not exists (select 1 from notification_read r where r.notification_id = :id and r.username = :user)",
                    params.addValue("now", Timestamp.from(WorkflowClock.now())));
        } catch (DuplicateKeyException sameClickTwice) {
            throw ApiException.conflict("Thông báo vừa được đánh dấu đã đọc; tải lại danh sách.");
        }
        return unread(params);
    }

    /** Marks every notification addressed to this user read. Returns how many were unread. */
    @Transactional
    public long markAllRead(CurrentUser user) {
        MapSqlParameterSource params = addressee(user).addValue("now", Timestamp.from(WorkflowClock.now()));
        return jdbc.update("insert into notification_read (notification_id, username, read_at) select n.id, :user, :now"
                + " from notification n where " + ADDRESSED + " and not exists (select 1 from notification_read r"
                + " where r.notification_id = n.id and r.username = :user)", params);
    }

    private long unread(MapSqlParameterSource params) {
        return jdbc.queryForObject("select count(*) from notification n where " + ADDRESSED + " and not exists"
                + " (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)", params, Long.class);
    }

    /** The user, their groups and the unit they act for; lists never empty (an IN () is not SQL). */
    private MapSqlParameterSource addressee(CurrentUser user) {
        List<String> groups = new ArrayList<>(user.groupIds());
        groups.add("");
        List<Long> units = new ArrayList<>();
        officials.findByUsername(user.userId())
                .filter(official -> user.inGroup(CamundaGroups.ofUnit(official.getUnit().getCode())))
                .ifPresent(official -> units.add(official.getUnit().getId()));
        units.add(-1L);
        return new MapSqlParameterSource("user", user.userId()).addValue("groups", groups).addValue("units", units);
    }
}

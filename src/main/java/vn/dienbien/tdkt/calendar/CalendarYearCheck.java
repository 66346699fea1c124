package vn.dienbien.tdkt.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.StartupOrder;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * A year without an entered calendar is flagged to the Board before a time limit uses it: at
 * start-up and every morning for this year and the next (a 25-working-day limit started in
 * December ends in January), and whenever a limit is computed over such a year. One notification
 * per year while it stays unentered. A limit computed over such a year flags it once per running
 * application (a province computes thousands of limits a day: one warning and one look at the
 * Board's notifications each, as before issue 12, drowned the log and cost a transaction per
 * dossier step); the morning check still warns every day until the year is entered. One
 * notification however many nodes run the check at once.
 */
@Component
@Order(StartupOrder.DEMO_DATA + 1)
public class CalendarYearCheck implements ApplicationRunner {

    public static final String KIND = "CALENDAR_YEAR_MISSING";
    private static final Logger log = LoggerFactory.getLogger(CalendarYearCheck.class);

    private final CalendarYearRepository years;
    private final NotificationService notifications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    /** Years a limit has already flagged since the application started. */
    private final Set<Integer> flaggedByLimits = ConcurrentHashMap.newKeySet();

    CalendarYearCheck(CalendarYearRepository years, NotificationService notifications,
            PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.years = years;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void run(ApplicationArguments args) {
        checkComingYears();
    }

    /** This year and the next, on the engine's clock. Returns the years flagged. */
    @Scheduled(cron = "0 0 6 * * *", zone = "Asia/Ho_Chi_Minh")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Integer> checkComingYears() {
        int thisYear = LocalDate.ofInstant(WorkflowClock.now(), WorkingDayCalendar.VIETNAM).getYear();
        List<Integer> missing = List.of(thisYear, thisYear + 1).stream().filter(y -> !years.existsById(y)).toList();
        flag(missing);
        flaggedByLimits.addAll(missing);
        return missing;
    }

    /**
     * Called by the calendar when a limit was computed over years without a calendar: each year is
     * flagged (warning, notification when the Board has none yet) the first time only, in a
     * transaction of its own.
     */
    public void flagMissing(Collection<Integer> missing) {
        List<Integer> fresh = missing.stream().filter(flaggedByLimits::add).toList();
        if (!fresh.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> flag(fresh));
        }
    }

    static String subject(int year) {
        return "Chưa nhập lịch ngày làm việc năm " + year;
    }

    private void flag(Collection<Integer> missing) {
        if (missing.isEmpty()) {
            return;
        }
        // Every node runs this check each morning and at its start: the row lock makes a second node wait for the
        // first one's notification and then see it, so the Board is told once (migration V33).
        jdbc.queryForList("select name from node_task_lock where name = 'calendar-year-check' for update");
        var already = notifications.forGroup(CamundaGroups.BOARD).stream()
                .filter(n -> KIND.equals(n.kind())).map(n -> n.subject()).toList();
        for (int year : missing) {
            String subject = subject(year);
            log.warn("Working-day calendar of {} has not been entered: time limits count only weekends and the days recorded", year);
            if (!already.contains(subject)) {
                notifications.notifyGroup(CamundaGroups.BOARD, KIND, subject,
                        "Lịch ngày làm việc năm " + year + " (ngày lễ, Tết, ngày nghỉ bù, thứ Bảy làm bù) chưa được nhập "
                                + "và xác nhận. Thời hạn tính theo ngày làm việc (như 25 ngày làm việc giải quyết hồ sơ) "
                                + "rơi vào năm này đang chỉ trừ thứ Bảy, Chủ nhật và các ngày đã ghi. Vào trang "
                                + "/calendar/index.html để nhập lịch năm " + year + " theo thông báo của Chính phủ, "
                                + "rồi bấm \"Xác nhận lịch năm\".");
            }
        }
    }
}

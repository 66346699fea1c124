package vn.dienbien.tdkt.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ngày làm việc: Monday to Friday, except the public holidays and Tết kept in the
 * {@code public_holiday} table. Time limits such as "25 ngày làm việc" count whole working days
 * after the day the clock starts, and fall due at the start of the day after the last one.
 */
@Service
public class WorkingDayCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A limit never needs more than this many calendar days: bounds every loop. */
    private static final int MAX_SPAN_DAYS = 3660;

    private final PublicHolidayRepository holidays;

    WorkingDayCalendar(PublicHolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Transactional(readOnly = true)
    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, holidaysAround(day, day));
    }

    /** When a limit of {@code workingDays} started at {@code start} falls due. */
    @Transactional(readOnly = true)
    public Instant addWorkingDays(Instant start, int workingDays) {
        LocalDate day = LocalDate.ofInstant(start, VIETNAM);
        Set<LocalDate> off = holidaysAround(day, day.plusDays(Math.max(60, workingDays * 3L)));
        int counted = 0;
        int guard = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (++guard > MAX_SPAN_DAYS) {
                throw new IllegalStateException("Không tính được thời hạn: lịch ngày nghỉ không hợp lệ");
            }
            if (isWorkingDay(day, off)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /** Working days that have elapsed after the day of {@code from} up to and including the day of {@code to}. */
    @Transactional(readOnly = true)
    public int workingDaysBetween(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, VIETNAM);
        LocalDate last = LocalDate.ofInstant(to, VIETNAM);
        if (!last.isAfter(first)) {
            return 0;
        }
        Set<LocalDate> off = holidaysAround(first, last);
        int count = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day, off)) {
                count++;
            }
        }
        return count;
    }

    private Set<LocalDate> holidaysAround(LocalDate from, LocalDate to) {
        return holidays.findByDayBetween(from, to).stream().map(PublicHoliday::getDay).collect(Collectors.toSet());
    }

    private static boolean isWorkingDay(LocalDate day, Set<LocalDate> off) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !off.contains(day);
    }
}

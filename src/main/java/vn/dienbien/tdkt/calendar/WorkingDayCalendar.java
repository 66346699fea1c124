package vn.dienbien.tdkt.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ngày làm việc: Monday to Friday, except the public holidays, Tết and compensatory days off
 * (ngày nghỉ bù) recorded for the year, plus the Saturdays worked in exchange (thứ Bảy làm bù).
 * Time limits such as "25 ngày làm việc" count whole working days after the day the clock starts,
 * and fall due at the start of the day after the last one.
 *
 * <p>A limit that reaches a year whose calendar the Board has not entered is still computed (from
 * weekends and whatever days that year holds), but never silently: the Board is notified
 * ({@link CalendarYearCheck}) and callers can record {@link #yearsWithoutCalendar} on their record.
 */
@Service
public class WorkingDayCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A limit never needs more than this many calendar days: bounds every loop. */
    private static final int MAX_SPAN_DAYS = 3660;

    private final CalendarEntryRepository entries;
    private final CalendarYearRepository years;
    private final CalendarYearCheck check;

    WorkingDayCalendar(CalendarEntryRepository entries, CalendarYearRepository years, CalendarYearCheck check) {
        this.entries = entries;
        this.years = years;
        this.check = check;
    }

    @Transactional(readOnly = true)
    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, daysAround(day, day));
    }

    /** When a limit of {@code workingDays} started at {@code start} falls due. */
    @Transactional(readOnly = true)
    public Instant addWorkingDays(Instant start, int workingDays) {
        LocalDate first = LocalDate.ofInstant(start, VIETNAM);
        LocalDate day = first;
        Map<LocalDate, CalendarDayKind> recorded = daysAround(day, day.plusDays(Math.max(60, workingDays * 3L)));
        int counted = 0;
        int guard = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (++guard > MAX_SPAN_DAYS) {
                throw new IllegalStateException("Không tính được thời hạn: lịch ngày nghỉ không hợp lệ");
            }
            if (isWorkingDay(day, recorded)) {
                counted++;
            }
        }
        check.flagMissing(missingYears(first, day));
        return day.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /**
     * A limit and its reminder started together: when a limit of {@code workingDays} started at {@code start}
     * falls due, when one of {@code earlierWorkingDays} (no more than {@code workingDays}) does, and the years
     * between the start and the due date whose calendar the Board has not entered; as {@link #addWorkingDays}
     * and {@link #yearsWithoutCalendar} give them, read from the calendar once.
     */
    public record Limit(Instant dueAt, Instant earlierAt, List<Integer> yearsWithoutCalendar) {
    }

    @Transactional(readOnly = true)
    public Limit limit(Instant start, int workingDays, int earlierWorkingDays) {
        if (earlierWorkingDays > workingDays || earlierWorkingDays < 0) {
            throw new IllegalArgumentException("earlierWorkingDays must lie between 0 and workingDays");
        }
        LocalDate first = LocalDate.ofInstant(start, VIETNAM);
        LocalDate day = first;
        LocalDate earlier = earlierWorkingDays == 0 ? first : null;
        Map<LocalDate, CalendarDayKind> recorded = daysAround(day, day.plusDays(Math.max(60, workingDays * 3L)));
        int counted = 0;
        int guard = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (++guard > MAX_SPAN_DAYS) {
                throw new IllegalStateException("Không tính được thời hạn: lịch ngày nghỉ không hợp lệ");
            }
            if (isWorkingDay(day, recorded)) {
                counted++;
                if (counted == earlierWorkingDays) {
                    earlier = day;
                }
            }
        }
        List<Integer> missing = missingYears(first, day);
        check.flagMissing(missing);
        LocalDate dueDay = day.plusDays(1);
        // As yearsWithoutCalendar(start, due): the due instant is the start of the day after the last working day.
        List<Integer> uncharted = dueDay.getYear() == day.getYear() || missing.contains(dueDay.getYear())
                ? missing : missingYears(first, dueDay);
        return new Limit(dueDay.atStartOfDay(VIETNAM).toInstant(), earlier.plusDays(1).atStartOfDay(VIETNAM).toInstant(),
                uncharted);
    }

    /** Working days that have elapsed after the day of {@code from} up to and including the day of {@code to}. */
    @Transactional(readOnly = true)
    public int workingDaysBetween(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, VIETNAM);
        LocalDate last = LocalDate.ofInstant(to, VIETNAM);
        if (!last.isAfter(first)) {
            return 0;
        }
        Map<LocalDate, CalendarDayKind> recorded = daysAround(first, last);
        int count = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day, recorded)) {
                count++;
            }
        }
        check.flagMissing(missingYears(first.plusDays(1), last));
        return count;
    }

    /**
     * The years between the days of {@code from} and {@code to} (both included) whose calendar
     * the Board has not entered: a limit over them counted only weekends and the days recorded.
     */
    @Transactional(readOnly = true)
    public List<Integer> yearsWithoutCalendar(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, VIETNAM);
        LocalDate last = LocalDate.ofInstant(to, VIETNAM);
        return last.isBefore(first) ? List.of() : missingYears(first, last);
    }

    /** Whether the Board has entered the calendar of {@code year}. */
    @Transactional(readOnly = true)
    public boolean hasCalendar(int year) {
        return years.existsById(year);
    }

    private List<Integer> missingYears(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return List.of();
        }
        // One statement for the span, not one per year (issue 12: a step's deadline asked two or three times).
        List<Integer> entered = years.entered(first.getYear(), last.getYear());
        return IntStream.rangeClosed(first.getYear(), last.getYear()).filter(y -> !entered.contains(y))
                .boxed().toList();
    }

    private Map<LocalDate, CalendarDayKind> daysAround(LocalDate from, LocalDate to) {
        return entries.findByDayBetweenOrderByDayAsc(from, to).stream()
                .collect(Collectors.toMap(CalendarEntry::getDay, CalendarEntry::getKind));
    }

    private static boolean isWorkingDay(LocalDate day, Map<LocalDate, CalendarDayKind> recorded) {
        CalendarDayKind kind = recorded.get(day);
        if (kind != null) {
            return !kind.isDayOff();
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }
}

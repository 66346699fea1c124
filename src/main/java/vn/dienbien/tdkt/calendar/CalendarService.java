package vn.dienbien.tdkt.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** The Board keeps each year's calendar: holidays, compensatory days off and working Saturdays. */
@Service
class CalendarService {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** public_holiday.name is varchar(255). */
    static final int MAX_NAME = 255;
    static final List<String> MAINTAINERS = List.of(CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD,
            CamundaGroups.ADMINISTRATORS);
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CalendarEntryRepository entries;
    private final CalendarYearRepository years;

    CalendarService(CalendarEntryRepository entries, CalendarYearRepository years) {
        this.entries = entries;
        this.years = years;
    }

    record EntryView(String date, CalendarDayKind kind, String kindLabel, String name, String dayOfWeek) {
        static EntryView of(CalendarEntry e) {
            return new EntryView(e.getDay().toString(), e.getKind(), e.getKind().label(), e.getName(),
                    CalendarService.dayOfWeek(e.getDay()));
        }
    }

    record YearView(int year, boolean entered, String confirmedBy, java.time.Instant confirmedAt,
            List<EntryView> entries) {
    }

    @Transactional(readOnly = true)
    public YearView year(int year) {
        requireYear(year);
        var confirmed = years.findById(year);
        return new YearView(year, confirmed.isPresent(), confirmed.map(CalendarYear::getConfirmedBy).orElse(null),
                confirmed.map(CalendarYear::getConfirmedAt).orElse(null),
                entries.findByDayBetweenOrderByDayAsc(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                        .stream().map(EntryView::of).toList());
    }

    @Transactional
    public EntryView add(int year, String date, String kind, String name, CurrentUser user) {
        requireMaintainer(user);
        LocalDate day = dayOfYear(year, date);
        CalendarDayKind k = kind(kind, day);
        String n = name(name);
        if (entries.existsById(day)) {
            throw ApiException.conflict("Ngày " + vn(day) + " đã có trong lịch năm " + year
                    + "; sửa hoặc xoá ngày đó thay vì thêm mới.");
        }
        return EntryView.of(entries.save(new CalendarEntry(day, k, n)));
    }

    @Transactional
    public EntryView change(int year, String date, String kind, String name, CurrentUser user) {
        requireMaintainer(user);
        LocalDate day = dayOfYear(year, date);
        CalendarDayKind k = kind(kind, day);
        String n = name(name);
        CalendarEntry entry = entries.findById(day).orElseThrow(() -> notInCalendar(year, day));
        entry.change(k, n);
        return EntryView.of(entry);
    }

    @Transactional
    public void remove(int year, String date, CurrentUser user) {
        requireMaintainer(user);
        LocalDate day = dayOfYear(year, date);
        CalendarEntry entry = entries.findById(day).orElseThrow(() -> notInCalendar(year, day));
        entries.delete(entry);
    }

    /** The Board states that the year's calendar is complete: time limits over it are no longer flagged. */
    @Transactional
    public YearView confirm(int year, CurrentUser user) {
        requireMaintainer(user);
        requireYear(year);
        if (!years.existsById(year)) {
            years.save(new CalendarYear(year, user.userId(), WorkflowClock.now()));
        }
        return year(year);
    }

    static void requireMaintainer(CurrentUser user) {
        if (user == null || !user.inAnyGroup(MAINTAINERS)) {
            throw ApiException.forbidden(
                    "Chỉ Ban Thi đua – Khen thưởng hoặc quản trị hệ thống được sửa lịch ngày làm việc.");
        }
    }

    private static void requireYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.badRequest("Năm phải từ " + MIN_YEAR + " đến " + MAX_YEAR + ".");
        }
    }

    private static LocalDate dayOfYear(int year, String date) {
        requireYear(year);
        if (date == null || date.isBlank()) {
            throw ApiException.badRequest("Chưa nhập ngày (dạng năm-tháng-ngày, ví dụ " + year + "-05-02).");
        }
        LocalDate day;
        try {
            day = date.trim().length() == 10 ? LocalDate.parse(date.trim()) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            throw ApiException.badRequest("Ngày không hợp lệ: phải có dạng năm-tháng-ngày, ví dụ " + year + "-05-02.");
        }
        if (day.getYear() != year) {
            throw ApiException.badRequest("Ngày " + vn(day) + " không thuộc năm " + year + ".");
        }
        return day;
    }

    private static CalendarDayKind kind(String kind, LocalDate day) {
        CalendarDayKind k = kind == null ? null : Arrays.stream(CalendarDayKind.values())
                .filter(v -> v.name().equals(kind.trim())).findFirst().orElse(null);
        if (k == null) {
            throw ApiException.badRequest("Loại ngày phải là HOLIDAY (ngày lễ, Tết), COMPENSATORY_DAY_OFF "
                    + "(ngày nghỉ bù) hoặc WORKING_SATURDAY (thứ Bảy làm bù).");
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (k == CalendarDayKind.WORKING_SATURDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            throw ApiException.badRequest("Ngày làm bù phải là thứ Bảy: " + vn(day) + " là " + dayOfWeek(day) + ".");
        }
        if (k == CalendarDayKind.COMPENSATORY_DAY_OFF && weekend) {
            throw ApiException.badRequest("Ngày nghỉ bù phải là ngày làm việc thường (thứ Hai đến thứ Sáu): "
                    + vn(day) + " là " + dayOfWeek(day) + ".");
        }
        return k;
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw ApiException.badRequest("Chưa nhập tên ngày (ví dụ \"Nghỉ bù Quốc khánh\").");
        }
        if (n.length() > MAX_NAME) {
            throw ApiException.badRequest("Tên ngày dài quá " + MAX_NAME + " ký tự.");
        }
        if (n.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ApiException.badRequest("Tên ngày không được chứa ký tự điều khiển (xuống dòng, tab…).");
        }
        return n;
    }

    private static ApiException notInCalendar(int year, LocalDate day) {
        return ApiException.notFound("Ngày " + vn(day) + " không có trong lịch năm " + year + ".");
    }

    static String vn(LocalDate day) {
        return VN_DATE.format(day);
    }

    static String dayOfWeek(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}

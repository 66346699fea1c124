package vn.dienbien.tdkt.calendar;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * The working-day calendar per year. Anyone signed in reads it; the Board (ban-tdkt,
 * lanh-dao-ban-tdkt) and system administrators (camunda-admin) maintain it.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** A day to add or change: {@code date} as yyyy-MM-dd, {@code kind} one of {@link CalendarDayKind}. */
    record EntryRequest(String date, String kind, String name) {
    }

    @GetMapping("/{year}")
    CalendarService.YearView year(@PathVariable String year) {
        return calendar.year(parseYear(year));
    }

    @PostMapping("/{year}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarService.EntryView add(@PathVariable String year, @RequestBody(required = false) EntryRequest request,
            HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        CalendarService.requireMaintainer(user);
        EntryRequest r = body(request);
        return calendar.add(parseYear(year), r.date(), r.kind(), r.name(), user);
    }

    @PutMapping("/{year}/entries/{date}")
    CalendarService.EntryView change(@PathVariable String year, @PathVariable String date,
            @RequestBody(required = false) EntryRequest request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        CalendarService.requireMaintainer(user);
        EntryRequest r = body(request);
        if (r.date() != null && !r.date().isBlank() && !r.date().trim().equals(date)) {
            throw ApiException.badRequest("Không đổi được ngày của một mục: xoá mục cũ rồi thêm ngày mới.");
        }
        return calendar.change(parseYear(year), date, r.kind(), r.name(), user);
    }

    @DeleteMapping("/{year}/entries/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String year, @PathVariable String date, HttpServletRequest http) {
        calendar.remove(parseYear(year), date, CurrentUser.of(http));
    }

    /** The Board confirms that the year's calendar is complete. */
    @PutMapping("/{year}/confirmation")
    CalendarService.YearView confirm(@PathVariable String year, HttpServletRequest http) {
        return calendar.confirm(parseYear(year), CurrentUser.of(http));
    }

    private static EntryRequest body(EntryRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Thiếu nội dung: ngày (date), loại ngày (kind) và tên ngày (name).");
        }
        return request;
    }

    private static int parseYear(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw ApiException.badRequest("Năm phải là số có 4 chữ số, từ " + CalendarService.MIN_YEAR + " đến "
                    + CalendarService.MAX_YEAR + ".");
        }
        return Integer.parseInt(year);
    }
}

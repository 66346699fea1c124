package vn.dienbien.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.dienbien.tdkt.WorkflowTest;

/** The Board maintains the calendar over /api/calendar; bad input is a Vietnamese 4xx, never a 500. */
@WorkflowTest
class CalendarApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired WorkingDayCalendar calendar;

    @Test
    void aYearListsItsHolidaysCompensatoryDaysAndWorkingSaturdays() {
        var response = exchange("canbo.snv", HttpMethod.GET, "/api/calendar/2024", null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("entered", true);
        @SuppressWarnings("unchecked")
        var entries = (List<Map<String, Object>>) response.getBody().get("entries");
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("date", "2024-04-29")
                .containsEntry("kind", "COMPENSATORY_DAY_OFF"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("date", "2024-05-04")
                .containsEntry("kind", "WORKING_SATURDAY").containsEntry("dayOfWeek", "thứ Bảy"));
        assertThat(exchange("canbo.snv", HttpMethod.GET, "/api/calendar/2098", null).getBody())
                .containsEntry("entered", false);
    }

    @Test
    void theBoardEntersAYearAndConfirmsIt() {
        String year = "/api/calendar/2097";
        assertThat(calendar.hasCalendar(2097)).isFalse();
        var created = exchange("bantdkt", HttpMethod.POST, year + "/entries",
                "{\"date\":\"2097-01-07\",\"kind\":\"COMPENSATORY_DAY_OFF\",\"name\":\"Nghỉ bù thử\"}");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2097, 1, 7))).isFalse();

        assertThat(exchange("bantdkt", HttpMethod.POST, year + "/entries",
                "{\"date\":\"2097-01-12\",\"kind\":\"WORKING_SATURDAY\",\"name\":\"Làm bù cho 7/1\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2097, 1, 12))).isTrue();

        var changed = exchange("bantdkt", HttpMethod.PUT, year + "/entries/2097-01-07",
                "{\"kind\":\"HOLIDAY\",\"name\":\"Ngày lễ thử\"}");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("kind", "HOLIDAY").containsEntry("name", "Ngày lễ thử");

        assertThat(exchange("bantdkt", HttpMethod.DELETE, year + "/entries/2097-01-12", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2097, 1, 12))).isFalse();

        var confirmed = exchange("bantdkt", HttpMethod.PUT, year + "/confirmation", null);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.getBody()).containsEntry("entered", true).containsEntry("confirmedBy", "bantdkt");
        assertThat(calendar.hasCalendar(2097)).isTrue();
    }

    @Test
    void onlyTheBoardAndAdministratorsChangeTheCalendar() {
        String body = "{\"date\":\"2096-01-08\",\"kind\":\"HOLIDAY\",\"name\":\"Thử\"}";
        assertRefused("a unit officer", HttpStatus.FORBIDDEN,
                exchange("canbo.snv", HttpMethod.POST, "/api/calendar/2096/entries", body));
        assertRefused("a unit officer confirming", HttpStatus.FORBIDDEN,
                exchange("canbo.snv", HttpMethod.PUT, "/api/calendar/2096/confirmation", null));
        assertRefused("a unit officer deleting", HttpStatus.FORBIDDEN,
                exchange("canbo.snv", HttpMethod.DELETE, "/api/calendar/2024/entries/2024-04-29", null));
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2024, 4, 29))).isFalse();
        assertThat(calendar.hasCalendar(2096)).isFalse();
    }

    @Test
    void badInputIsRefusedInVietnamese() {
        String url = "/api/calendar/2095/entries";
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("a date of another year", "{\"date\":\"2094-12-31\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}"),
                Map.entry("an unknown kind", "{\"date\":\"2095-01-03\",\"kind\":\"HALF_DAY\",\"name\":\"x\"}"),
                Map.entry("no kind", "{\"date\":\"2095-01-03\",\"name\":\"x\"}"),
                Map.entry("a working Saturday on a Monday", "{\"date\":\"2095-01-03\",\"kind\":\"WORKING_SATURDAY\",\"name\":\"x\"}"),
                Map.entry("a compensatory day on a Sunday", "{\"date\":\"2095-01-02\",\"kind\":\"COMPENSATORY_DAY_OFF\",\"name\":\"x\"}"),
                Map.entry("a long name", "{\"date\":\"2095-01-03\",\"kind\":\"HOLIDAY\",\"name\":\"" + "a".repeat(256) + "\"}"),
                Map.entry("no name", "{\"date\":\"2095-01-03\",\"kind\":\"HOLIDAY\",\"name\":\"  \"}"),
                Map.entry("a malformed date", "{\"date\":\"2095-02-30\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}"),
                Map.entry("a date as a number", "{\"date\":20950103,\"kind\":\"HOLIDAY\",\"name\":\"x\"}"),
                Map.entry("no body", ""),
                Map.entry("not JSON", "{"));
        bodies.forEach((what, body) -> assertRefused(what, HttpStatus.BAD_REQUEST,
                exchange("bantdkt", HttpMethod.POST, url, body)));
        assertRefused("a year out of range", HttpStatus.BAD_REQUEST,
                exchange("bantdkt", HttpMethod.GET, "/api/calendar/1999", null));
        assertRefused("a year that is not a number", HttpStatus.BAD_REQUEST,
                exchange("bantdkt", HttpMethod.GET, "/api/calendar/abcd", null));
        assertRefused("a day not in the calendar", HttpStatus.NOT_FOUND,
                exchange("bantdkt", HttpMethod.PUT, "/api/calendar/2095/entries/2095-03-01", "{\"kind\":\"HOLIDAY\",\"name\":\"x\"}"));
        assertRefused("deleting a day not in the calendar", HttpStatus.NOT_FOUND,
                exchange("bantdkt", HttpMethod.DELETE, "/api/calendar/2095/entries/2095-03-01", null));
        assertRefused("a day twice", HttpStatus.CONFLICT,
                exchange("bantdkt", HttpMethod.POST, "/api/calendar/2024/entries",
                        "{\"date\":\"2024-04-29\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}"));
        assertRefused("moving a day by PUT", HttpStatus.BAD_REQUEST,
                exchange("bantdkt", HttpMethod.PUT, "/api/calendar/2024/entries/2024-04-29",
                        "{\"date\":\"2024-04-28\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}"));
        assertThat(exchange("bantdkt", HttpMethod.GET, "/api/calendar/2095", null).getBody().get("entries"))
                .asList().isEmpty();
    }

    private static void assertRefused(String what, HttpStatus status, ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).as(what).isEqualTo(status);
        assertThat(response.getBody()).as(what).isNotNull();
        String message = String.valueOf(response.getBody().get("message"));
        assertThat(message).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("org.")
                .doesNotContain("java.").doesNotContain("SQL");
        assertThat(message).as(what + " in Vietnamese: " + message)
                .containsPattern("[àáảãạăâđèéêìíòóôơùúưýạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo")
                .exchange(url, method, new HttpEntity<>(body, headers), Map.class);
        return (ResponseEntity) response;
    }
}

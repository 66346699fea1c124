package vn.dienbien.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;
import vn.dienbien.tdkt.notification.NotificationService;

@WorkflowTest
class WorkingDayCalendarTest {

    @Autowired WorkingDayCalendar calendar;
    @Autowired CalendarYearCheck check;
    @Autowired NotificationService notifications;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    private static Instant local(LocalDateTime time) {
        return time.atZone(WorkingDayCalendar.VIETNAM).toInstant();
    }

    private static Instant startOf(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant();
    }

    @Test
    void weekendsAndTetAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 7))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).as("Tết 2024").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 17))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 30))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 2))).isFalse();
    }

    @Test
    void compensatoryDaysOffAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 2))).as("nghỉ bù Tết Dương lịch 2023").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 9, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 4, 11))).as("nghỉ bù Giỗ Tổ 2022").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).as("nghỉ bù Giỗ Tổ 2026").isFalse();
    }

    @Test
    void aLimitCountsWholeWorkingDaysAfterItsStart() {
        var friday = local(LocalDateTime.of(2024, 2, 2, 15, 0));
        // Mon 5, Tue 6, Wed 7; Tết 8–14; Thu 15: the fourth working day, due Fri 16 00:00.
        assertThat(calendar.addWorkingDays(friday, 4)).isEqualTo(startOf(2024, 2, 16));
        var monday = local(LocalDateTime.of(2024, 2, 19, 8, 0));
        // Mon 5, Tue 6, Wed 7, Thu 15, Fri 16 and Monday 19 itself.
        assertThat(calendar.workingDaysBetween(friday, monday)).isEqualTo(6);
    }

    @Test
    void twentyFiveWorkingDaysAcrossACompensatoryDayAndTet() {
        // Started Tuesday 20/12/2022. Dec 21–23 (3), 26–30 (8); Mon 2/1/2023 nghỉ bù Tết Dương lịch;
        // Jan 3–6 (12), 9–13 (17), 16–19 (21); Tết 20–26/1; Fri 27/1 (22); Mon 30, Tue 31, Wed 1/2 (25).
        var start = local(LocalDateTime.of(2022, 12, 20, 10, 0));
        assertThat(calendar.addWorkingDays(start, 25)).as("due at the start of Thursday 2/2/2023")
                .isEqualTo(startOf(2023, 2, 2));
        // The boundary: at the end of Tuesday 31/1 only 24 have elapsed, on Wednesday 1/2 the 25th.
        assertThat(calendar.workingDaysBetween(start, local(LocalDateTime.of(2023, 1, 31, 23, 59)))).isEqualTo(24);
        assertThat(calendar.workingDaysBetween(start, local(LocalDateTime.of(2023, 2, 1, 8, 0)))).isEqualTo(25);
        assertThat(calendar.yearsWithoutCalendar(start, startOf(2023, 2, 2))).isEmpty();
    }

    @Test
    void aWorkingSaturdayCounts() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).as("làm bù 4/5/2024").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).as("làm bù 26/4/2025").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 11))).as("an ordinary Saturday").isFalse();
        // Friday 26/4/2024: 27–28 weekend, 29 nghỉ hoán đổi, 30/4 and 1/5 holidays; Thu 2 (1), Fri 3 (2),
        // Saturday 4/5 worked (3): the third working day ends on Saturday, due Sunday 5/5 00:00.
        var friday = local(LocalDateTime.of(2024, 4, 26, 15, 0));
        assertThat(calendar.addWorkingDays(friday, 3)).isEqualTo(startOf(2024, 5, 5));
        assertThat(calendar.addWorkingDays(friday, 4)).isEqualTo(startOf(2024, 5, 7));
        assertThat(calendar.workingDaysBetween(friday, local(LocalDateTime.of(2024, 5, 4, 17, 0)))).isEqualTo(3);
    }

    @Test
    void twoNodesCheckingTheSameMorningFlagAYearOnce() throws Exception {
        // Two nodes on one database run the 06:00 check at the same instant (each its own transaction).
        ClockUtil.setCurrentTime(Date.from(local(LocalDateTime.of(2045, 6, 1, 6, 0))));
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> { start.await(); return check.checkComingYears(); });
            var b = pool.submit(() -> { start.await(); return check.checkComingYears(); });
            start.countDown();
            assertThat(a.get()).containsExactly(2045, 2046);
            assertThat(b.get()).containsExactly(2045, 2046);
        } finally {
            pool.shutdown();
        }
        assertThat(boardSubjects().stream().filter(CalendarYearCheck.subject(2045)::equals)).hasSize(1);
        assertThat(boardSubjects().stream().filter(CalendarYearCheck.subject(2046)::equals)).hasSize(1);
    }

    @Test
    void aYearWithoutCalendarIsFlaggedToTheBoardBeforeALimitUsesIt() {
        // The daily check on the engine's clock: in mid-2029 neither 2029 nor 2030 has been entered.
        ClockUtil.setCurrentTime(Date.from(local(LocalDateTime.of(2029, 6, 1, 6, 0))));
        assertThat(check.checkComingYears()).containsExactly(2029, 2030);
        assertThat(boardSubjects()).contains(CalendarYearCheck.subject(2029), CalendarYearCheck.subject(2030));

        // A limit started on 16/12/2030 runs into 2031: computed, but flagged, and only once per year.
        var start = local(LocalDateTime.of(2030, 12, 16, 9, 0));
        Instant due = calendar.addWorkingDays(start, 25);
        assertThat(calendar.yearsWithoutCalendar(start, due)).containsExactly(2030, 2031);
        calendar.addWorkingDays(start, 25);
        assertThat(boardSubjects().stream().filter(CalendarYearCheck.subject(2031)::equals)).hasSize(1);
        assertThat(notifications.forGroup("ban-tdkt")).filteredOn(n -> n.subject().equals(CalendarYearCheck.subject(2031)))
                .singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo(CalendarYearCheck.KIND);
                    assertThat(n.body()).contains("chưa được nhập").contains("/calendar/index.html");
                });

        // Entered years raise nothing.
        ClockUtil.setCurrentTime(Date.from(local(LocalDateTime.of(2024, 6, 1, 6, 0))));
        assertThat(check.checkComingYears()).isEmpty();
    }

    private java.util.List<String> boardSubjects() {
        return notifications.forGroup("ban-tdkt").stream().map(n -> n.subject()).toList();
    }
}

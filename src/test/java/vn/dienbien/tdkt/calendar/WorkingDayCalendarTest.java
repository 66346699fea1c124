package vn.dienbien.tdkt.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dienbien.tdkt.WorkflowTest;

@WorkflowTest
class WorkingDayCalendarTest {

    @Autowired WorkingDayCalendar calendar;

    @Test
    void weekendsAndTetAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 7))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 12))).as("Tết 2024").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 17))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 30))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 2))).isFalse();
    }

    @Test
    void aLimitCountsWholeWorkingDaysAfterItsStart() {
        var friday = LocalDateTime.of(2024, 2, 2, 15, 0).atZone(WorkingDayCalendar.VIETNAM).toInstant();
        // Mon 5, Tue 6, Wed 7; Tết 8–14; Thu 15: the fourth working day, due Fri 16 00:00.
        assertThat(calendar.addWorkingDays(friday, 4))
                .isEqualTo(LocalDate.of(2024, 2, 16).atStartOfDay(WorkingDayCalendar.VIETNAM).toInstant());
        var monday = LocalDateTime.of(2024, 2, 19, 8, 0).atZone(WorkingDayCalendar.VIETNAM).toInstant();
        // Mon 5, Tue 6, Wed 7, Thu 15, Fri 16 and Monday 19 itself.
        assertThat(calendar.workingDaysBetween(friday, monday)).isEqualTo(6);
    }
}

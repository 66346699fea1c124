package vn.dienbien.tdkt.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarEntryRepository extends JpaRepository<CalendarEntry, LocalDate> {

    List<CalendarEntry> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);
}

package vn.dienbien.tdkt.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

interface CalendarEntryRepository extends JpaRepository<CalendarEntry, LocalDate> {

    /** As JPQL, translated once (a derived query is translated again on every call by Hibernate 6.6). */
    @Query("select e from CalendarEntry e where e.day between :from and :to order by e.day")
    List<CalendarEntry> findByDayBetweenOrderByDayAsc(@Param("from") LocalDate from, @Param("to") LocalDate to);
}

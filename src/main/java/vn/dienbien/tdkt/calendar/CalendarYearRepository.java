package vn.dienbien.tdkt.calendar;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {

    /** The years from {@code first} to {@code last} whose calendar was entered: one statement for a limit's span. */
    @Query("select y.year from CalendarYear y where y.year between :first and :last")
    List<Integer> entered(@Param("first") int first, @Param("last") int last);
}

package vn.dienbien.tdkt.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One day of the working-day calendar: a holiday, a compensatory day off or a working Saturday. */
@Entity
@Table(name = "public_holiday")
class CalendarEntry {

    @Id
    @Column(name = "holiday_date")
    private LocalDate day;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CalendarDayKind kind;

    protected CalendarEntry() {
    }

    CalendarEntry(LocalDate day, CalendarDayKind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    void change(CalendarDayKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    LocalDate getDay() {
        return day;
    }

    String getName() {
        return name;
    }

    CalendarDayKind getKind() {
        return kind;
    }
}

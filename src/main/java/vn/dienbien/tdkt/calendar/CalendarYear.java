package vn.dienbien.tdkt.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year whose calendar the Board has entered and confirmed complete. */
@Entity
@Table(name = "calendar_year")
class CalendarYear {

    @Id
    @Column(name = "calendar_year")
    private Integer year;

    @Column(name = "confirmed_by", nullable = false)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false)
    private Instant confirmedAt;

    protected CalendarYear() {
    }

    CalendarYear(int year, String confirmedBy, Instant confirmedAt) {
        this.year = year;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    Integer getYear() {
        return year;
    }

    String getConfirmedBy() {
        return confirmedBy;
    }

    Instant getConfirmedAt() {
        return confirmedAt;
    }
}

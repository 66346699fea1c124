package vn.dienbien.tdkt.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** Ngày nghỉ lễ, Tết. */
@Entity
@Table(name = "public_holiday")
class PublicHoliday {

    @Id
    @Column(name = "holiday_date")
    private LocalDate day;

    @Column(nullable = false)
    private String name;

    protected PublicHoliday() {
    }

    LocalDate getDay() {
        return day;
    }

    String getName() {
        return name;
    }
}

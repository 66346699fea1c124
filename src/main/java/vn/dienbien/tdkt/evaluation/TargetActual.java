package vn.dienbien.tdkt.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Số liệu thực hiện của một chỉ tiêu trong một năm. */
@Entity
@Table(name = "target_actual")
class TargetActual {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "target_id", nullable = false)
    private Long targetId;

    @Column(name = "actual_year", nullable = false)
    private int year;

    @Column(name = "actual_value", nullable = false)
    private BigDecimal value;

    @Column(name = "entered_by", nullable = false)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected TargetActual() {
    }

    TargetActual(Long targetId, int year, BigDecimal value, String enteredBy, Instant enteredAt) {
        this.targetId = targetId;
        this.year = year;
        this.value = value;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    void correct(BigDecimal value, String by, Instant at) {
        this.value = value;
        this.enteredBy = by;
        this.enteredAt = at;
    }

    Long getTargetId() { return targetId; }
    int getYear() { return year; }
    BigDecimal getValue() { return value; }
}

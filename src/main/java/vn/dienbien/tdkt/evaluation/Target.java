package vn.dienbien.tdkt.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Chỉ tiêu: one indicator of the campaign's targets (383/KH-UBND section II.1). */
@Entity
@Table(name = "target")
class Target {

    /** Hướng của chỉ tiêu. */
    enum Direction {
        /** Đạt ít nhất (higher is better). */
        AT_LEAST,
        /** Không vượt quá (lower is better). */
        AT_MOST,
        /** Bình quân hằng năm đạt ít nhất (a yearly rate, averaged over the years so far). */
        AVERAGE_YEARLY_RATE;

        String label() {
            return switch (this) {
                case AT_LEAST -> "Đạt ít nhất";
                case AT_MOST -> "Không vượt quá";
                case AVERAGE_YEARLY_RATE -> "Bình quân hằng năm đạt ít nhất";
            };
        }
    }

    /** Cách đo: how the indicator's progress is judged. */
    enum Measure {
        /** Mức đạt được: a value reached by the end (straight line from the baseline when there is one). */
        LEVEL,
        /** Tỷ lệ/số lượng hằng năm: each year's value against the yearly target. */
        YEARLY_RATE,
        /** Cộng dồn giai đoạn: the sum of the years so far against the pro-rata share of the period total. */
        CUMULATIVE;

        String label() {
            return switch (this) {
                case LEVEL -> "Mức đạt được";
                case YEARLY_RATE -> "Hằng năm";
                case CUMULATIVE -> "Cộng dồn giai đoạn";
            };
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(nullable = false)
    private String code;

    @Column(name = "group_code", nullable = false)
    private String groupCode;

    @Column(name = "group_name", nullable = false)
    private String groupName;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String unit;

    @Column(name = "target_value", nullable = false)
    private BigDecimal targetValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Measure measure;

    @Column(name = "baseline_value")
    private BigDecimal baselineValue;

    @Column(name = "baseline_year", nullable = false)
    private int baselineYear;

    @Column(name = "target_year", nullable = false)
    private int targetYear;

    @Column(name = "responsible_unit_id", nullable = false)
    private Long responsibleUnitId;

    protected Target() {
    }

    Target(Long campaignId, String code, String groupCode, String groupName, String name, String unit,
            BigDecimal targetValue, Direction direction, Measure measure, BigDecimal baselineValue, int baselineYear,
            int targetYear, Long responsibleUnitId) {
        this.campaignId = campaignId;
        this.code = code;
        update(groupCode, groupName, name, unit, targetValue, direction, measure, baselineValue, baselineYear, targetYear,
                responsibleUnitId);
    }

    /** A new version of the indicator from the Board's template; its code and campaign stay. */
    void update(String groupCode, String groupName, String name, String unit, BigDecimal targetValue,
            Direction direction, Measure measure, BigDecimal baselineValue, int baselineYear, int targetYear,
            Long responsibleUnitId) {
        this.groupCode = groupCode;
        this.groupName = groupName;
        this.name = name;
        this.unit = unit;
        this.targetValue = targetValue;
        this.direction = direction;
        this.measure = measure;
        this.baselineValue = baselineValue;
        this.baselineYear = baselineYear;
        this.targetYear = targetYear;
        this.responsibleUnitId = responsibleUnitId;
    }

    Long getId() { return id; }
    Long getCampaignId() { return campaignId; }
    String getCode() { return code; }
    String getGroupCode() { return groupCode; }
    String getGroupName() { return groupName; }
    String getName() { return name; }
    String getUnit() { return unit; }
    BigDecimal getTargetValue() { return targetValue; }
    Direction getDirection() { return direction; }
    Measure getMeasure() { return measure; }
    BigDecimal getBaselineValue() { return baselineValue; }
    int getBaselineYear() { return baselineYear; }
    int getTargetYear() { return targetYear; }
    Long getResponsibleUnitId() { return responsibleUnitId; }
}

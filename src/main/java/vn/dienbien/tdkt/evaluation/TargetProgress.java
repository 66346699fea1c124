package vn.dienbien.tdkt.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Tiến độ thực hiện chỉ tiêu: for a year, each indicator's actual value against the value
 * expected by then — the straight line from the baseline to the target, or the target itself
 * when the plan gives no baseline; yearly rates are judged on their average so far.
 */
@Service
public class TargetProgress {

    private final TargetRepository targets;
    private final TargetActualRepository actuals;
    private final OrgUnitRepository units;

    TargetProgress(TargetRepository targets, TargetActualRepository actuals, OrgUnitRepository units) {
        this.targets = targets;
        this.actuals = actuals;
        this.units = units;
    }

    /** One indicator's standing in one year. */
    public record Row(String code, String group, String name, String unit, String direction, BigDecimal targetValue,
            BigDecimal expected, BigDecimal actual, BigDecimal gap, String status, String statusLabel,
            String responsibleUnit) {
    }

    @Transactional(readOnly = true)
    public List<Row> progress(Long campaignId, int year) {
        return progress(campaignId, year, null);
    }

    /** Progress of the indicators one department reports on (all when unitCode is null). */
    @Transactional(readOnly = true)
    public List<Row> progress(Long campaignId, int year, String unitCode) {
        Map<Long, String> unitNames = units.findAll().stream().collect(Collectors.toMap(OrgUnit::getId, OrgUnit::getName));
        Long unitId = unitCode == null ? null : units.findByCode(unitCode).map(OrgUnit::getId).orElse(-1L);
        return targets.findByCampaignIdOrderByCode(campaignId).stream()
                .filter(t -> unitId == null || t.getResponsibleUnitId().equals(unitId))
                .map(t -> row(t, year, unitNames)).toList();
    }

    Row row(Target t, int year, Map<Long, String> unitNames) {
        List<TargetActual> values = actuals.findByTargetIdOrderByYear(t.getId()).stream()
                .filter(a -> a.getYear() <= year).toList();
        BigDecimal actual;
        BigDecimal expected;
        if (t.getDirection() == Target.Direction.AVERAGE_YEARLY_RATE) {
            actual = values.isEmpty() ? null : values.stream().map(TargetActual::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP);
            expected = t.getTargetValue();
        } else {
            actual = values.stream().filter(a -> a.getYear() == year).map(TargetActual::getValue).findFirst().orElse(null);
            expected = expectedBy(t, year);
        }
        if (actual == null) {
            return new Row(t.getCode(), t.getGroupCode(), t.getName(), t.getUnit(), t.getDirection().name(),
                    t.getTargetValue(), expected, null, null, "NO_DATA", "chưa có số liệu", unitNames.get(t.getResponsibleUnitId()));
        }
        BigDecimal gap = actual.subtract(expected).setScale(4, RoundingMode.HALF_UP);
        boolean onTrack = t.getDirection() == Target.Direction.AT_MOST ? gap.signum() <= 0 : gap.signum() >= 0;
        return new Row(t.getCode(), t.getGroupCode(), t.getName(), t.getUnit(), t.getDirection().name(),
                t.getTargetValue(), expected, actual, gap, onTrack ? "ON_TRACK" : "OFF_TRACK",
                onTrack ? "đúng tiến độ" : "chậm tiến độ", unitNames.get(t.getResponsibleUnitId()));
    }

    static BigDecimal expectedBy(Target t, int year) {
        if (t.getBaselineValue() == null || year >= t.getTargetYear()) {
            return t.getTargetValue();
        }
        int span = t.getTargetYear() - t.getBaselineYear();
        int elapsed = Math.max(0, year - t.getBaselineYear());
        return t.getBaselineValue().add(t.getTargetValue().subtract(t.getBaselineValue())
                .multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP));
    }

    /** The departments responsible for at least one of the campaign's targets. */
    @Transactional(readOnly = true)
    public List<String> responsibleUnits(Long campaignId) {
        return targets.findByCampaignIdOrderByCode(campaignId).stream().map(Target::getResponsibleUnitId).distinct()
                .map(id -> units.findById(id).orElseThrow().getCode()).sorted().toList();
    }

    /** One value of the yearly entry form. */
    public record EnteredValue(String code, BigDecimal value) {
    }

    /** The yearly Tasklist entry of one department: every value it gives, in one transaction. */
    @Transactional
    public int enterYear(Long campaignId, String unitCode, int year, List<EnteredValue> values, String userId) {
        Long unitId = units.findByCode(unitCode).orElseThrow().getId();
        int entered = 0;
        for (EnteredValue v : values) {
            if (v.value() != null) {
                enterActual(campaignId, v.code(), year, v.value(), unitId, false, userId);
                entered++;
            }
        }
        return entered;
    }

    /** Số liệu thực hiện: entered by the responsible department (or the Board). */
    @Transactional
    public void enterActual(Long campaignId, String code, int year, BigDecimal value, Long userUnitId, boolean board,
            String userId) {
        Target target = targets.findByCampaignIdOrderByCode(campaignId).stream().filter(t -> t.getCode().equals(code))
                .findFirst().orElseThrow(() -> ApiException.notFound("Không có chỉ tiêu mã " + code + "."));
        if (!board && !target.getResponsibleUnitId().equals(userUnitId)) {
            throw ApiException.forbidden("Chỉ đơn vị chủ trì chỉ tiêu \"" + target.getName() + "\" được nhập số liệu.");
        }
        if (value == null) {
            throw ApiException.badRequest("Thiếu giá trị thực hiện.");
        }
        if (year < target.getBaselineYear() || year > target.getTargetYear()) {
            throw ApiException.badRequest("Năm " + year + " nằm ngoài giai đoạn của chỉ tiêu.");
        }
        var existing = actuals.findByTargetIdAndYear(target.getId(), year);
        if (existing.isPresent()) {
            existing.get().correct(value, userId, WorkflowClock.now());
        } else {
            actuals.save(new TargetActual(target.getId(), year, value, userId, WorkflowClock.now()));
        }
    }
}

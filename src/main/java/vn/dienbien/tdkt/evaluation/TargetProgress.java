package vn.dienbien.tdkt.evaluation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Tiến độ thực hiện chỉ tiêu: for a year, each indicator's actual value against the value
 * expected by then, according to how it is measured ({@link TargetStanding}).
 */
@Service
public class TargetProgress {

    /** numeric(18,4): 14 digits before the point. */
    static final BigDecimal MAX_VALUE = new BigDecimal("1e14");

    private final TargetRepository targets;
    private final TargetActualRepository actuals;
    private final OrgUnitRepository units;
    private final CampaignRepository campaigns;

    TargetProgress(TargetRepository targets, TargetActualRepository actuals, OrgUnitRepository units,
            CampaignRepository campaigns) {
        this.targets = targets;
        this.actuals = actuals;
        this.units = units;
        this.campaigns = campaigns;
    }

    /** One indicator's standing in one year. */
    public record Row(String code, String group, String name, String unit, String direction, String measure,
            String measureLabel, BigDecimal targetValue,
            BigDecimal expected, BigDecimal actual, BigDecimal gap, String status, String statusLabel, String note,
            String responsibleUnit) {
    }

    @Transactional(readOnly = true)
    public List<Row> progress(Long campaignId, int year) {
        return progress(campaignId, year, null);
    }

    /** Progress of the indicators one department reports on (all when unitCode is null). */
    @Transactional(readOnly = true)
    public List<Row> progress(Long campaignId, int year, String unitCode) {
        Campaign campaign = campaign(campaignId);
        checkYear(campaign, year);
        Long unitId = null;
        if (unitCode != null && !unitCode.isBlank()) {
            unitId = (unitCode.length() > 32 ? java.util.Optional.<OrgUnit>empty() : units.findByCode(unitCode))
                    .map(OrgUnit::getId).orElseThrow(() -> ApiException.notFound("Không có đơn vị mã \""
                            + (unitCode.length() > 32 ? unitCode.substring(0, 32) + "…" : unitCode) + "\"."));
        }
        Long only = unitId;
        List<Target> list = targets.findByCampaignIdOrderByCode(campaignId).stream()
                .filter(t -> only == null || t.getResponsibleUnitId().equals(only)).toList();
        Map<Long, String> unitNames = new HashMap<>();
        list.stream().map(Target::getResponsibleUnitId).distinct()
                .forEach(id -> unitNames.put(id, units.findById(id).map(OrgUnit::getName).orElse("")));
        return list.stream().map(t -> row(t, year, unitNames)).toList();
    }

    Row row(Target t, int year, Map<Long, String> unitNames) {
        List<TargetActual> values = actuals.findByTargetIdOrderByYear(t.getId()).stream()
                .filter(a -> a.getYear() <= year).toList();
        TargetStanding.Standing s = TargetStanding.of(t, values, year);
        return new Row(t.getCode(), t.getGroupCode(), t.getName(), t.getUnit(), t.getDirection().name(),
                t.getMeasure().name(), t.getMeasure().label(), t.getTargetValue(), s.expected(), s.actual(), s.gap(),
                s.status(), s.statusLabel(), s.note(), unitNames.get(t.getResponsibleUnitId()));
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
    public int enterYear(Long campaignId, Long unitId, int year, List<EnteredValue> values, String userId) {
        int entered = 0;
        for (EnteredValue v : values) {
            if (v == null || v.code() == null || v.code().isBlank()) {
                throw ApiException.badRequest("Số liệu chỉ tiêu có dòng trống.");
            }
            if (v.value() != null) {
                enterActual(campaignId, v.code(), year, v.value(), unitId, false, userId);
                entered++;
            }
        }
        return entered;
    }

    /** Số liệu thực hiện: entered by the responsible department (or the Board), for a year of the campaign. */
    @Transactional
    public void enterActual(Long campaignId, String code, int year, BigDecimal value, Long userUnitId, boolean board,
            String userId) {
        Campaign campaign = campaign(campaignId);
        Target target = (code == null || code.length() > 16 ? java.util.Optional.<Target>empty()
                : targets.findByCampaignIdAndCode(campaignId, code))
                .orElseThrow(() -> ApiException.notFound("Không có chỉ tiêu mã " + abbreviate(code) + "."));
        if (!board && !target.getResponsibleUnitId().equals(userUnitId)) {
            throw ApiException.forbidden("Chỉ đơn vị chủ trì chỉ tiêu \"" + target.getName() + "\" được nhập số liệu.");
        }
        if (value == null) {
            throw ApiException.badRequest("Thiếu giá trị thực hiện.");
        }
        if (value.abs().compareTo(MAX_VALUE) >= 0 || value.stripTrailingZeros().scale() > 4) {
            throw ApiException.badRequest("Giá trị thực hiện của chỉ tiêu " + code
                    + " phải nhỏ hơn 100.000 tỷ và có tối đa 4 chữ số thập phân.");
        }
        checkYear(campaign, year);
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

    private Campaign campaign(Long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> ApiException.notFound("Không có đợt thi đua số " + campaignId + "."));
    }

    private static void checkYear(Campaign campaign, int year) {
        if (year < campaign.getPeriodStartYear() || year > campaign.getPeriodEndYear()) {
            throw ApiException.badRequest("Năm " + year + " nằm ngoài giai đoạn " + campaign.getPeriodStartYear() + "–"
                    + campaign.getPeriodEndYear() + " của đợt thi đua.");
        }
    }

    private static String abbreviate(String code) {
        return code == null ? "(trống)" : code.length() <= 16 ? code : code.substring(0, 16) + "…";
    }
}

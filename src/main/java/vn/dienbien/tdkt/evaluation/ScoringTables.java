package vn.dienbien.tdkt.evaluation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/** Bảng tiêu chí chấm điểm: each block's table for a year, kept by the block's leader. */
@Service
public class ScoringTables {

    /** A criterion's code ends up in forms and files: letters, digits, dot, dash, underscore; the column holds 16. */
    static final String CODE_PATTERN = "^[A-Za-z0-9._-]{1,16}$";
    static final int MAX_CRITERIA = 100;
    static final BigDecimal MAX_POINTS = new BigDecimal("1000");

    private final ScoringTableRepository tables;
    private final ScoringCriterionRepository criteria;
    private final Blocks blocks;

    ScoringTables(ScoringTableRepository tables, ScoringCriterionRepository criteria, Blocks blocks) {
        this.tables = tables;
        this.criteria = criteria;
        this.blocks = blocks;
    }

    /** One criterion of a new scoring table. */
    public record NewCriterion(
            @NotBlank(message = "cần mã tiêu chí")
            @Pattern(regexp = CODE_PATTERN, message = "mã tiêu chí chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 16 ký tự)")
            String code,
            @NotBlank(message = "cần tên tiêu chí") @Size(max = 500, message = "tên tiêu chí tối đa 500 ký tự") String name,
            @Pattern(regexp = "CRITERION|BONUS|PENALTY", message = "loại tiêu chí là CRITERION, BONUS hoặc PENALTY") String kind,
            @NotNull(message = "cần điểm tối đa")
            @DecimalMin(value = "0", inclusive = false, message = "điểm tối đa phải dương")
            @DecimalMax(value = "1000", message = "điểm tối đa không quá 1000")
            @Digits(integer = 4, fraction = 2, message = "điểm tối đa có tối đa 2 chữ số thập phân")
            BigDecimal maxPoints) {
    }

    /** A request for a new table (the body of POST /api/scoring-tables). */
    public record NewTable(
            @NotBlank(message = "cần mã cụm/khối") @Size(max = 32, message = "mã cụm/khối tối đa 32 ký tự") String groupCode,
            @NotNull(message = "cần năm của bảng tiêu chí") Integer year,
            @Size(max = 500, message = "tiêu đề tối đa 500 ký tự") String title,
            @NotNull(message = "cần danh sách tiêu chí")
            @Size(min = 1, max = MAX_CRITERIA, message = "bảng tiêu chí có từ 1 đến 100 tiêu chí")
            List<@NotNull(message = "tiêu chí không được để trống") @Valid NewCriterion> criteria) {
    }

    /** Lập bảng tiêu chí: by the block's leader (or the Board), once per block and year. */
    @Transactional
    public Long define(NewTable request, CurrentUser user) {
        EmulationGroup group = blocks.group(request.groupCode());
        OrgUnit leader = blocks.leader(group);
        if (!user.inGroup(leader.camundaGroup()) && !user.inGroup(CamundaGroups.BOARD)) {
            throw ApiException.forbidden("Chỉ trưởng khối (" + leader.getName() + ") lập bảng tiêu chí chấm điểm của khối.");
        }
        int year = request.year() == null ? 0 : request.year();
        if (!blocks.anyCampaignCovers(year)) {
            throw ApiException.badRequest("Năm " + year + " không thuộc giai đoạn của đợt thi đua nào.");
        }
        if (tables.findByGroupIdAndYear(group.getId(), year).isPresent()) {
            throw ApiException.conflict("Khối đã có bảng tiêu chí năm " + year + ".");
        }
        List<NewCriterion> items = checked(request.criteria());
        String title = request.title() == null || request.title().isBlank()
                ? "Bảng tiêu chí chấm điểm " + group.getName() + " năm " + year : request.title().trim();
        if (title.length() > 500) {
            title = title.substring(0, 500);
        }
        ScoringTable table = tables.save(new ScoringTable(group.getId(), year, title, user.userId(), WorkflowClock.now()));
        for (NewCriterion c : items) {
            criteria.save(new ScoringCriterion(table.getId(), c.code().trim(), c.name().trim(),
                    ScoringCriterion.Kind.valueOf(c.kind() == null ? "CRITERION" : c.kind()), c.maxPoints()));
        }
        return table.getId();
    }

    /** The same rules as the request's annotations, for callers that do not go through /api. */
    private static List<NewCriterion> checked(List<NewCriterion> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_CRITERIA) {
            throw ApiException.badRequest("Bảng tiêu chí phải có từ 1 đến " + MAX_CRITERIA + " tiêu chí.");
        }
        Set<String> codes = new HashSet<>();
        for (NewCriterion c : items) {
            if (c == null || c.code() == null || c.name() == null || c.name().isBlank() || c.maxPoints() == null) {
                throw ApiException.badRequest("Mỗi tiêu chí cần mã, tên và điểm tối đa.");
            }
            String code = c.code().trim();
            if (!code.matches(CODE_PATTERN)) {
                throw ApiException.badRequest("Mã tiêu chí \"" + abbreviate(code) + "\" không hợp lệ: chỉ gồm chữ không dấu, "
                        + "số, dấu chấm, gạch ngang, gạch dưới, tối đa 16 ký tự.");
            }
            if (!codes.add(code)) {
                throw ApiException.badRequest("Mã tiêu chí \"" + code + "\" bị trùng.");
            }
            if (c.name().trim().length() > 500) {
                throw ApiException.badRequest("Tên tiêu chí " + code + " dài quá 500 ký tự.");
            }
            if (c.kind() != null && !List.of("CRITERION", "BONUS", "PENALTY").contains(c.kind())) {
                throw ApiException.badRequest("Loại tiêu chí \"" + abbreviate(c.kind()) + "\" không hợp lệ (CRITERION, BONUS, PENALTY).");
            }
            if (c.maxPoints().signum() <= 0 || c.maxPoints().compareTo(MAX_POINTS) > 0
                    || c.maxPoints().stripTrailingZeros().scale() > 2) {
                throw ApiException.badRequest("Điểm tối đa của tiêu chí " + code + " phải dương, không quá 1000, "
                        + "tối đa 2 chữ số thập phân.");
            }
        }
        return items;
    }

    /** The criteria of a block's table for the year, by code; a block without a table is refused. */
    Map<String, ScoringCriterion> criteriaOf(EmulationGroup group, int year) {
        ScoringTable table = tables.findByGroupIdAndYear(group.getId(), year)
                .orElseThrow(() -> ApiException.notFound(group.getName() + " chưa có bảng tiêu chí chấm điểm năm " + year + "."));
        Map<String, ScoringCriterion> byCode = new LinkedHashMap<>();
        criteria.findByTableIdOrderByCode(table.getId()).forEach(c -> byCode.put(c.getCode(), c));
        return byCode;
    }

    /** The blocks with a table for the year, by code. */
    List<String> blocksWithTable(int year) {
        return tables.findByYear(year).stream().map(t -> blocks.groupById(t.getGroupId()).getCode()).sorted().toList();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

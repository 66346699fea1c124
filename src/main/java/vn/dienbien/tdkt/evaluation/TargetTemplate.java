package vn.dienbien.tdkt.evaluation;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * The campaign's targets as an XLSX file in one template (documented in the README, section on
 * targets): exported as it stands, and loaded back by the Board — every row checked, every error
 * named by its row and column, nothing written unless the whole file is right.
 */
@Service
public class TargetTemplate {

    /** The template's columns, in order; the first row of the sheet holds these headings. */
    static final List<String> HEADINGS = List.of("Mã chỉ tiêu", "Mã nhóm", "Tên nhóm", "Tên chỉ tiêu", "Đơn vị tính",
            "Cách đo", "Chiều", "Giá trị mục tiêu", "Năm gốc", "Giá trị năm gốc", "Năm mục tiêu", "Mã đơn vị chủ trì");

    static final String SHEET = "Chỉ tiêu";
    static final int MAX_ROWS = 1000;
    private static final int MAX_ERRORS = 20;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]*");

    private final TargetRepository targets;
    private final TargetActualRepository actuals;
    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;

    TargetTemplate(TargetRepository targets, TargetActualRepository actuals, CampaignRepository campaigns,
            OrgUnitRepository units) {
        this.targets = targets;
        this.actuals = actuals;
        this.campaigns = campaigns;
        this.units = units;
    }

    /** What a load did. */
    public record Loaded(int added, int updated, int removed) {
    }

    @Transactional(readOnly = true)
    public byte[] export(Long campaignId) {
        campaign(campaignId);
        Map<Long, String> unitCodes = new HashMap<>();
        List<List<?>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Target t : targets.findByCampaignIdOrderByCode(campaignId)) {
            String unitCode = unitCodes.computeIfAbsent(t.getResponsibleUnitId(),
                    id -> units.findById(id).map(OrgUnit::getCode).orElse(""));
            rows.add(Arrays.asList(t.getCode(), t.getGroupCode(), t.getGroupName(), t.getName(), t.getUnit(),
                    t.getMeasure().label(), t.getDirection().label(), t.getTargetValue(), t.getBaselineYear(),
                    t.getBaselineValue(), t.getTargetYear(), unitCode));
        }
        return Spreadsheets.xlsx(SHEET, rows);
    }

    /** One indicator as read from a row. */
    private record Line(int row, String code, String groupCode, String groupName, String name, String unit,
            Target.Measure measure, Target.Direction direction, BigDecimal targetValue, int baselineYear,
            BigDecimal baselineValue, int targetYear, Long responsibleUnitId) {
    }

    /** Loads the file in place of the campaign's targets: new codes added, known codes updated, absent codes removed. */
    @Transactional
    public Loaded load(Long campaignId, InputStream file) {
        Campaign campaign = campaign(campaignId);
        List<Line> lines = read(campaign, file);
        Map<String, Target> existing = new LinkedHashMap<>();
        targets.findByCampaignIdOrderByCode(campaignId).forEach(t -> existing.put(t.getCode(), t));
        Set<String> given = new HashSet<>();
        lines.forEach(l -> given.add(l.code()));
        List<Target> gone = existing.values().stream().filter(t -> !given.contains(t.getCode())).toList();
        for (Target t : gone) {
            if (actuals.existsByTargetId(t.getId())) {
                throw ApiException.conflict("Chỉ tiêu " + t.getCode() + " (" + t.getName()
                        + ") đã có số liệu thực hiện nên không thể bỏ khỏi danh sách; hãy giữ dòng của chỉ tiêu này trong tệp.");
            }
        }
        int added = 0;
        int updated = 0;
        for (Line l : lines) {
            Target t = existing.get(l.code());
            if (t == null) {
                targets.save(new Target(campaignId, l.code(), l.groupCode(), l.groupName(), l.name(), l.unit(),
                        l.targetValue(), l.direction(), l.measure(), l.baselineValue(), l.baselineYear(), l.targetYear(),
                        l.responsibleUnitId()));
                added++;
            } else {
                t.update(l.groupCode(), l.groupName(), l.name(), l.unit(), l.targetValue(), l.direction(), l.measure(),
                        l.baselineValue(), l.baselineYear(), l.targetYear(), l.responsibleUnitId());
                updated++;
            }
        }
        targets.deleteAll(gone);
        return new Loaded(added, updated, gone.size());
    }

    private List<Line> read(Campaign campaign, InputStream file) {
        Workbook book;
        try {
            book = new XSSFWorkbook(file);
        } catch (Exception e) {
            throw ApiException.badRequest("Tệp không đọc được như một bảng tính Excel (.xlsx); hãy dùng mẫu tải về từ "
                    + "danh sách chỉ tiêu.");
        }
        try (book) {
            Sheet sheet = book.getNumberOfSheets() == 0 ? null : book.getSheetAt(0);
            if (sheet == null || sheet.getRow(0) == null) {
                throw ApiException.badRequest("Tệp không có dòng tiêu đề; dòng 1 của trang tính đầu tiên phải có các cột: "
                        + String.join(", ", HEADINGS) + ".");
            }
            checkHeadings(sheet.getRow(0));
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw ApiException.badRequest("Tệp có quá " + MAX_ROWS + " dòng chỉ tiêu.");
            }
            List<String> errors = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row)) {
                    continue;
                }
                Line line = new RowReader(row, errors, campaign).line();
                if (line != null && !codes.add(line.code())) {
                    errors.add("Dòng " + (r + 1) + ", cột A (Mã chỉ tiêu): mã " + line.code() + " đã có ở dòng trên.");
                }
                if (line != null) {
                    lines.add(line);
                }
            }
            if (errors.isEmpty() && lines.isEmpty()) {
                throw ApiException.badRequest("Tệp không có chỉ tiêu nào (từ dòng 2).");
            }
            if (!errors.isEmpty()) {
                String more = errors.size() > MAX_ERRORS ? " … và " + (errors.size() - MAX_ERRORS) + " lỗi khác." : "";
                throw ApiException.badRequest("Tệp chỉ tiêu chưa được nạp vì có lỗi: "
                        + String.join(" ", errors.subList(0, Math.min(MAX_ERRORS, errors.size()))) + more);
            }
            return lines;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("Tệp không đọc được như một bảng tính Excel (.xlsx).");
        }
    }

    private static void checkHeadings(Row row) {
        for (int c = 0; c < HEADINGS.size(); c++) {
            Cell cell = row.getCell(c);
            String text = cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
            if (!text.equalsIgnoreCase(HEADINGS.get(c))) {
                throw ApiException.badRequest("Dòng 1, cột " + column(c) + ": tiêu đề phải là \"" + HEADINGS.get(c)
                        + "\". Các cột của mẫu: " + String.join(", ", HEADINGS) + ".");
            }
        }
    }

    private static boolean blank(Row row) {
        for (int c = 0; c < HEADINGS.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() != CellType.BLANK
                    && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    static String column(int c) {
        return String.valueOf((char) ('A' + c));
    }

    /** Reads one row, adding an error for each bad cell. */
    private final class RowReader {
        private final Row row;
        private final List<String> errors;
        private final Campaign campaign;
        private boolean ok = true;
        private boolean unreadable;

        RowReader(Row row, List<String> errors, Campaign campaign) {
            this.row = row;
            this.errors = errors;
            this.campaign = campaign;
        }

        Line line() {
            String code = code(0, 16);
            String groupCode = code(1, 8);
            String groupName = text(2, 255, true);
            String name = text(3, 500, true);
            String unit = text(4, 100, true);
            Target.Measure measure = choice(5, Target.Measure.values(), Target.Measure::label);
            Target.Direction direction = choice(6, Target.Direction.values(), Target.Direction::label);
            BigDecimal targetValue = number(7, true);
            Integer baselineYear = year(8);
            BigDecimal baselineValue = number(9, false);
            Integer targetYear = year(10);
            String unitCode = text(11, 32, true);
            Long unitId = null;
            if (unitCode != null) {
                unitId = units.findByCode(unitCode).map(OrgUnit::getId).orElse(null);
                if (unitId == null) {
                    error(11, "không có đơn vị mã \"" + unitCode + "\" trong danh mục đơn vị");
                }
            }
            if (measure != null && direction == Target.Direction.AVERAGE_YEARLY_RATE
                    && measure != Target.Measure.YEARLY_RATE) {
                error(6, "chiều \"" + direction.label() + "\" chỉ dùng với cách đo \"" + Target.Measure.YEARLY_RATE.label() + "\"");
            }
            if (targetYear != null && (targetYear < campaign.getPeriodStartYear() || targetYear > campaign.getPeriodEndYear())) {
                error(10, "năm mục tiêu phải trong giai đoạn " + campaign.getPeriodStartYear() + "–"
                        + campaign.getPeriodEndYear() + " của đợt thi đua");
            }
            if (baselineYear != null && targetYear != null
                    && (baselineYear >= targetYear || baselineYear < campaign.getPeriodStartYear() - 1)) {
                error(8, "năm gốc phải trước năm mục tiêu và không sớm hơn năm " + (campaign.getPeriodStartYear() - 1));
            }
            if (!ok) {
                return null;
            }
            return new Line(row.getRowNum() + 1, code, groupCode, groupName, name, unit, measure, direction, targetValue,
                    baselineYear, baselineValue, targetYear, unitId);
        }

        private void error(int c, String message) {
            ok = false;
            errors.add("Dòng " + (row.getRowNum() + 1) + ", cột " + column(c) + " (" + HEADINGS.get(c) + "): " + message + ".");
        }

        /** The cell's value as text (a number as written), null when empty; false when the cell cannot be text. */
        private String raw(int c) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                return null;
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case STRING -> cell.getStringCellValue().isBlank() ? null : cell.getStringCellValue().strip();
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                case BLANK -> null;
                default -> {
                    error(c, "ô không chứa chữ hoặc số");
                    unreadable = true;
                    yield null;
                }
            };
        }

        private String text(int c, int max, boolean required) {
            unreadable = false;
            String value = raw(c);
            if (value == null) {
                if (required && !unreadable) {
                    error(c, "ô trống");
                }
                return null;
            }
            if (value.length() > max) {
                error(c, "dài quá " + max + " ký tự");
                return null;
            }
            return value;
        }

        private String code(int c, int max) {
            String value = text(c, max, true);
            if (value != null && !CODE.matcher(value).matches()) {
                error(c, "mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới");
                return null;
            }
            return value;
        }

        private <E extends Enum<E>> E choice(int c, E[] values, Function<E, String> label) {
            String value = text(c, 64, true);
            if (value == null) {
                return null;
            }
            for (E e : values) {
                if (e.name().equalsIgnoreCase(value) || label.apply(e).equalsIgnoreCase(value)) {
                    return e;
                }
            }
            List<String> allowed = Arrays.stream(values).map(e -> "\"" + label.apply(e) + "\"").toList();
            error(c, "phải là một trong " + String.join(", ", allowed));
            return null;
        }

        private BigDecimal number(int c, boolean required) {
            String value = text(c, 40, required);
            if (value == null) {
                return null;
            }
            String plain = value.replace(" ", "").replace("\u00A0", "");
            if (plain.indexOf(',') >= 0 && plain.indexOf('.') < 0 && plain.indexOf(',') == plain.lastIndexOf(',')) {
                plain = plain.replace(',', '.'); // 7,16 as written in Vietnamese
            }
            BigDecimal number;
            try {
                number = new BigDecimal(plain);
            } catch (NumberFormatException e) {
                error(c, "\"" + value + "\" không phải là số");
                return null;
            }
            if (number.abs().compareTo(TargetProgress.MAX_VALUE) >= 0 || number.stripTrailingZeros().scale() > 4) {
                error(c, "số phải nhỏ hơn 100.000 tỷ và có tối đa 4 chữ số thập phân");
                return null;
            }
            return number;
        }

        private Integer year(int c) {
            BigDecimal number = number(c, true);
            if (number == null) {
                return null;
            }
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(1900)) < 0
                    || number.compareTo(BigDecimal.valueOf(2200)) > 0) {
                error(c, "năm phải là số nguyên, ví dụ 2025");
                return null;
            }
            return number.intValueExact();
        }
    }

    private Campaign campaign(Long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> ApiException.notFound("Không có đợt thi đua số " + campaignId + "."));
    }

}

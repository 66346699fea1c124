package vn.dienbien.tdkt.audit;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Điều kiện tra cứu: what an auditor asked for, read from the query string and checked once, so that
 * the search builds its SQL only from known fields and bound values. Every filter is optional; they
 * combine with AND. A value that cannot be read is refused with a Vietnamese message naming the
 * parameter (never echoing what was typed).
 *
 * @param filter which cases
 * @param sort the order: a field of the whitelist, then the case id so that pages never overlap
 * @param descending the direction of {@code sort}
 * @param page the page, from 0 (ignored by exports, which take every matching case)
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 */
record CaseQuery(Filter filter, Sort sort, boolean descending, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 200;
    static final int MAX_TEXT = 200;

    /**
     * The filters. {@code nominee} and {@code decision} are substrings, matched without regard to
     * case (diacritics as typed); the others are exact codes or user ids; {@code from} and {@code to}
     * are days in Asia/Ho_Chi_Minh, both included, on the day the case started.
     */
    record Filter(CaseLabels.Kind kind, String campaign, Integer year, String unit, String group, String award,
            String nominee, String status, String decision, String actor, LocalDate from, LocalDate to) {
    }

    /** What results may be sorted by, under the names the query string uses. */
    enum Sort {
        STARTED_AT("startedAt", true), YEAR("year", false), KIND("kind", false), UNIT_NAME("unitName", false),
        NOMINEE_NAME("nomineeName", false), STATUS("status", false), DECISION_CODE("decisionCode", false);

        final String param;
        final boolean descendingByDefault;

        Sort(String param, boolean descendingByDefault) {
            this.param = param;
            this.descendingByDefault = descendingByDefault;
        }

        static String names() {
            return Arrays.stream(values()).map(s -> s.param).collect(Collectors.joining(", "));
        }
    }

    /** Reads the query string: {@code kind, campaign, year, unit, group, award, nominee, status, decision, actor, from, to, page, size, sort}. */
    static CaseQuery parse(Map<String, String> params) {
        CaseLabels.Kind kind = kind(text(params, "kind"));
        String status = status(kind, text(params, "status"));
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("Ngày bắt đầu (from) phải trước hoặc trùng ngày kết thúc (to).");
        }
        Filter filter = new Filter(kind, text(params, "campaign"), year(params), text(params, "unit"),
                text(params, "group"), text(params, "award"), text(params, "nominee"), status,
                text(params, "decision"), text(params, "actor"), from, to);
        int page = integer(params, "page", 0, 0, Integer.MAX_VALUE,
                "Số trang (page) phải là số nguyên từ 0 trở lên.");
        int size = integer(params, "size", DEFAULT_SIZE, 1, MAX_SIZE,
                "Số dòng mỗi trang (size) phải là số nguyên từ 1 đến " + MAX_SIZE + ".");
        String sortParam = text(params, "sort");
        if (sortParam == null) {
            return new CaseQuery(filter, Sort.STARTED_AT, true, page, size);
        }
        String[] parts = sortParam.split(",", -1);
        if (parts.length > 2) {
            throw badSort();
        }
        Sort sort = Arrays.stream(Sort.values()).filter(s -> s.param.equals(parts[0].trim())).findFirst()
                .orElseThrow(CaseQuery::badSort);
        boolean descending = sort.descendingByDefault;
        if (parts.length == 2) {
            descending = switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw ApiException.badRequest(
                        "Chiều sắp xếp phải là asc (tăng dần) hoặc desc (giảm dần), ví dụ sort=startedAt,desc.");
            };
        }
        return new CaseQuery(filter, sort, descending, page, size);
    }

    long offset() {
        return (long) page * size;
    }

    private static ApiException badSort() {
        return ApiException.badRequest("Không sắp xếp được theo trường đã chọn (sort): chọn một trong " + Sort.names()
                + ", có thể kèm chiều ,asc hoặc ,desc.");
    }

    private static CaseLabels.Kind kind(String code) {
        if (code == null) {
            return null;
        }
        return CaseLabels.Kind.of(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> ApiException.badRequest(
                "Loại hồ sơ (kind) không có: chọn một trong " + Arrays.stream(CaseLabels.Kind.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }

    private static String status(CaseLabels.Kind kind, String code) {
        if (code == null) {
            return null;
        }
        String status = code.toUpperCase(Locale.ROOT);
        boolean known = kind == null ? CaseLabels.anyKindHasStatus(status) : kind.hasStatus(status);
        if (!known) {
            throw ApiException.badRequest(kind == null
                    ? "Trạng thái (status) không có ở loại hồ sơ nào."
                    : "Trạng thái (status) không có ở loại hồ sơ \"" + kind.label() + "\".");
        }
        return status;
    }

    private static Integer year(Map<String, String> params) {
        String value = text(params, "year");
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}")) {
            throw ApiException.badRequest("Năm (year) phải là số có bốn chữ số, ví dụ 2025.");
        }
        return Integer.valueOf(value);
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Ngày (" + name + ") phải là một ngày có thật, dạng yyyy-MM-dd, ví dụ 2026-12-01.");
        }
    }

    private static int integer(Map<String, String> params, String name, int absent, int min, int max, String message) {
        String value = text(params, name);
        if (value == null) {
            return absent;
        }
        if (!value.matches("\\d{1,10}")) {
            throw ApiException.badRequest(message);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw ApiException.badRequest(message);
        }
        return (int) number;
    }

    /** A text filter, trimmed and in composed Unicode (as the records are); blank is no filter. */
    private static String text(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ApiException.badRequest("Giá trị tìm kiếm (" + name + ") dài quá " + MAX_TEXT + " ký tự.");
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }
}

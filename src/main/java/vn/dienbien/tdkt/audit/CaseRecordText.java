package vn.dienbien.tdkt.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Lời văn của hồ sơ kiểm tra: the Vietnamese words and the date format an official reads in a case's
 * exported record — what an integrity verdict or an event's source is called, and times as
 * dd/MM/yyyy in Asia/Ho_Chi_Minh.
 */
final class CaseRecordText {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String NONE = "—";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private CaseRecordText() {
    }

    /** Dấu niêm phong of one entry: OK, CHANGED, REMOVED, UNSEALED in words. */
    static String integrity(String code) {
        if (code == null) {
            return "Không rõ";
        }
        return switch (code) {
            case "OK" -> "Nguyên vẹn";
            case "CHANGED" -> "Đã bị sửa";
            case "REMOVED" -> "Đã bị xóa";
            case "UNSEALED" -> "Chưa niêm phong";
            default -> code;
        };
    }

    /** Nguồn of an entry: the engine's history, our records, or the Front's comments. */
    static String source(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "ENGINE" -> "Lịch sử quy trình";
            case "RECORD" -> "Hồ sơ nghiệp vụ";
            case "COMMENT" -> "Ý kiến giám sát";
            default -> code;
        };
    }

    /** 01/03/2025 08:15 in Vietnam's time, or a dash. */
    static String dateTime(OffsetDateTime at) {
        return at == null ? NONE : at.atZoneSameInstant(ZONE).format(DATE_TIME);
    }

    /** 01/03/2025 08:15:42 in Vietnam's time, or a dash. */
    static String dateTimeSeconds(OffsetDateTime at) {
        return at == null ? NONE : at.atZoneSameInstant(ZONE).format(DATE_TIME_SECONDS);
    }

    /** ISO-8601 with Vietnam's offset (2025-03-01T08:15:42+07:00), or null. */
    static String iso(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The text, or a dash when there is none. */
    static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    /** "Lò Thị Xuân (canbo.syt)", the id alone, or a dash. */
    static String person(String name, String id) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasId = id != null && !id.isBlank();
        if (hasName && hasId && !name.equals(id)) {
            return name + " (" + id + ")";
        }
        return hasName ? name : hasId ? id : NONE;
    }
}

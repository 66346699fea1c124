package vn.dienbien.tdkt.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.dienbien.tdkt.dossier.DossierStatus;

/**
 * Loại hồ sơ và trạng thái: the kinds of case an auditor searches and the Vietnamese names of their
 * statuses, as the search shows them and as its {@code kind} and {@code status} filters accept them.
 */
final class CaseLabels {

    /** A kind of case: its code in {@link CaseSummary#kind()}, its name, and its statuses by code. */
    enum Kind {
        LAUNCH_PLAN("Kế hoạch phát động", Map.of(
                "NOT_SENT", "Chưa gửi",
                "SENT", "Đã gửi, chờ thẩm định",
                "RETURNED", "Bị trả lại để chỉnh sửa",
                "ACCEPTED", "Đã tiếp nhận")),
        DOSSIER("Hồ sơ khen thưởng", dossierStatuses()),
        COUNCIL_SESSION("Phiên họp Hội đồng", Map.of(
                "VOTING", "Đang biểu quyết",
                "TALLIED", "Đã tổng hợp kết quả biểu quyết",
                "SUBMITTED", "Đã trình Chủ tịch UBND tỉnh",
                "RETURNED_BY_CHAIRMAN", "Chủ tịch UBND tỉnh trả lại",
                "DECIDED", "Đã có quyết định khen thưởng",
                "ADJOURNED", "Hoãn (không đủ số thành viên)")),
        EVALUATION("Đánh giá, bình xét", Map.of(
                "OPEN", "Đang đánh giá, bình xét",
                "CLOSED", "Đã kết thúc")),
        REVIEW("Sơ kết, tổng kết", Map.of(
                "DRAFT", "Dự thảo",
                "SUBMITTED", "Đã trình phê duyệt",
                "APPROVED", "Đã phê duyệt")),
        /** Đề nghị thu hồi, hủy bỏ khen thưởng (revocation/RevocationStatus: REQUESTED … APPROVED). */
        REVOCATION("Thu hồi, hủy bỏ khen thưởng", Map.of(
                "REQUESTED", "Chờ lãnh đạo Ban TĐKT kiểm tra",
                "FORWARDED", "Đã trình Chủ tịch UBND tỉnh",
                "STOPPED", "Lãnh đạo Ban TĐKT dừng đề nghị",
                "REJECTED", "Chủ tịch UBND tỉnh không đồng ý thu hồi, hủy bỏ",
                "APPROVED", "Đã quyết định thu hồi, hủy bỏ khen thưởng"));

        private final String label;
        private final Map<String, String> statuses;

        Kind(String label, Map<String, String> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        String label() {
            return label;
        }

        boolean hasStatus(String status) {
            return statuses.containsKey(status);
        }

        /** The status's Vietnamese name; the code itself for a status this module does not know yet. */
        String statusLabel(String status) {
            return status == null ? null : statuses.getOrDefault(status, status);
        }

        static Optional<Kind> of(String code) {
            return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
        }
    }

    /** Sơ kết (giữa kỳ) or tổng kết: the name of a review by its kind. */
    static String reviewName(String reviewKind) {
        return "FINAL".equals(reviewKind) ? "Tổng kết" : "Sơ kết";
    }

    /** "Thu hồi" or "Hủy bỏ": the verb of a revocation case by its kind (decision/AnnulmentKind REVOKE or ANNUL). */
    static String revocationVerb(String annulmentKind) {
        return "ANNUL".equals(annulmentKind) ? "Hủy bỏ" : "Thu hồi";
    }

    /** Whether any kind has this status (the filter without a kind). */
    static boolean anyKindHasStatus(String status) {
        return Arrays.stream(Kind.values()).anyMatch(k -> k.hasStatus(status));
    }

    private CaseLabels() {
    }

    private static Map<String, String> dossierStatuses() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (DossierStatus status : DossierStatus.values()) {
            labels.put(status.name(), capitalised(status.label()));
        }
        return labels;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package vn.dienbien.tdkt.revocation;

/** Trạng thái đề nghị thu hồi, hủy bỏ khen thưởng. */
enum RevocationStatus {
    /** Chờ lãnh đạo Ban TĐKT kiểm tra. */
    REQUESTED("chờ lãnh đạo Ban TĐKT kiểm tra"),
    /** Đã trình Chủ tịch UBND tỉnh. */
    FORWARDED("đã trình Chủ tịch UBND tỉnh"),
    /** Lãnh đạo Ban dừng đề nghị: khen thưởng giữ nguyên. */
    STOPPED("lãnh đạo Ban TĐKT dừng đề nghị"),
    /** Chủ tịch không đồng ý: khen thưởng giữ nguyên. */
    REJECTED("Chủ tịch UBND tỉnh không đồng ý thu hồi, hủy bỏ"),
    /** Chủ tịch quyết định thu hồi, hủy bỏ. */
    APPROVED("đã quyết định thu hồi, hủy bỏ");

    private final String label;

    RevocationStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}

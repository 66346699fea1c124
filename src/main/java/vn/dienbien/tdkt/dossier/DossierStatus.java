package vn.dienbien.tdkt.dossier;

/** Trạng thái hồ sơ đề nghị khen thưởng. */
public enum DossierStatus {
    /** Đã lập, chờ thủ trưởng đơn vị xác nhận. */
    AWAITING_HEAD("chờ thủ trưởng xác nhận"),
    /** Đã gửi Ban TĐKT, đang thẩm định. */
    UNDER_APPRAISAL("đang thẩm định"),
    /** Trả lại để bổ sung. */
    RETURNED("trả lại bổ sung"),
    /** Đủ điều kiện, chờ Hội đồng xét. */
    ACCEPTED("đủ điều kiện, chờ Hội đồng xét"),
    /** Không đủ điều kiện (dừng ở thẩm định). */
    NOT_ELIGIBLE("không đủ điều kiện"),
    /** Đơn vị rút hồ sơ. */
    WITHDRAWN("đơn vị rút hồ sơ"),
    /** Được khen thưởng. */
    AWARDED("được khen thưởng"),
    /** Không được khen thưởng. */
    NOT_AWARDED("không được khen thưởng");

    private final String label;

    DossierStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package vn.dienbien.tdkt.plan;

/** Where a unit's launch plan stands in the Board's review. */
public enum LaunchPlanStatus {
    /** Chưa gửi. */
    NOT_SENT,
    /** Đã gửi, chờ thẩm định. */
    SENT,
    /** Bị trả lại để chỉnh sửa. */
    RETURNED,
    /** Đã tiếp nhận. */
    ACCEPTED
}

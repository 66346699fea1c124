package vn.dienbien.tdkt.campaign;

/** Trạng thái đợt thi đua. */
public enum CampaignStatus {
    /** Đã khai báo, chưa mở. */
    DRAFT,
    /** Đã mở: các đơn vị đã nhận nhiệm vụ gửi kế hoạch. */
    OPEN
}

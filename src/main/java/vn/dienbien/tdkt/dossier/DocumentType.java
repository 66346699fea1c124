package vn.dienbien.tdkt.dossier;

/** Thành phần hồ sơ đề nghị khen thưởng. */
public enum DocumentType {
    /** Tờ trình đề nghị khen thưởng. */
    TO_TRINH("Tờ trình đề nghị khen thưởng"),
    /** Báo cáo thành tích (có xác nhận của cấp trình). */
    BAO_CAO_THANH_TICH("Báo cáo thành tích"),
    /** Biên bản họp Hội đồng thi đua – khen thưởng của cấp trình, có kết quả biểu quyết. */
    BIEN_BAN_HOI_DONG("Biên bản họp Hội đồng thi đua – khen thưởng (có kết quả biểu quyết)"),
    /** Biên bản họp cụm/khối bình xét, suy tôn đơn vị dẫn đầu. */
    BIEN_BAN_KHOI("Biên bản họp cụm/khối bình xét, suy tôn (ghi rõ cụm/khối dẫn đầu)"),
    /** Danh sách hộ gia đình. */
    DANH_SACH_HO("Danh sách hộ gia đình"),
    /** Báo cáo thành tích của hộ gia đình. */
    BAO_CAO_HO("Báo cáo thành tích của hộ gia đình");

    private final String label;

    DocumentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

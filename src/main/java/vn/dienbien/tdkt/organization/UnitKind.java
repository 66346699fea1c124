package vn.dienbien.tdkt.organization;

/** Loại đơn vị tham gia phong trào thi đua. */
public enum UnitKind {
    /** Sở. */
    DEPARTMENT,
    /** Cơ quan, ban, ngành tỉnh. */
    AGENCY,
    /** Đoàn thể, tổ chức chính trị – xã hội. */
    MASS_ORGANIZATION,
    /** UBND huyện, thị xã, thành phố. */
    DISTRICT,
    /** Doanh nghiệp. */
    ENTERPRISE,
    /** Trường chuyên nghiệp. */
    COLLEGE
}

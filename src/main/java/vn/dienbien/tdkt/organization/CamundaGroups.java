package vn.dienbien.tdkt.organization;

import java.util.Locale;

/** Ids of the Camunda groups derived from the registry. */
public final class CamundaGroups {

    /** Ban Thi đua – Khen thưởng tỉnh. */
    public static final String BOARD = "ban-tdkt";
    /** Lãnh đạo Ban Thi đua – Khen thưởng. */
    public static final String BOARD_HEAD = "lanh-dao-ban-tdkt";
    /** Hội đồng Thi đua – Khen thưởng tỉnh. */
    public static final String COUNCIL = "hoi-dong-tdkt";
    /** Thường trực Hội đồng. */
    public static final String COUNCIL_STANDING = "thuong-truc-hoi-dong";
    /** Chủ tịch UBND tỉnh. */
    public static final String CHAIRMAN = "chu-tich-ubnd";
    /** Văn thư UBND tỉnh: vào số, ngày ký quyết định, đính kèm bản đã ký. */
    public static final String CLERK = "van-thu-ubnd";
    /** Ủy ban MTTQ Việt Nam tỉnh (giám sát). */
    public static final String FATHERLAND_FRONT = "mttq-giam-sat";
    /** Kiểm tra viên: chỉ đọc lịch sử. */
    public static final String AUDITORS = "kiem-tra";
    /** Quản trị hệ thống (Camunda's own admin group). */
    public static final String ADMINISTRATORS = "camunda-admin";

    /** The groups of roles (not of one unit), as provisioned at every start. */
    public static final java.util.Set<String> ROLES = java.util.Set.of(BOARD, BOARD_HEAD, COUNCIL, COUNCIL_STANDING,
            CHAIRMAN, CLERK, FATHERLAND_FRONT, AUDITORS, ADMINISTRATORS);

    static final String UNIT_PREFIX = "donvi.";
    static final String HEADS_PREFIX = "thutruong.";

    private CamundaGroups() {
    }

    /** The group of one unit's people, e.g. {@code donvi.syt}. */
    public static String ofUnit(String unitCode) {
        return UNIT_PREFIX + unitCode.toLowerCase(Locale.ROOT);
    }

    /** The group of one unit's heads (thủ trưởng), e.g. {@code thutruong.syt}. */
    public static String headsOf(String unitCode) {
        return HEADS_PREFIX + unitCode.toLowerCase(Locale.ROOT);
    }
}

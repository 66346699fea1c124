package vn.dienbien.tdkt.organization;

/**
 * Roles an official holds; each maps to one Camunda group. Unit roles also put the official
 * into the unit's own group.
 */
public enum Role {
    /** Cán bộ phụ trách thi đua – khen thưởng của đơn vị. */
    UNIT_OFFICER(null),
    /** Thủ trưởng đơn vị. */
    UNIT_HEAD(null),
    /** Chuyên viên Ban Thi đua – Khen thưởng (Sở Nội vụ). */
    BOARD_OFFICER(CamundaGroups.BOARD),
    /** Trưởng Ban Thi đua – Khen thưởng. */
    BOARD_HEAD(CamundaGroups.BOARD_HEAD),
    /** Ủy viên Hội đồng Thi đua – Khen thưởng tỉnh. */
    COUNCIL_MEMBER(CamundaGroups.COUNCIL),
    /** Thường trực Hội đồng Thi đua – Khen thưởng tỉnh. */
    COUNCIL_STANDING(CamundaGroups.COUNCIL_STANDING),
    /** Chủ tịch UBND tỉnh. */
    CHAIRMAN(CamundaGroups.CHAIRMAN),
    /** Văn thư UBND tỉnh: vào số và ngày ký quyết định khen thưởng. */
    CLERK(CamundaGroups.CLERK),
    /** Ủy ban MTTQ Việt Nam tỉnh: giám sát, chỉ đọc. */
    FATHERLAND_FRONT(CamundaGroups.FATHERLAND_FRONT),
    /** Kiểm tra, thanh tra: đọc lịch sử. */
    AUDITOR(CamundaGroups.AUDITORS),
    /** Quản trị hệ thống: triển khai quy trình. */
    ADMINISTRATOR(CamundaGroups.ADMINISTRATORS);

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** Oversight roles (giám sát, kiểm tra) read everything they may and never write. */
    public boolean isOversight() {
        return this == FATHERLAND_FRONT || this == AUDITOR;
    }

    /** The Camunda role group, or null for roles that only mean membership of the unit's group. */
    public String group() {
        return group;
    }
}

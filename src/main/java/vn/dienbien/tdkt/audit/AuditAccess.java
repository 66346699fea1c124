package vn.dienbien.tdkt.audit;

import java.util.List;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Who reads the audit pages: inspectors (kiểm tra), the Fatherland Front (giám sát), the Board and
 * administrators. Only the Front writes here, and only comments; auditors change nothing at all.
 */
final class AuditAccess {

    static final List<String> READERS = List.of(CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT,
            CamundaGroups.BOARD, CamundaGroups.BOARD_HEAD, CamundaGroups.ADMINISTRATORS);

    private AuditAccess() {
    }

    static void requireReader(CurrentUser user) {
        if (!user.inAnyGroup(READERS)) {
            throw ApiException.forbidden("Tra cứu lịch sử hồ sơ dành cho kiểm tra viên, Ủy ban MTTQ tỉnh "
                    + "và Ban Thi đua – Khen thưởng.");
        }
    }

    static boolean mayComment(CurrentUser user) {
        return user.inGroup(CamundaGroups.FATHERLAND_FRONT);
    }

    static void requireCommenter(CurrentUser user) {
        if (!mayComment(user)) {
            throw ApiException.forbidden("Chỉ Ủy ban MTTQ tỉnh (giám sát) được ghi ý kiến vào hồ sơ.");
        }
    }
}

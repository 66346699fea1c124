package vn.dienbien.tdkt.migration;

import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/** Who moves cases between versions: system administrators only (camunda-admin), who deploy the versions. */
final class MigrationAccess {

    private MigrationAccess() {
    }

    static void requireAdministrator(CurrentUser user) {
        if (!user.inGroup(CamundaGroups.ADMINISTRATORS)) {
            throw ApiException.forbidden("Chuyển phiên bản quy trình dành cho quản trị hệ thống.");
        }
    }

    /** The record of migrations is read by administrators and by the oversight roles (kiểm tra, giám sát). */
    static void requireHistoryReader(CurrentUser user) {
        if (!user.inAnyGroup(java.util.List.of(CamundaGroups.ADMINISTRATORS, CamundaGroups.AUDITORS,
                CamundaGroups.FATHERLAND_FRONT))) {
            throw ApiException.forbidden("Lịch sử chuyển phiên bản quy trình dành cho quản trị hệ thống, kiểm tra viên"
                    + " và Ủy ban MTTQ tỉnh.");
        }
    }
}

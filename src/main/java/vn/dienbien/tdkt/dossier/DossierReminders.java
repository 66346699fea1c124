package vn.dienbien.tdkt.dossier;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.campaign.CampaignService;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.platform.ApiException;

/** Nhắc Ban TĐKT: a dossier's time limit is near; the date reads as the campaign's clock reads it. */
@Component
class DossierReminders {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DossierRepository dossiers;
    private final CampaignService campaigns;
    private final NotificationService notifications;

    DossierReminders(DossierRepository dossiers, CampaignService campaigns, NotificationService notifications) {
        this.dossiers = dossiers;
        this.campaigns = campaigns;
        this.notifications = notifications;
    }

    @Transactional
    public void remindBoardOfDue(Long dossierId) {
        Dossier dossier = dossiers.findById(dossierId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + dossierId + "."));
        if (dossier.getStatus() == DossierStatus.AWARDED || dossier.getStatus() == DossierStatus.NOT_AWARDED) {
            // Decided: the case only waits for its job that tells the unit; there is no deadline left to remind of.
            return;
        }
        String body = dossier.getDueAt() == null ? "Hồ sơ sắp hết thời hạn giải quyết."
                : "Hạn giải quyết: trước ngày " + LocalDateTime.ofInstant(dossier.getDueAt(),
                        campaigns.get(dossier.getCampaignId()).zone()).format(VN_DATE) + ".";
        notifications.notifyGroup(CamundaGroups.BOARD, "DOSSIER_DUE_SOON",
                "Hồ sơ " + dossier.getNomineeName() + " sắp hết thời hạn giải quyết", body);
    }
}

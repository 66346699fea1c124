package vn.dienbien.tdkt.campaign;

/** Published in the opening transaction: every participating unit gets its launch-plan case. */
public record CampaignOpened(Long campaignId, String openedBy) {
}

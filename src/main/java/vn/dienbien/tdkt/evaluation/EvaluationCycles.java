package vn.dienbien.tdkt.evaluation;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.CampaignOpened;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/** Opening a campaign starts its yearly-evaluation cycle: one timer per year of the period. */
@Component
class EvaluationCycles {

    private final CampaignRepository campaigns;
    private final RuntimeService runtimeService;

    EvaluationCycles(CampaignRepository campaigns, RuntimeService runtimeService) {
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
    }

    @EventListener
    void on(CampaignOpened event) {
        var campaign = campaigns.findById(event.campaignId()).orElseThrow();
        runtimeService.startProcessInstanceByKey(WorkflowKeys.EVALUATION_CYCLE, EvaluationDelegates.EvaluationSchedule.CYCLE_KEY_PREFIX + campaign.getCode(),
                Map.of("campaignId", campaign.getId(), "nextYear", campaign.getPeriodStartYear(),
                        "campaignCode", campaign.getCode()));
    }
}

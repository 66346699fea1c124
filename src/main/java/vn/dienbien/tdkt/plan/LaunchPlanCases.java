package vn.dienbien.tdkt.plan;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignOpened;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.organization.CaseAccess;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Opening a campaign starts one launch-plan case per participating unit, in the opening
 * transaction: either every unit has its case or none has. The case links itself to its plan as it
 * starts ({@code linkLaunchPlanCase}), before its first step asks for the plan.
 */
@Component
class LaunchPlanCases {

    private static final Logger log = LoggerFactory.getLogger(LaunchPlanCases.class);

    private final CampaignRepository campaigns;
    private final OrgUnitRepository units;
    private final LaunchPlanRepository plans;
    private final RuntimeService runtimeService;
    private final CaseAccess caseAccess;

    LaunchPlanCases(CampaignRepository campaigns, OrgUnitRepository units, LaunchPlanRepository plans,
            RuntimeService runtimeService, CaseAccess caseAccess) {
        this.campaigns = campaigns;
        this.units = units;
        this.plans = plans;
        this.runtimeService = runtimeService;
        this.caseAccess = caseAccess;
    }

    @EventListener
    void on(CampaignOpened event) {
        Campaign campaign = campaigns.findById(event.campaignId()).orElseThrow();
        int started = 0;
        for (OrgUnit unit : units.findByActiveTrueOrderByCode()) {
            LaunchPlan plan = plans.save(new LaunchPlan(campaign.getId(), unit.getId()));
            Map<String, Object> variables = new HashMap<>();
            variables.put(LaunchPlanVariables.LAUNCH_PLAN_ID, plan.getId());
            variables.put(LaunchPlanVariables.CAMPAIGN_CODE, campaign.getCode());
            variables.put(LaunchPlanVariables.UNIT_GROUP, unit.camundaGroup());
            variables.put(LaunchPlanVariables.UNIT_NAME, unit.getName());
            variables.put(LaunchPlanVariables.DEADLINE, Date.from(campaign.getLaunchPlanDeadline()));
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.LAUNCH_PLAN,
                    campaign.getCode() + " | " + unit.getCode(), variables);
            caseAccess.grantUnitRead(unit.camundaGroup(), instance.getId());
            started++;
        }
        log.info("Campaign {} opened by {}: {} launch-plan cases", campaign.getCode(), event.openedBy(), started);
    }
}

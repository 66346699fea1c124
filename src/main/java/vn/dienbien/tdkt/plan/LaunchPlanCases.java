package vn.dienbien.tdkt.plan;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.organization.CaseAccess;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.organization.OrgUnitRepository;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * A declared round starts one case per participating unit, in the declaring transaction: either
 * every unit has its case or none has. The case links itself to its record as it starts
 * ({@code linkLaunchPlanCase}), before its first step asks for it.
 */
@Component
class LaunchPlanCases {

    private static final Logger log = LoggerFactory.getLogger(LaunchPlanCases.class);

    private final OrgUnitRepository units;
    private final LaunchPlanRepository plans;
    private final RuntimeService runtimeService;
    private final CaseAccess caseAccess;

    LaunchPlanCases(OrgUnitRepository units, LaunchPlanRepository plans, RuntimeService runtimeService,
            CaseAccess caseAccess) {
        this.units = units;
        this.plans = plans;
        this.runtimeService = runtimeService;
        this.caseAccess = caseAccess;
    }

    void start(Campaign campaign, ReportingRound round) {
        int started = 0;
        for (OrgUnit unit : units.findByActiveTrueOrderByCode()) {
            LaunchPlan plan = plans.save(new LaunchPlan(campaign.getId(), round.getId(), unit.getId()));
            Map<String, Object> variables = new HashMap<>();
            variables.put(LaunchPlanVariables.LAUNCH_PLAN_ID, plan.getId());
            variables.put(LaunchPlanVariables.CAMPAIGN_CODE, campaign.getCode());
            variables.put(LaunchPlanVariables.UNIT_GROUP, unit.camundaGroup());
            variables.put(LaunchPlanVariables.UNIT_NAME, unit.getName());
            variables.put(LaunchPlanVariables.DEADLINE, Date.from(round.getDueAt()));
            variables.put(LaunchPlanVariables.ROUND_TITLE, round.getTitle());
            variables.put(LaunchPlanVariables.ROUND_SUBJECT, round.subject());
            variables.put(LaunchPlanVariables.ROUND_LABEL, round.label());
            variables.put(LaunchPlanVariables.ROUND_DOCUMENT, round.document());
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(WorkflowKeys.LAUNCH_PLAN,
                    businessKey(campaign, round, unit), variables);
            caseAccess.grantUnitRead(unit.camundaGroup(), instance.getId());
            started++;
        }
        log.info("Campaign {}: round {} \"{}\" declared by {}: {} unit cases", campaign.getCode(), round.getId(),
                round.getTitle(), round.getDeclaredBy(), started);
    }

    /** "DEMO/KH-UBND | SYT" for the launch plan (as before rounds), "DEMO/KH-UBND | BC6T-2031 | SYT" for a report. */
    static String businessKey(Campaign campaign, ReportingRound round, OrgUnit unit) {
        if (round.getKind() == ReportKind.LAUNCH_PLAN) {
            return campaign.getCode() + " | " + unit.getCode();
        }
        return campaign.getCode() + " | " + round.getKind().keyPart(round.getId(), round.getPeriodYear()) + " | "
                + unit.getCode();
    }

    /** A closed round waits no longer: the cases of units that have not sent, or are revising, end. */
    void endWaiting(ReportingRound round, List<LaunchPlan> roundPlans) {
        for (LaunchPlan plan : roundPlans) {
            boolean waitingForUnit = plan.getStatus() == LaunchPlanStatus.NOT_SENT
                    || plan.getStatus() == LaunchPlanStatus.RETURNED;
            if (waitingForUnit && plan.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(plan.getProcessInstanceId()).count() > 0) {
                runtimeService.deleteProcessInstance(plan.getProcessInstanceId(),
                        "Ban Thi đua – Khen thưởng kết thúc đợt \"" + round.getTitle() + "\"");
            }
        }
    }
}

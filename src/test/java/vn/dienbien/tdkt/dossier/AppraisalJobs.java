package vn.dienbien.tdkt.dossier;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * When the eligibility table cannot run at the head's confirmation (or the unit's resend), the case checks again
 * in a job of its own, "Kiểm tra lại điều kiện khen thưởng (tác vụ nền)" (asyncBefore, retried); job execution is
 * off in tests, so a test runs that job here, as the job executor does within a second in the application.
 */
public final class AppraisalJobs {

    /** The step the job runs before. */
    public static final String ACTIVITY = "Task_EvaluateRulesInJob";

    private AppraisalJobs() {
    }

    /** The case's jobs before the second eligibility check (one after a failed table, none otherwise). */
    public static List<Job> pending(ManagementService managementService, String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(ACTIVITY).list();
    }

    /** Runs the case's job before the second eligibility check, if there is one; a failure is thrown as the job threw it. */
    public static int run(ManagementService managementService, String processInstanceId) {
        int executed = 0;
        for (Job job : pending(managementService, processInstanceId)) {
            managementService.executeJob(job.getId());
            executed++;
        }
        return executed;
    }
}

package vn.dienbien.tdkt.dossier;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * After the head confirms a dossier (or the unit resends it), "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng"
 * and the Board's "Thẩm định hồ sơ" come in a job of the case (asyncBefore); job execution is off in tests, so a
 * test runs that job here, as the job executor does within a second in the application.
 */
public final class AppraisalJobs {

    /** The step the job runs before. */
    public static final String ACTIVITY = "Task_EvaluateRules";

    private AppraisalJobs() {
    }

    /** The case's jobs before the eligibility check (one after a confirmation or a resend, none otherwise). */
    public static List<Job> pending(ManagementService managementService, String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(ACTIVITY).list();
    }

    /** Runs the case's job before the eligibility check, if there is one; a failure is thrown as the job threw it. */
    public static int run(ManagementService managementService, String processInstanceId) {
        int executed = 0;
        for (Job job : pending(managementService, processInstanceId)) {
            managementService.executeJob(job.getId());
            executed++;
        }
        return executed;
    }
}

package vn.dienbien.tdkt.plan;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reminder dates for the multi-instance reminder timers of the launch-plan process:
 * {@code ${launchPlanSchedule.remindersFor(execution)}}. Public because the expression language
 * calls it reflectively.
 */
@Component("launchPlanSchedule")
public class LaunchPlanSchedule {

    private final LaunchPlanService service;

    LaunchPlanSchedule(LaunchPlanService service) {
        this.service = service;
    }

    /** Lịch nhắc hạn: the configured days before the deadline that are still ahead. */
    public List<Date> remindersFor(DelegateExecution execution) {
        return service.reminderTimes(LaunchPlanDelegates.planOf(execution, service)).stream().map(Date::from).toList();
    }
}

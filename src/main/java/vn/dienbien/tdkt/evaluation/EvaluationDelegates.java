package vn.dienbien.tdkt.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.Campaign;
import vn.dienbien.tdkt.campaign.CampaignRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.FormPayloads;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;

/**
 * The thin adapters of bpmn/yearly-evaluation.bpmn and bpmn/evaluation-cycle.bpmn. A unit's step is
 * recorded when its task completes (a task listener), for the unit the task was created for and the
 * round of the case — never for a unit or round named by a variable.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

    /** Variables only the system sets: the case's links to its records, the elements of its loops, its outcomes. */
    @Bean
    ProtectedVariables evaluationProtectedVariables() {
        return ProtectedVariables.of(EvaluationTasks.ROUND_ID, EvaluationTasks.YEAR, EvaluationTasks.CAMPAIGN_ID,
                "campaignCode", EvaluationTasks.UNIT_CODE, EvaluationTasks.DEPARTMENT_CODE, EvaluationTasks.BLOCK_CODE,
                "flagDossierId", "nextYear");
    }

    /** Start of a round's case: links the round to it. */
    @Bean
    ExecutionListener attachEvaluationRound(BlockEvaluations evaluations) {
        return execution -> {
            if (!(execution.getVariable(EvaluationTasks.ROUND_ID) instanceof Long roundId)) {
                throw ApiException.badRequest("Kỳ đánh giá năm chỉ được mở bởi Ban Thi đua – Khen thưởng "
                        + "(POST /api/campaigns/{id}/evaluation-rounds) hoặc theo lịch của đợt thi đua.");
            }
            evaluations.attachCase(roundId, execution.getProcessInstanceId());
        };
    }

    /**
     * A task of the round is created: the diagram's fixed name gets the round's year (and, for the
     * block leader's review, the block), the description names the unit — all read from the case's
     * round and the unit the task was created for, so Tasklist lists stay as before.
     */
    @Bean
    TaskListener evaluationTaskCreated(EvaluationTasks tasks) {
        return task -> {
            var subject = tasks.subjectOf(task);
            task.setName(subject.name());
            task.setDescription(subject.description());
        };
    }

    /** "Tự chấm điểm" completed: the unit's scores with evidence. */
    @Bean
    TaskListener selfAssessmentCompleted(EvaluationTasks tasks, EvaluationSteps steps) {
        return task -> {
            var done = tasks.unitTask(task, EvaluationTasks.UNIT_CODE, true);
            steps.selfAssess(done.round(), done.unit(), consume(task, "selfScores"));
        };
    }

    /** "Trưởng khối rà soát, điều chỉnh điểm" completed: the adjustments, each with its reason; the vote opens. */
    @Bean
    TaskListener blockReviewCompleted(EvaluationTasks tasks, EvaluationSteps steps, Blocks blocks) {
        return task -> {
            var done = tasks.leaderTask(task);
            steps.review(done.round(), blocks.groupOf(done.unit()), consume(task, "adjustments"), done.actor());
        };
    }

    /** "Bỏ phiếu suy tôn" completed: the unit's vote. */
    @Bean
    TaskListener blockVoteCompleted(EvaluationTasks tasks, EvaluationSteps steps) {
        return task -> {
            var done = tasks.unitTask(task, EvaluationTasks.UNIT_CODE, true);
            steps.vote(done.round(), done.unit(), text(task, "votedUnit"), done.actor());
        };
    }

    /** "Nhập số liệu thực hiện chỉ tiêu" completed: the department's values for the round's year. */
    @Bean
    TaskListener targetValuesCompleted(EvaluationTasks tasks, TargetProgress targets, ObjectMapper json) {
        return task -> {
            var done = tasks.unitTask(task, EvaluationTasks.DEPARTMENT_CODE, false);
            EvaluationSteps.requireOpen(done.round());
            targets.enterYear(done.round().getCampaignId(), done.unit().getId(), done.round().getYear(),
                    parseValues(json, consume(task, "targetValues")), done.actor());
        };
    }

    /**
     * A form's whole payload, read once and removed in the same transaction: the engine never stores
     * it (its text column holds 4,000 characters) and history keeps no copy (FormPayloads).
     */
    private static String consume(org.camunda.bpm.engine.delegate.DelegateTask task, String name) {
        String value = text(task, name);
        task.removeVariable(name);
        return value;
    }

    @Bean
    FormPayloads evaluationFormPayloads() {
        return FormPayloads.of("selfScores", "adjustments", "targetValues");
    }

    /** A form's value: text, or nothing. */
    private static String text(org.camunda.bpm.engine.delegate.DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badRequest("Dữ liệu biểu mẫu \"" + name + "\" phải là văn bản.");
        }
        return (String) value;
    }

    private static List<TargetProgress.EnteredValue> parseValues(ObjectMapper json, String given) {
        if (given == null || given.isBlank()) {
            return List.of();
        }
        try {
            List<TargetProgress.EnteredValue> values = json.readValue(given, new TypeReference<>() { });
            return values == null ? List.of() : values;
        } catch (Exception e) {
            throw ApiException.badRequest("Số liệu chỉ tiêu không đọc được.");
        }
    }

    /**
     * "Tổng hợp kết quả, lập biên bản, mở hồ sơ Cờ thi đua": the system's act — it starts a
     * dossier case for the elected unit, whoever cast the last vote.
     */
    @Bean
    JavaDelegate concludeBlock(BlockEvaluations evaluations, Blocks blocks) {
        return execution -> {
            EvaluationRound round = evaluations.roundOfCase(execution.getProcessInstanceId());
            var group = blocks.group((String) execution.getVariable(EvaluationTasks.BLOCK_CODE));
            Long dossierId = ProcessActors.asSystem(() -> evaluations.conclude(round, group));
            execution.setVariable("flagDossierId", dossierId);
        };
    }

    /** "Kết thúc kỳ đánh giá". */
    @Bean
    JavaDelegate closeEvaluationRound(BlockEvaluations evaluations) {
        return execution -> evaluations.closeRound(evaluations.roundOfCase(execution.getProcessInstanceId()));
    }

    /** "Mở kỳ đánh giá năm" from the campaign's yearly timer; a round the Board opened already is kept. */
    @Bean
    JavaDelegate openYearlyEvaluation(BlockEvaluations evaluations, EvaluationSchedule schedule) {
        return execution -> {
            Long campaignId = schedule.campaignOf(execution).getId();
            int year = ((Number) execution.getVariable("nextYear")).intValue();
            if (evaluations.roundOf(campaignId, year).isEmpty()) {
                evaluations.openRound(campaignId, year, ProcessActors.SYSTEM);
            }
            execution.setVariable("nextYear", year + 1);
        };
    }

    /** {@code ${evaluationSchedule.dateFor(execution)}} and the end of the cycle. Public for the expressions. */
    @Component("evaluationSchedule")
    public static class EvaluationSchedule {

        static final String CYCLE_KEY_PREFIX = "CK | ";

        private final CampaignRepository campaigns;

        EvaluationSchedule(CampaignRepository campaigns) {
            this.campaigns = campaigns;
        }

        /** The campaign of a yearly cycle, from the case itself: its business key "CK | <campaign code>". */
        Campaign campaignOf(DelegateExecution execution) {
            String key = execution.getProcessBusinessKey();
            String code = key == null || !key.startsWith(CYCLE_KEY_PREFIX) ? null : key.substring(CYCLE_KEY_PREFIX.length());
            return campaigns.findByCode(code == null ? "" : code)
                    .orElseThrow(() -> ApiException.notFound("Chu kỳ đánh giá không gắn với đợt thi đua nào."));
        }

        /** The configured day (MM-dd) of the next year to evaluate, at 00:00 in the campaign's time zone. */
        public Date dateFor(DelegateExecution execution) {
            var campaign = campaignOf(execution);
            int year = ((Number) execution.getVariable("nextYear")).intValue();
            LocalDate day = LocalDate.parse(year + "-" + campaign.getEvaluationMonthDay());
            return Date.from(day.atStartOfDay(campaign.zone()).toInstant());
        }

        public boolean hasMoreYears(DelegateExecution execution) {
            var campaign = campaignOf(execution);
            return ((Number) execution.getVariable("nextYear")).intValue() <= campaign.getPeriodEndYear();
        }
    }
}

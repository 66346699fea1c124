package vn.dienbien.tdkt.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.campaign.CampaignRepository;

/** The thin delegates of bpmn/yearly-evaluation.bpmn and bpmn/evaluation-cycle.bpmn. */
@Configuration(proxyBeanMethods = false)
class EvaluationDelegates {

    /** "Ghi nhận điểm tự chấm". */
    @Bean
    JavaDelegate recordSelfAssessment(BlockEvaluations evaluations) {
        return execution -> evaluations.selfAssess(BlockEvaluations.roundId(execution),
                (String) execution.getVariable("unitCode"), (String) execution.getVariable("selfScores"));
    }

    /** "Ghi nhận điều chỉnh của trưởng khối". */
    @Bean
    JavaDelegate recordAdjustments(BlockEvaluations evaluations) {
        return execution -> evaluations.adjust(BlockEvaluations.roundId(execution),
                (String) execution.getVariable("blockCode"), (String) execution.getVariable("adjustments"),
                ProcessActors.currentUser(execution));
    }

    /** "Ghi nhận phiếu suy tôn". */
    @Bean
    JavaDelegate recordBlockVote(BlockEvaluations evaluations) {
        return execution -> evaluations.vote(BlockEvaluations.roundId(execution),
                (String) execution.getVariable("unitCode"), (String) execution.getVariable("votedUnit"),
                ProcessActors.currentUser(execution));
    }

    /**
     * "Tổng hợp kết quả, lập biên bản, mở hồ sơ Cờ thi đua": the system's act — it starts a
     * dossier case for the elected unit, whoever cast the last vote.
     */
    @Bean
    JavaDelegate concludeBlock(BlockEvaluations evaluations) {
        return execution -> {
            Long dossierId = ProcessActors.asSystem(() -> evaluations.conclude(BlockEvaluations.roundId(execution),
                    (String) execution.getVariable("blockCode")));
            execution.setVariable("flagDossierId", dossierId);
        };
    }

    /** "Ghi nhận số liệu thực hiện chỉ tiêu": the department's values for the round's year. */
    @Bean
    JavaDelegate recordTargetValues(TargetProgress targets, BlockEvaluations evaluations,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return execution -> {
            String given = (String) execution.getVariable("targetValues");
            java.util.List<TargetProgress.EnteredValue> values;
            try {
                values = given == null || given.isBlank() ? java.util.List.of()
                        : json.readValue(given, new com.fasterxml.jackson.core.type.TypeReference<
                                java.util.List<TargetProgress.EnteredValue>>() { });
            } catch (Exception e) {
                throw new org.camunda.bpm.engine.BadUserRequestException("Số liệu chỉ tiêu không đọc được.");
            }
            targets.enterYear(evaluations.campaignOf(BlockEvaluations.roundId(execution)),
                    (String) execution.getVariable("departmentCode"), ((Number) execution.getVariable("year")).intValue(),
                    values, ProcessActors.currentUser(execution));
        };
    }

    /** "Kết thúc kỳ đánh giá". */
    @Bean
    JavaDelegate closeEvaluationRound(BlockEvaluations evaluations) {
        return execution -> evaluations.closeRound(BlockEvaluations.roundId(execution));
    }

    /** "Mở kỳ đánh giá năm" from the campaign's yearly timer; a round the Board opened already is kept. */
    @Bean
    JavaDelegate openYearlyEvaluation(BlockEvaluations evaluations) {
        return execution -> {
            Long campaignId = ((Number) execution.getVariable("campaignId")).longValue();
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

        private final CampaignRepository campaigns;

        EvaluationSchedule(CampaignRepository campaigns) {
            this.campaigns = campaigns;
        }

        /** The configured day (MM-dd) of the next year to evaluate, at 00:00 in Điện Biên. */
        public Date dateFor(DelegateExecution execution) {
            var campaign = campaigns.findById(((Number) execution.getVariable("campaignId")).longValue()).orElseThrow();
            int year = ((Number) execution.getVariable("nextYear")).intValue();
            LocalDate day = LocalDate.parse(year + "-" + campaign.getEvaluationMonthDay());
            return Date.from(day.atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
        }

        public boolean hasMoreYears(DelegateExecution execution) {
            var campaign = campaigns.findById(((Number) execution.getVariable("campaignId")).longValue()).orElseThrow();
            return ((Number) execution.getVariable("nextYear")).intValue() <= campaign.getPeriodEndYear();
        }
    }


}

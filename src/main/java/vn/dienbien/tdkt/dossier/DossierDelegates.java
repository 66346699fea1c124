package vn.dienbien.tdkt.dossier;

import static vn.dienbien.tdkt.dossier.DossierVariables.*;

import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.notification.NotificationService;
import vn.dienbien.tdkt.organization.CamundaGroups;

/** The thin delegates of bpmn/award-dossier.bpmn; each passes ids and outcomes to a domain service. */
@Configuration(proxyBeanMethods = false)
class DossierDelegates {

    /**
     * "Kiểm tra và ghi nhận hồ sơ đề nghị": the Tasklist start form's proposal becomes a dossier of
     * this case, checked as a REST proposal is. Granting the unit read access to its case is the
     * system's act, so it runs without the officer's own authorizations.
     */
    @Bean
    JavaDelegate registerProposal(DossierProposals proposals) {
        return execution -> {
            Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (auth == null || auth.getUserId() == null) {
                throw new BadUserRequestException("Vui lòng đăng nhập để lập hồ sơ đề nghị.");
            }
            var user = new vn.dienbien.tdkt.platform.CurrentUser(auth.getUserId(),
                    auth.getGroupIds() == null ? java.util.List.of() : auth.getGroupIds());
            String proposal = (String) execution.getVariable("proposalJson");
            ProcessActors.asSystem(() -> proposals.registerForCase(proposal, user, execution));
            execution.removeVariable("proposalJson");
        };
    }

    /** "Ghi nhận xác nhận của thủ trưởng". */
    @Bean
    JavaDelegate recordHeadConfirmation(DossierAppraisal appraisal) {
        return execution -> {
            var deadlines = appraisal.confirmByHead(dossierId(execution), (String) execution.getVariable(HEAD_DECISION),
                    (String) execution.getVariable(HEAD_NOTE), ProcessActors.currentUser(execution));
            execution.setVariable(HEAD_CONFIRMED, deadlines != null);
            setDeadlines(execution, deadlines);
        };
    }

    /** "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng". */
    @Bean
    JavaDelegate evaluateEligibility(DossierAppraisal appraisal) {
        return execution -> {
            var outcome = appraisal.evaluate(dossierId(execution));
            execution.setVariable(ELIGIBILITY_SUMMARY, outcome.summary());
            execution.setVariable(ALL_RULES_PASSED, outcome.allPassed());
        };
    }

    /** "Ghi nhận kết quả thẩm định". */
    @Bean
    JavaDelegate recordAppraisal(DossierAppraisal appraisal) {
        return execution -> {
            String reason = (String) execution.getVariable(APPRAISAL_REASON);
            String outcome = appraisal.recordAppraisal(dossierId(execution),
                    (String) execution.getVariable(APPRAISAL_DECISION), reason, ProcessActors.currentUser(execution));
            execution.setVariable(APPRAISAL_OUTCOME, outcome);
            if ("RETURNED".equals(outcome)) {
                execution.setVariable(RETURN_REASON, reason);
            }
            execution.removeVariable(APPRAISAL_DECISION);
            execution.removeVariable(APPRAISAL_REASON);
        };
    }

    /** "Ghi nhận hồ sơ bổ sung": documents come as "TO_TRINH=12,BIEN_BAN_HOI_DONG=15". */
    @Bean
    JavaDelegate recordSupplement(DossierAppraisal appraisal) {
        return execution -> {
            Map<DocumentType, Long> replaced = new EnumMap<>(DocumentType.class);
            String given = (String) execution.getVariable("supplementDocuments");
            if (given != null && !given.isBlank()) {
                for (String pair : given.split(",")) {
                    String[] kv = pair.trim().split("=");
                    try {
                        replaced.put(DocumentType.valueOf(kv[0].trim()), Long.valueOf(kv[1].trim()));
                    } catch (RuntimeException e) {
                        throw new BadUserRequestException("Văn bản bổ sung không hợp lệ: " + pair);
                    }
                }
            }
            var deadlines = appraisal.resubmit(dossierId(execution), replaced,
                    (String) execution.getVariable(SUPPLEMENT_NOTE), ProcessActors.currentUser(execution));
            setDeadlines(execution, deadlines);
            execution.removeVariable(RETURN_REASON);
            execution.removeVariable("supplementDocuments");
        };
    }

    /** "Nhắc Ban TĐKT sắp hết hạn giải quyết". */
    @Bean
    JavaDelegate remindBoardOfDue(DossierAppraisal appraisal, NotificationService notifications) {
        return execution -> notifications.notifyGroup(CamundaGroups.BOARD, "DOSSIER_DUE_SOON",
                "Hồ sơ " + execution.getVariable(NOMINEE_NAME) + " sắp hết thời hạn giải quyết",
                "Hạn: " + execution.getVariable(DUE_AT));
    }

    /** "Ghi nhận xử lý hồ sơ quá hạn". */
    @Bean
    JavaDelegate recordOverdueHandling(DossierHistory history) {
        return execution -> history.note(dossierId(execution), ProcessActors.currentUser(execution),
                "Quá hạn giải quyết; lãnh đạo Ban chỉ đạo: " + execution.getVariable("overdueNote"));
    }

    /** "Ghi nhận kết quả, thông báo đơn vị". */
    @Bean
    JavaDelegate closeDossier(DossierAppraisal appraisal) {
        return execution -> {
            boolean awarded = Boolean.TRUE.equals(execution.getVariable(AWARDED));
            String decision = (String) execution.getVariable(DECISION_CODE);
            String reason = (String) execution.getVariable("decisionReason");
            appraisal.close(dossierId(execution), awarded,
                    awarded ? "Khen thưởng theo Quyết định số " + decision : reason, "chu-tich-ubnd");
        };
    }

    private static void setDeadlines(DelegateExecution execution, DossierAppraisal.Deadlines deadlines) {
        if (deadlines != null) {
            execution.setVariable(DUE_AT, Date.from(deadlines.dueAt()));
            execution.setVariable(DUE_REMINDER_AT, Date.from(deadlines.reminderAt()));
        }
    }

    static Long dossierId(DelegateExecution execution) {
        return ((Number) execution.getVariable(DOSSIER_ID)).longValue();
    }

}

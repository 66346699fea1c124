package vn.dienbien.tdkt.dossier;

import static vn.dienbien.tdkt.dossier.DossierVariables.*;

import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.decision.AwardDecisions;
import vn.dienbien.tdkt.decision.DecisionView;
import vn.dienbien.tdkt.dossier.DossierEligibility.EligibilityOutcome;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.DerivedVariables;
import vn.dienbien.tdkt.platform.FormPayloads;
import vn.dienbien.tdkt.platform.FormValues;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;
import vn.dienbien.tdkt.platform.StartFormFields;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * The thin delegates of bpmn/award-dossier.bpmn; each passes the dossier of its own case (never one
 * named by a variable), the person the engine authenticated and the form's values to a domain service.
 */
@Configuration(proxyBeanMethods = false)
class DossierDelegates {

    /**
     * "Hồ sơ đề nghị được lập" (end listener of the start event): every case enters here, whether
     * started from Tasklist's start form or through /api/dossiers. A proposal from the start form is
     * checked and recorded as a dossier of this case; a proposal from /api is already recorded, and
     * is linked to the case it was started for. Granting the unit read access to its case is the
     * system's act, so it runs without the officer's own authorizations.
     */
    @Bean
    ExecutionListener registerProposal(DossierProposals proposals) {
        return (StartStep) execution -> {
            CurrentUser user = ProcessActors.currentActor(execution);
            String proposal = text(execution, PROPOSAL_JSON);
            var registered = ProcessActors.asSystem(() -> proposals.registerForCase(proposal, user,
                    execution.getProcessInstanceId(), execution.getProcessBusinessKey()));
            execution.setVariables(registered.variables());
            execution.getProcessInstance().setProcessBusinessKey(registered.businessKey());
            execution.removeVariable(PROPOSAL_JSON);
        };
    }

    /**
     * Create listener of every user task: the diagram names the step ("Thẩm định hồ sơ"); the task in
     * Tasklist adds the nominee of its own case's dossier ("Thẩm định hồ sơ: Nguyễn Văn A") and says
     * the award and the proposing unit.
     */
    @Bean
    TaskListener nameDossierTask(DossierProposals proposals) {
        return task -> proposals.subjectOfCase(task.getProcessInstanceId()).ifPresent(subject -> {
            String diagramName = task.getBpmnModelElementInstance() == null ? null
                    : task.getBpmnModelElementInstance().getName();
            if (diagramName != null && !diagramName.contains("${")) {
                // A name with expressions of its own (an earlier version) already names the nominee.
                task.setName(diagramName + ": " + subject.nomineeName());
            }
            task.setDescription(subject.awardName() + " – " + subject.proposingUnitName());
        });
    }

    /**
     * Complete listener of "Thủ trưởng xác nhận hồ sơ": records the head's decision and, when the
     * dossier goes to the Board, starts counting the deadline. Runs in the completing transaction: a
     * refusal leaves the task open and nothing written. The form's values are recorded with the dossier
     * (and the history keeps what the head sent), so they leave the case; the gateway's flag lives only
     * until the gateway that follows in this transaction (issue 12: no variable row written to be deleted
     * when the case ends).
     */
    @Bean
    TaskListener recordHeadConfirmation(DossierAppraisal appraisal, DossierDeadlines diagramDeadlines) {
        return (CaseStep) execution -> {
            var deadlines = appraisal.confirmByHead(dossierOf(execution, appraisal), text(execution, HEAD_DECISION),
                    text(execution, HEAD_NOTE), ProcessActors.currentActor(execution));
            execution.setVariable(HEAD_CONFIRMED, Variables.booleanValue(deadlines != null, true));
            setDeadlines(execution, deadlines, diagramDeadlines);
            execution.removeVariable(HEAD_DECISION);
            execution.removeVariable(HEAD_NOTE);
        };
    }

    /**
     * "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng", in the transaction of the head's confirmation or the
     * unit's resend: the rules' results, the Board's task and the confirmation commit together. When the decision
     * table cannot run, the confirmation must still stand (an administrator's table never undoes a person's act):
     * the step throws the diagram's error {@value #ELIGIBILITY_TABLE_FAILED}, nothing of the evaluation is written,
     * and the case runs the check again in a job ("Kiểm tra lại … (tác vụ nền)", asyncBefore, retried by
     * {@code ${dossierAppraisalRetryCycle}}, then an incident). In a job of its own — that step, or this one in
     * earlier versions of the diagram — a failure becomes the job's error in Vietnamese (a refusal keeps its own
     * message).
     */
    @Bean
    JavaDelegate evaluateEligibility(DossierEligibility eligibility, DossierAppraisal appraisal,
            @Value("${tdkt.dossier.appraisal-retry-cycle:R3/PT5M}") String retryCycle) {
        return execution -> {
            Long dossierId = dossierOf(execution, appraisal);
            EligibilityOutcome outcome;
            try {
                outcome = eligibility.evaluate(dossierId);
            } catch (DossierEligibility.EligibilityTableFailure e) {
                if (!inAJobOfItsOwn(execution)) {
                    throw new BpmnError(ELIGIBILITY_TABLE_FAILED, "Không chạy được bảng điều kiện khen thưởng cho hồ sơ"
                            + " số " + dossierId + ": kiểm tra lại trong tác vụ nền.");
                }
                throw retriedLater(dossierId, retryCycle, e);
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!inAJobOfItsOwn(execution)) {
                    throw e; // our own writes failed: the person's step fails with them and writes nothing
                }
                throw retriedLater(dossierId, retryCycle, e);
            }
            execution.setVariable(ELIGIBILITY_SUMMARY, outcome.summary());
            execution.setVariable(ALL_RULES_PASSED, outcome.allPassed());
        };
    }

    /** The error code of the boundary event "Bảng điều kiện lỗi" on "Kiểm tra thành phần hồ sơ và điều kiện". */
    static final String ELIGIBILITY_TABLE_FAILED = "ELIGIBILITY_TABLE_FAILED";

    private static DossierAppraisalException retriedLater(Long dossierId, String retryCycle, RuntimeException e) {
        return new DossierAppraisalException("Không kiểm tra được thành phần hồ sơ và điều kiện khen thưởng "
                + "của hồ sơ số " + dossierId + " (lỗi khi chạy bảng điều kiện hoặc ghi kết quả). Xác nhận gửi "
                + "hồ sơ đã được ghi, thời hạn tính từ lúc xác nhận; hệ thống tự thử lại theo chu kỳ "
                + retryCycle + ". Khi hết lượt, xử lý nguyên nhân rồi chọn thử lại (Retry) sự cố này trong "
                + "Cockpit.", e);
    }

    /** The diagram's retry cycle of "Kiểm tra thành phần hồ sơ và điều kiện khen thưởng" (tdkt.dossier.appraisal-retry-cycle). */
    @Bean
    String dossierAppraisalRetryCycle(@Value("${tdkt.dossier.appraisal-retry-cycle:R3/PT5M}") String retryCycle) {
        return retryCycle;
    }

    /** Complete listener of "Thẩm định hồ sơ": records the Board's appraisal, which the gateway follows. */
    @Bean
    TaskListener recordAppraisal(DossierAppraisal appraisal, DossierBlockVotes blockVotes) {
        return (CaseStep) execution -> {
            String reason = text(execution, APPRAISAL_REASON);
            Long dossierId = dossierOf(execution, appraisal);
            CurrentUser actor = ProcessActors.currentActor(execution);
            if (Boolean.TRUE.equals(FormValues.flag(execution, OUTSIDE_BLOCK_VOTE,
                    "Cụm/khối đã bình xét, suy tôn ngoài hệ thống"))) {
                // The Board's declaration first: the rules are checked again before the appraisal.
                var rules = blockVotes.declare(dossierId, FormValues.note(execution, OUTSIDE_BLOCK_VOTE_NOTE,
                        "Cuộc họp bình xét, suy tôn của cụm/khối"), actor);
                execution.setVariable(ELIGIBILITY_SUMMARY, rules.summary());
                execution.setVariable(ALL_RULES_PASSED, rules.allPassed());
            }
            execution.removeVariable(OUTSIDE_BLOCK_VOTE);
            execution.removeVariable(OUTSIDE_BLOCK_VOTE_NOTE);
            String outcome = appraisal.recordAppraisal(dossierId,
                    text(execution, APPRAISAL_DECISION), reason, actor);
            execution.setVariable(APPRAISAL_OUTCOME, outcome);
            if ("RETURNED".equals(outcome)) {
                execution.setVariable(RETURN_REASON, reason.trim());
            }
            execution.removeVariable(APPRAISAL_DECISION);
            execution.removeVariable(APPRAISAL_REASON);
        };
    }

    /**
     * Complete listener of "Bổ sung hồ sơ": records the supplement and resumes the deadline. Documents
     * come as "TO_TRINH=12,BIEN_BAN_HOI_DONG=15".
     */
    @Bean
    TaskListener recordSupplement(DossierAppraisal appraisal, DossierDeadlines diagramDeadlines) {
        return (CaseStep) execution -> {
            var deadlines = appraisal.resubmit(dossierOf(execution, appraisal),
                    supplementDocuments(text(execution, SUPPLEMENT_DOCUMENTS)), text(execution, SUPPLEMENT_NOTE),
                    ProcessActors.currentActor(execution));
            setDeadlines(execution, deadlines, diagramDeadlines);
            execution.removeVariable(RETURN_REASON);
            execution.removeVariable(SUPPLEMENT_DOCUMENTS);
            execution.removeVariable(SUPPLEMENT_NOTE);
        };
    }

    /**
     * What a task's complete listener records, written once against the task's execution (the form's
     * values are the case's variables by then). Cases still running on an earlier version of the
     * diagram call the same bean from their "Ghi nhận …" service tasks, as a {@link JavaDelegate}
     * (the beans are declared as the listener the current diagram uses them as).
     */
    @FunctionalInterface
    interface CaseStep extends JavaDelegate, TaskListener {

        @Override
        default void notify(DelegateTask task) {
            try {
                execute(task.getExecution());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The registering of a proposal: the start event's end listener; cases still running on an
     * earlier version of the diagram call it from their "Kiểm tra và ghi nhận hồ sơ đề nghị" task.
     */
    @FunctionalInterface
    interface StartStep extends JavaDelegate, ExecutionListener {

        @Override
        default void notify(DelegateExecution execution) throws Exception {
            execute(execution);
        }
    }

    /** "Nhắc Ban TĐKT sắp hết hạn giải quyết". */
    @Bean
    JavaDelegate remindBoardOfDue(DossierAppraisal appraisal, DossierReminders reminders) {
        return execution -> reminders.remindBoardOfDue(dossierOf(execution, appraisal));
    }

    /** Complete listener of "Xử lý hồ sơ quá hạn": records the Board leaders' direction. */
    @Bean
    TaskListener recordOverdueHandling(DossierAppraisal appraisal) {
        return (CaseStep) execution -> {
            appraisal.recordOverdueHandling(dossierOf(execution, appraisal), text(execution, OVERDUE_NOTE),
                    ProcessActors.currentActor(execution));
            execution.removeVariable(OVERDUE_NOTE);
        };
    }

    /**
     * "Thông báo kết quả cho đơn vị", as soon as the case is told its result, in the transaction that tells it
     * (the session's job "Ban hành quyết định khen thưởng", or the Chairman's step when nobody is awarded): the
     * result is already in the dossier, written with the decision (DossierDecisions); the unit is told, once (a
     * step run again finds the notification sent), and the case ends. So no case waits on after its dossier has
     * a result, and a failure here writes nothing, the decision included: the session's job is retried as a
     * whole (issue 12's twenty-fifth pass: a job of its own per dossier cost a transaction and about twenty
     * statements per awarded dossier). A dossier still ACCEPTED here (a message correlated without writing the
     * result) is closed as before: the history names who issued the decision naming it, or the person the
     * system passed with a refusal.
     * <p>
     * Cases of earlier versions run this step in a job of their own (asyncBefore): there a failure becomes the
     * job's error in Vietnamese, and when the diagram's retries ({@code ${dossierOutcomeRetryCycle}}) run out,
     * the incident's; the result written with the decision stays.
     */
    @Bean
    JavaDelegate closeDossier(DossierAppraisal appraisal, AwardDecisions decisions,
            @Value("${tdkt.dossier.outcome-retry-cycle:R3/PT5M}") String retryCycle) {
        return execution -> {
            Long dossierId = dossierOf(execution, appraisal);
            try {
                if (!appraisal.awaitsDecision(dossierId)) {
                    appraisal.announceOutcome(dossierId);
                } else if (Boolean.TRUE.equals(execution.getVariable(AWARDED))) {
                    DecisionView decision = decisions.naming(dossierId).orElseThrow(() -> new IllegalStateException(
                            "Dossier " + dossierId + " is awarded without a decision naming it."));
                    appraisal.close(dossierId, true, "Khen thưởng theo Quyết định số " + decision.code(),
                            decision.issuedBy());
                } else {
                    String decidedBy = text(execution, DECIDED_BY);
                    appraisal.close(dossierId, false, text(execution, DECISION_REASON),
                            decidedBy == null || decidedBy.isBlank() ? ProcessActors.SYSTEM : decidedBy);
                }
            } catch (RuntimeException e) {
                if (!inAJobOfItsOwn(execution)) {
                    // The step that told the case fails with it and writes nothing; its own message applies.
                    throw e;
                }
                throw new DossierOutcomeException("Không gửi được thông báo kết quả xét khen thưởng của hồ sơ số "
                        + dossierId + " cho đơn vị đề nghị: "
                        + (e instanceof ApiException ? e.getMessage() : "lỗi tạm thời khi ghi thông báo.")
                        + " Kết quả đã được ghi vào hồ sơ cùng quyết định; hệ thống tự gửi lại theo chu kỳ "
                        + retryCycle + ". Khi hết lượt, xử lý nguyên nhân rồi chọn thử lại (Retry) sự cố này trong Cockpit.",
                        e);
            }
        };
    }

    /** Whether this step runs in a job of its own (asyncBefore, as earlier versions of the diagram have it). */
    private static boolean inAJobOfItsOwn(DelegateExecution execution) {
        return execution.getBpmnModelElementInstance() instanceof ServiceTask task && task.isCamundaAsyncBefore();
    }

    /**
     * The retry cycle of "Thông báo kết quả cho đơn vị" in earlier versions of the diagram, where it runs in a
     * job of its own (tdkt.dossier.outcome-retry-cycle).
     */
    @Bean
    String dossierOutcomeRetryCycle(@Value("${tdkt.dossier.outcome-retry-cycle:R3/PT5M}") String retryCycle) {
        return retryCycle;
    }

    /**
     * Variables only the system sets on a dossier's case: the link to the dossier, what the case
     * shows and assigns by, the deadlines and the outcomes the system computes or correlates.
     * Form fields (decisions, notes, the proposal, supplement documents) are not listed.
     */
    /** The proposal is the award dossier's whole start form. */
    @Bean
    StartFormFields dossierStartForm() {
        return StartFormFields.of(WorkflowKeys.AWARD_DOSSIER, PROPOSAL_JSON);
    }

    @Bean
    FormPayloads dossierFormPayloads() {
        return FormPayloads.of(PROPOSAL_JSON);
    }

    @Bean
    ProtectedVariables dossierProtectedVariables() {
        return ProtectedVariables.of(DOSSIER_ID, PROPOSING_UNIT_GROUP, PROPOSING_UNIT_NAME, PROPOSING_UNIT_HEADS,
                NOMINEE_NAME, AWARD_NAME, HEAD_CONFIRMED, DUE_AT, DUE_REMINDER_AT, ELIGIBILITY_SUMMARY,
                ALL_RULES_PASSED, APPRAISAL_OUTCOME, RETURN_REASON, AWARDED, DECISION_CODE, DECISION_REASON, DECIDED_BY);
    }

    /**
     * What the system sets from the dossier's records or from the person's own decision, whose history is kept
     * elsewhere (issue 12): the head's and the Board's decisions as gateway flags (their values, {@code headDecision}
     * and {@code appraisalDecision}, and the reason keep their rows; the status history records the outcome), the
     * eligibility table's summary (each rule's result is in {@code dossier_rule_result}), the deadline (the Board's
     * task's due date, {@code dossier.due_at}) and its reminder, the decision's result (the decision, its awardees and
     * the status history with its reason).
     */
    @Bean
    DerivedVariables dossierDerivedVariables() {
        return DerivedVariables.of(WorkflowKeys.AWARD_DOSSIER, HEAD_CONFIRMED, APPRAISAL_OUTCOME, RETURN_REASON,
                ELIGIBILITY_SUMMARY, ALL_RULES_PASSED, DUE_AT, DUE_REMINDER_AT, AWARDED, DECISION_CODE,
                DECISION_REASON);
    }

    /** "TYPE=id,TYPE=id" as the supplement form sends it; anything else is refused with 400. */
    static Map<DocumentType, Long> supplementDocuments(String given) {
        Map<DocumentType, Long> replaced = new EnumMap<>(DocumentType.class);
        if (given == null || given.isBlank()) {
            return replaced;
        }
        if (given.length() > 500) {
            throw ApiException.badRequest("Danh sách văn bản bổ sung quá dài.");
        }
        for (String pair : given.split(",")) {
            String[] kv = pair.trim().split("=");
            try {
                if (kv.length != 2) {
                    throw new IllegalArgumentException(pair);
                }
                replaced.put(DocumentType.valueOf(kv[0].trim()), Long.valueOf(kv[1].trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Văn bản bổ sung không hợp lệ: \"" + pair.trim()
                        + "\" (cần dạng LOẠI_VĂN_BẢN=số văn bản, ví dụ TO_TRINH=12).");
            }
        }
        return replaced;
    }

    /**
     * The deadline is kept with the dossier, where the diagram reads it ({@link DossierDeadlines}); a case whose
     * diagram (an earlier version) reads it from the case's variables gets them as before.
     */
    private static void setDeadlines(DelegateExecution execution, DossierAppraisal.Deadlines deadlines,
            DossierDeadlines diagramDeadlines) {
        if (deadlines != null && diagramDeadlines.readFromVariables(execution)) {
            execution.setVariable(DUE_AT, Date.from(deadlines.dueAt()));
            execution.setVariable(DUE_REMINDER_AT, Date.from(deadlines.reminderAt()));
        }
    }

    /** The dossier of this case. */
    private static Long dossierOf(DelegateExecution execution, DossierAppraisal appraisal) {
        return appraisal.dossierOfCase(execution.getProcessInstanceId());
    }

    /** A form value as text (a number sent where text belongs counts as its text). */
    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}

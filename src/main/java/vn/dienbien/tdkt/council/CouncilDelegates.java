package vn.dienbien.tdkt.council;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.FormPayloads;
import vn.dienbien.tdkt.platform.FormValues;
import vn.dienbien.tdkt.platform.ProcessActors;
import vn.dienbien.tdkt.platform.ProtectedVariables;
import vn.dienbien.tdkt.platform.StartFormFields;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * The thin delegates and listeners of bpmn/council-session.bpmn. Each finds its session from the
 * case (process instance), never from a variable, and passes the person acting as the engine
 * authenticated them. What a person decides in a task is recorded by that task's complete
 * listener, in the completing transaction: a refusal leaves the task open and writes nothing.
 */
@Configuration(proxyBeanMethods = false)
class CouncilDelegates {

    /** The ballot form's payload: sent transient by the form, so that it is never stored as a variable. */
    static final String BALLOT = "ballot";

    /** The dossier of one job of "Chuyển kết quả vào từng hồ sơ": the multi-instance's element, set by the engine. */
    static final String OUTCOME_DOSSIER = "outcomeDossierId";

    /** "Chuyển kết quả vào từng hồ sơ": a diagram without it (an older version) tells the cases at registration. */
    static final String TELL_DOSSIERS = "Task_TellDossiers";

    /** Có tập thể, cá nhân được khen thưởng? Set by the system after the Chairman's approval. */
    static final String AWARDEES_APPROVED = "awardeesApproved";

    /**
     * Set only by the system: the case's session, the member of each
     * voting task (and the engine's multi-instance counters, whose change would end the vote early
     * or never), the tally, the Chairman's outcome, whether anyone is left to award and the decision's
     * number.
     */
    /** The Board's start form: title, meeting date, the dossiers to consider. */
    @Bean
    StartFormFields councilStartForm() {
        return StartFormFields.of(WorkflowKeys.COUNCIL_SESSION, "sessionTitleInput", "meetingDate", "dossierIds");
    }

    @Bean
    FormPayloads councilFormPayloads() {
        return FormPayloads.of(BALLOT);
    }

    @Bean
    ProtectedVariables councilProtectedVariables() {
        return ProtectedVariables.of("sessionId", "member", "tallySummary", "chairmanReturned",
                "votingDueDate", "quorumMet", AWARDEES_APPROVED,
                "decisionCode", OUTCOME_DOSSIER, "loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");
    }

    /** "Mở phiên họp" from the Board's start form (Tasklist, or /api through the same start). */
    @Bean
    JavaDelegate openCouncilSession(CouncilSessions sessions) {
        return execution -> {
            var actor = ProcessActors.currentActor(execution);
            // Reading the council's membership is the system's act, not the Board officer's.
            var opened = ProcessActors.asSystem(() -> sessions.openForCase(execution.getProcessInstanceId(),
                    text(execution, "sessionTitleInput"), text(execution, "meetingDate"), text(execution, "dossierIds"),
                    actor));
            execution.setVariable("sessionId", opened.id());
            execution.setVariable("votingDueDate", opened.votingDueDate());
            execution.getProcessInstance().setProcessBusinessKey("PH-" + opened.id());
        };
    }

    /**
     * A member's voting task is created: whose ballot it is, recorded by the system. {@code member} is
     * the multi-instance element the engine set in this same transaction from the session's own
     * member list ({@code membersOfCase}); no person has acted on the task yet, and the service
     * checks it against the session. Later steps use this record, never the variable.
     */
    @Bean
    TaskListener ballotTaskCreated(CouncilBallots ballots) {
        return task -> ballots.registerTask(task.getId(), task.getProcessInstanceId(), (String) task.getVariable("member"));
    }

    /**
     * "Ghi nhận phiếu biểu quyết" as the ballot task completes, in the completing person's
     * transaction. Two ballots completed at the same instant collide on the session's multi-instance
     * count; the one that lost wrote nothing and is completed again whole (platform's CompletionRetry),
     * so every ballot counts once and no job waits after each ballot (issue 12, twenty-seventh pass).
     */
    @Bean
    TaskListener ballotCompleted(CouncilBallots ballots) {
        return task -> {
            TypedValue ballot = task.getVariableTyped(BALLOT);
            ballots.record(task.getId(), task.getProcessInstanceId(), claimedMember(task), ballotText(ballot),
                    ProcessActors.currentActor(task.getExecution()));
            if (ballot != null && !ballot.isTransient()) {
                // Recorded in the council's tables: no copy stays in the case's variables.
                task.removeVariable(BALLOT);
            }
        };
    }

    private static String claimedMember(DelegateTask task) {
        Object member = task.getVariable("member");
        return member == null ? null : member.toString();
    }

    /**
     * The ballot's JSON: bytes (UTF-8) as the voting form sends it, or text from a REST client. Text
     * that would be stored must fit the engine's 4,000-character column; transient values are never
     * stored. (Tasklist's submit-form copies every text value into history's form-property log,
     * transient or not, so the form sends bytes.)
     */
    private static String ballotText(TypedValue ballot) {
        if (ballot == null || ballot.getValue() == null) {
            return null;
        }
        if (ballot instanceof BytesValue bytes) {
            return new String(bytes.getValue(), StandardCharsets.UTF_8);
        }
        if (!(ballot instanceof StringValue text)) {
            throw ApiException.badRequest("Phiếu biểu quyết không đọc được: hãy mở lại biểu mẫu và biểu quyết lại.");
        }
        if (!ballot.isTransient() && text.getValue().length() > CouncilSessions.VARIABLE_MAX) {
            throw ApiException.badRequest("Phiếu biểu quyết quá dài để gửi như một biến thường; biểu mẫu "
                    + "Biểu quyết trong Tasklist gửi được phiếu dài.");
        }
        return text.getValue();
    }

    /** A form's text value; anything else sent under its name is refused, not a 500. */
    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest("Giá trị \"" + name + "\" phải là văn bản.");
    }

    /**
     * "Tổng hợp kết quả biểu quyết", once, after the last ballot. The result stays with the session;
     * the forms read it from /api, so no summary of any length travels as a variable.
     */
    @Bean
    JavaDelegate tallyVotes(CouncilSessions sessions) {
        return execution -> {
            sessions.tally(execution.getProcessInstanceId());
            execution.setVariable("quorumMet", sessions.quorumMet(execution.getProcessInstanceId()));
        };
    }

    /**
     * "Kết thúc biểu quyết" as the standing body completes it: members without a ballot are recorded
     * as absent, with who closed and when. A refusal refuses the completion; nothing is written.
     */
    @Bean
    TaskListener closeVoting(CouncilSessions sessions) {
        return task -> sessions.closeVoting(task.getProcessInstanceId(), ProcessActors.currentActor(task.getExecution()));
    }

    /** "Nhắc Thường trực Hội đồng" when voting reaches its due date. */
    @Bean
    JavaDelegate remindVotingDue(CouncilSessions sessions) {
        return execution -> sessions.remindStandingBody(execution.getProcessInstanceId());
    }

    /** "Hoãn phiên họp" as the standing body completes it, with its reason. */
    @Bean
    TaskListener adjournSession(CouncilSessions sessions) {
        return task -> sessions.adjourn(task.getProcessInstanceId(),
                FormValues.note(task, "adjournReason", "Lý do hoãn phiên họp"), ProcessActors.currentActor(task.getExecution()));
    }

    /** "Lập tờ trình Chủ tịch UBND tỉnh" as the standing body completes it. */
    @Bean
    TaskListener recordSubmission(CouncilSessions sessions) {
        return task -> sessions.recordSubmission(task.getProcessInstanceId(),
                text(task, "submissionNote"), ProcessActors.currentActor(task.getExecution()));
    }

    /**
     * "Phê duyệt khen thưởng" as the Chairman completes it, and whether anyone is left to award: read
     * from the session's dossiers after the Chairman's exclusions, never from the form, so that the
     * văn thư gets a decision to number only when there is one. The gateways after the task read
     * the two flags set here.
     */
    @Bean
    TaskListener recordChairmanDecision(CouncilSessions sessions) {
        return task -> {
            String caseId = task.getProcessInstanceId();
            boolean returned = sessions.recordChairmanDecision(caseId, text(task, "chairmanDecision"),
                    text(task, "excludedDossiers"), text(task, "chairmanNote"),
                    ProcessActors.currentActor(task.getExecution()));
            task.getExecution().setVariable("chairmanReturned", returned);
            task.getExecution().setVariable(AWARDEES_APPROVED, !returned && sessions.anyAwardee(caseId));
        };
    }

    /**
     * "Kết thúc hồ sơ không được khen thưởng": approved, but no dossier is to be awarded. Each dossier
     * ends with its reason and its unit is told; no decision, no number. Telling each dossier's case
     * is the system's act, as with a decision.
     */
    @Bean
    JavaDelegate closeWithoutAward(CouncilSessions sessions) {
        return execution -> ProcessActors.asSystem(() -> {
            sessions.closeWithoutAward(execution.getProcessInstanceId());
            return null;
        });
    }

    /** "Ban hành quyết định khen thưởng": a diagram where it is not a job (an older version) issues at registration. */
    static final String ISSUE_DECISION = "Task_IssueDecision";

    /**
     * "Vào số, ngày ký quyết định" as the văn thư completes it: the number, the signing date and the signed scan
     * come from that form, are checked against the session of this case and recorded with it, with the văn thư
     * as the engine authenticated them. A refusal refuses the completion; nothing is written. The decision
     * issues afterwards, in a job ({@link #issueAwardDecision}).
     */
    @Bean
    TaskListener recordDecisionRegistration(CouncilSessions sessions) {
        return task -> sessions.recordRegistration(task.getProcessInstanceId(), registrationOf(task.getExecution()),
                ProcessActors.currentActor(task.getExecution()));
    }

    /**
     * "Ban hành quyết định khen thưởng", in a job of the session after the văn thư's registration (asyncBefore,
     * retries {@code ${decisionIssueRetryCycle}}): the decision, its awardees, every dossier's result and the
     * decision document's case commit together, from the registration recorded with the session of this case
     * (never from a variable); a job run again after success does nothing twice. In the same transaction each
     * dossier's case of the session is told its result, and each then tells its unit and ends ("Thông báo kết
     * quả cho đơn vị"), so no case waits on once its dossier has a result; a failing notice fails the whole job,
     * which writes nothing and is retried. One job per dossier for the telling cost 63 statements and a
     * transaction per awarded dossier, and one for the closing about twenty and a transaction (issue 12's
     * third and twenty-fifth passes, StatementBudgetTest). The issuing is the system's act; the decision
     * names the văn thư who registered. A failure becomes the job's error in Vietnamese, and when the retries run
     * out, the incident's; nothing of it is written and no case is moved.
     * <p>
     * A case of an older version, where this step runs inside the văn thư's completion and the task has no
     * listener, records the văn thư's form values of that completion first, as that version did. A case of the
     * version with one job per dossier ({@value #TELL_DOSSIERS}; issue 12's third pass to its seventh) leaves the
     * telling to those jobs.
     */
    @Bean
    JavaDelegate issueAwardDecision(CouncilSessions sessions, SessionOutcomes outcomes,
            @Value("${tdkt.council.issue-retry-cycle:R3/PT5M}") String retryCycle) {
        return execution -> {
            String caseId = execution.getProcessInstanceId();
            boolean tellsHere = execution.getBpmnModelInstance().getModelElementById(TELL_DOSSIERS) == null;
            String code;
            if (issuedInAJob(execution.getBpmnModelInstance().getModelElementById(ISSUE_DECISION))) {
                try {
                    code = ProcessActors.asSystem(() -> {
                        String issued = sessions.issueRegistered(caseId);
                        if (tellsHere) {
                            outcomes.tellAll(caseId);
                        }
                        return issued;
                    });
                } catch (RuntimeException e) {
                    throw new SessionOutcomeException("Không ban hành được quyết định khen thưởng của phiên họp: "
                            + (e instanceof ApiException ? e.getMessage() : "lỗi tạm thời khi ghi quyết định.")
                            + " Việc vào số của văn thư đã được ghi; chưa có gì của quyết định được ghi và chưa hồ sơ nào"
                            + " được chuyển. Hệ thống tự thử lại theo chu kỳ " + retryCycle + ". Khi hết lượt, xử lý"
                            + " nguyên nhân rồi chọn thử lại (Retry) sự cố này trong Cockpit.", e);
                }
            } else {
                var clerk = ProcessActors.currentActor(execution);
                var registration = registrationOf(execution);
                code = ProcessActors.asSystem(() -> sessions.issueDecision(caseId, registration, clerk));
                if (tellsHere) {
                    ProcessActors.asSystem(() -> outcomes.tellAll(caseId));
                }
            }
            execution.setVariable("decisionCode", code);
        };
    }

    /** The diagram's retry cycle of "Ban hành quyết định khen thưởng" (tdkt.council.issue-retry-cycle). */
    @Bean
    String decisionIssueRetryCycle(@Value("${tdkt.council.issue-retry-cycle:R3/PT5M}") String retryCycle) {
        return retryCycle;
    }

    private static boolean issuedInAJob(Object element) {
        return element instanceof ServiceTask task && task.isCamundaAsyncBefore();
    }

    /** The văn thư's form values of this completion: number, signing date, the signed scan's document id. */
    private static CouncilSessions.DecisionRegistration registrationOf(VariableScope scope) {
        return new CouncilSessions.DecisionRegistration(registeredNumber(text(scope, "decisionNumber")),
                text(scope, "signedOn"), DecisionRegistrations.documentId(idText(scope, "signedScanId")));
    }

    /**
     * "Chuyển kết quả vào từng hồ sơ" of the versions of issue 12's third to seventh pass, kept for their sessions
     * still waiting there: one job per dossier of the session (asynchronous multi-instance over
     * {@code sessionOutcomes.dossiersOfCase}): the dossier's case is told the result written with the decision.
     * The dossier is the engine's element for this job and is checked against the session. A failure becomes
     * the job's error in Vietnamese; when the retries ({@code ${dossierOutcomeRetryCycle}}) run out, the incident's.
     */
    @Bean
    JavaDelegate tellDossierOutcome(SessionOutcomes outcomes,
            @Value("${tdkt.dossier.outcome-retry-cycle:R3/PT5M}") String retryCycle) {
        return execution -> {
            Object dossierId = execution.getVariable(OUTCOME_DOSSIER);
            try {
                ProcessActors.asSystem(() -> outcomes.tellDossier(execution.getProcessInstanceId(),
                        dossierId instanceof Number n ? Long.valueOf(n.longValue()) : null));
            } catch (RuntimeException e) {
                throw new SessionOutcomeException("Không chuyển được kết quả xét khen thưởng vào hồ sơ số " + dossierId
                        + ": " + (e instanceof ApiException ? e.getMessage() : "lỗi tạm thời khi chuyển kết quả.")
                        + " Kết quả đã được ghi vào hồ sơ cùng quyết định; hệ thống tự thử lại theo chu kỳ " + retryCycle
                        + ". Khi hết lượt, xử lý nguyên nhân rồi chọn thử lại (Retry) sự cố này trong Cockpit.", e);
            }
        };
    }

    /** A document id as the form sends it (text) or a REST client does (a number). */
    private static String idText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number number ? String.valueOf(number.longValue()) : text(scope, name);
    }

    /** Blank when nothing is to be numbered (no dossier approved); the service asks for it otherwise. */
    private static int registeredNumber(String text) {
        return text == null || text.isBlank() ? 0 : DecisionRegistrations.number(text);
    }
}

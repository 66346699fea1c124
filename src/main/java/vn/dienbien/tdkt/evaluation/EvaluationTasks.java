package vn.dienbien.tdkt.evaluation;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * What a completed task of the yearly evaluation can be trusted with: the round of its case (by
 * the process instance) and the unit the task was created for (its candidate group, set from the
 * multi-instance element when the task was created). The person completing it must belong to that
 * unit; the case's own variables (round, year, unit, block) must be as the system set them — a
 * completion that tries to change them is refused.
 */
@Component
class EvaluationTasks {

    /** The names of the variables that tie a yearly-evaluation case to its records. */
    static final String ROUND_ID = "roundId";
    static final String YEAR = "year";
    static final String CAMPAIGN_ID = "campaignId";
    static final String UNIT_CODE = "unitCode";
    static final String DEPARTMENT_CODE = "departmentCode";
    static final String BLOCK_CODE = "blockCode";

    /** The task ids of bpmn/yearly-evaluation.bpmn whose subject differs from a unit's own task. */
    private static final String DEPARTMENT_TASK = "Task_EnterTargets";
    private static final String LEADER_TASK = "Task_Adjust";

    /** Oversight roles read; they never act for a unit. */
    private static final List<String> READ_ONLY = List.of(CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT);

    private final BlockEvaluations evaluations;
    private final Blocks blocks;

    EvaluationTasks(BlockEvaluations evaluations, Blocks blocks) {
        this.evaluations = evaluations;
        this.blocks = blocks;
    }

    /** A completed task: its round, its unit and who completed it ({@link ProcessActors#SYSTEM} for the system). */
    record Completion(EvaluationRound round, OrgUnit unit, String actor) {
    }

    /**
     * A task of one unit (self-assessment, vote: {@code unitCode}; targets: {@code departmentCode});
     * {@code inBlock} when the task lies inside a block's part of the case.
     */
    Completion unitTask(DelegateTask task, String unitVariable, boolean inBlock) {
        EvaluationRound round = evaluations.roundOfCase(task.getProcessInstanceId());
        OrgUnit unit = unitOf(task);
        String actor = actorFor(task, unit);
        requireUnchanged(task, round);
        requireUnchanged(task, unitVariable, unit.getCode());
        if (inBlock) {
            requireUnchanged(task, BLOCK_CODE, blocks.groupOf(unit).getCode());
        }
        return new Completion(round, unit, actor);
    }

    /** The block leader's review task: the unit is the leader, the block the one it leads. */
    Completion leaderTask(DelegateTask task) {
        EvaluationRound round = evaluations.roundOfCase(task.getProcessInstanceId());
        OrgUnit leader = unitOf(task);
        String actor = actorFor(task, leader);
        requireUnchanged(task, round);
        requireUnchanged(task, BLOCK_CODE, blocks.groupOf(leader).getCode());
        if (!leader.isGroupLeader()) {
            throw ApiException.forbidden(leader.getName() + " không phải trưởng khối.");
        }
        return new Completion(round, leader, actor);
    }

    /** What a new task shows in Tasklist: its runtime name and description. */
    record Subject(String name, String description) {
    }

    /**
     * The subject of a task being created, from the case's round and the task's unit: "Tự chấm điểm thi
     * đua năm 2024", "Trưởng khối rà soát, điều chỉnh điểm năm 2024: KHOI_X" (the diagram's fixed name
     * plus the year, and the block for the leader's review).
     */
    Subject subjectOf(DelegateTask task) {
        EvaluationRound round = evaluations.roundOfCase(task.getProcessInstanceId());
        String name = task.getName() + " năm " + round.getYear();
        OrgUnit unit;
        try {
            unit = unitOf(task);
        } catch (ApiException noSingleUnit) {
            // Shown as is; completing the task is refused with the same message (unitTask).
            return new Subject(name, null);
        }
        if (DEPARTMENT_TASK.equals(task.getTaskDefinitionKey()) || unit.getEmulationGroup() == null) {
            return new Subject(name, unit.getName() + " – số liệu thực hiện chỉ tiêu năm " + round.getYear() + ".");
        }
        EmulationGroup group = blocks.groupOf(unit);
        if (LEADER_TASK.equals(task.getTaskDefinitionKey())) {
            return new Subject(name + ": " + group.getCode(), group.getName() + " – trưởng khối " + unit.getName()
                    + ", năm " + round.getYear() + ".");
        }
        return new Subject(name, unit.getName() + " – " + group.getName() + ", năm " + round.getYear() + ".");
    }

    /** The unit whose group the task was created for. */
    private OrgUnit unitOf(DelegateTask task) {
        List<OrgUnit> units = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .map(blocks::unitOfGroup).flatMap(java.util.Optional::stream).distinct().toList();
        if (units.size() != 1) {
            throw ApiException.conflict("Nhiệm vụ không xác định được đơn vị thực hiện; vui lòng báo Ban Thi đua – Khen thưởng.");
        }
        return units.get(0);
    }

    /** The person completing the task must be of the task's unit; the system (no person) acts for it. */
    private static String actorFor(DelegateTask task, OrgUnit unit) {
        CurrentUser actor = ProcessActors.currentActor(task.getExecution());
        if (actor == null) {
            return ProcessActors.SYSTEM;
        }
        if (actor.inAnyGroup(READ_ONLY)) {
            throw ApiException.forbidden("Kiểm tra, giám sát chỉ được xem; không thực hiện nhiệm vụ của đơn vị.");
        }
        if (!actor.inGroup(unit.camundaGroup())) {
            throw ApiException.forbidden("Nhiệm vụ này của " + unit.getName() + "; anh/chị không thuộc đơn vị này.");
        }
        return actor.userId();
    }

    private static void requireUnchanged(DelegateTask task, EvaluationRound round) {
        requireUnchanged(task, ROUND_ID, round.getId());
        requireUnchanged(task, YEAR, (long) round.getYear());
        requireUnchanged(task, CAMPAIGN_ID, round.getCampaignId());
    }

    private static void requireUnchanged(DelegateTask task, String name, Object expected) {
        Object value = task.getVariable(name);
        boolean same = expected instanceof Long l
                ? (value instanceof Long || value instanceof Integer) && ((Number) value).longValue() == l
                : Objects.equals(value, expected);
        if (!same) {
            throw ApiException.forbidden("Không được thay đổi kỳ đánh giá, khối hay đơn vị của nhiệm vụ (" + name + ").");
        }
    }
}

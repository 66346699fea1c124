package vn.dienbien.tdkt.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * The plan that moves cases from an older version of a process to the newest: every step matched by
 * equal id ({@code mapEqualActivities}), except where the administrator maps a step by hand (a step
 * renamed or moved to another place); the steps left unmapped, with how many cases sit in each.
 */
@Component
class MigrationPlans {

    static final int MAX_MAPPINGS = 200;

    /** An explicit mapping asked for: source step id → target step id. */
    record Mapping(String from, String to) {
    }

    /** The two versions and their steps. */
    record Versions(String processKey, ProcessDefinition source, ProcessDefinition target, ActivityNames sourceSteps,
            ActivityNames targetSteps) {
    }

    record Mapped(String sourceActivityId, String sourceName, String targetActivityId, String targetName,
            boolean explicit) {
    }

    record Unmapped(String activityId, String name, long cases) {
    }

    record Step(String activityId, String name) {
    }

    /** A plan as the engine built it (null when it refused it) with its mappings and problems. */
    record Built(Versions versions, MigrationPlan plan, List<Mapped> mapped, List<String> problems) {
    }

    /** What the administrator reads: mapped and unmapped steps, the new version's steps to map to. */
    record PlanView(String processKey, String processName, int fromVersion, int toVersion, long cases,
            List<Mapped> mapped, List<Unmapped> unmapped, List<Step> targetSteps, List<String> problems) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;

    MigrationPlans(RepositoryService repository, RuntimeService runtime, HistoryService history,
            ManagementService management) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
    }

    /** The newest version of the process; 404 when there is no such process. */
    ProcessDefinition latest(String processKey) {
        ProcessDefinition latest = processKey == null || processKey.length() > 255 ? null
                : repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
        if (latest == null) {
            throw ApiException.notFound("Không có quy trình mã «" + shorten(processKey) + "».");
        }
        return latest;
    }

    /** The version cases move from and the newest they move to. */
    Versions versions(String processKey, Integer fromVersion) {
        ProcessDefinition target = latest(processKey);
        if (fromVersion == null) {
            throw ApiException.badRequest("Chọn phiên bản cũ cần chuyển (fromVersion).");
        }
        if (fromVersion == target.getVersion()) {
            throw ApiException.badRequest("Phiên bản " + fromVersion + " đã là phiên bản mới nhất của quy trình.");
        }
        // The engine takes positive versions only: anything else is a version the process does not have.
        ProcessDefinition source = fromVersion < 1 || fromVersion > target.getVersion() ? null
                : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                        .processDefinitionVersion(fromVersion).singleResult();
        if (source == null) {
            throw ApiException.badRequest("Quy trình «" + target.getName() + "» không có phiên bản " + fromVersion + ".");
        }
        return new Versions(processKey, source, target, new ActivityNames(repository.getBpmnModelInstance(source.getId())),
                new ActivityNames(repository.getBpmnModelInstance(target.getId())));
    }

    /** Builds the plan; a mapping naming a step that does not exist is refused (400). */
    Built build(Versions v, List<Mapping> explicit) {
        Map<String, String> manual = checked(v, explicit == null ? List.of() : explicit);
        List<MigrationInstruction> equal;
        try {
            equal = runtime.createMigrationPlan(v.source().getId(), v.target().getId()).mapEqualActivities().build()
                    .getInstructions();
        } catch (MigrationPlanValidationException e) {
            equal = e.getValidationReport().getMigrationPlan().getInstructions();
        }
        Map<String, String> instructions = new LinkedHashMap<>();
        for (MigrationInstruction instruction : equal) {
            if (!manual.containsKey(instruction.getSourceActivityId())) {
                instructions.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
            }
        }
        instructions.putAll(manual);
        List<Mapped> mapped = new ArrayList<>();
        instructions.forEach((from, to) -> {
            if (!from.endsWith(ActivityNames.MULTI_INSTANCE_BODY)) {
                mapped.add(new Mapped(from, v.sourceSteps().name(from), to, v.targetSteps().name(to),
                        manual.containsKey(from)));
            }
        });
        MigrationPlanBuilder builder = runtime.createMigrationPlan(v.source().getId(), v.target().getId());
        for (var instruction : instructions.entrySet()) {
            var mapping = builder.mapActivities(instruction.getKey(), instruction.getValue());
            // A conditional event moves only with the new version's condition (the engine requires it).
            builder = v.sourceSteps().isConditional(instruction.getKey()) ? mapping.updateEventTrigger() : mapping;
        }
        try {
            return new Built(v, builder.build(), mapped, List.of());
        } catch (MigrationPlanValidationException e) {
            return new Built(v, null, mapped, MigrationReports.ofPlan(e, v.sourceSteps(), v.targetSteps()));
        }
    }

    PlanView view(Built built) {
        Versions v = built.versions();
        Set<String> mappedSources = new HashSet<>();
        built.mapped().forEach(m -> mappedSources.add(ActivityNames.base(m.sourceActivityId())));
        List<Unmapped> unmapped = new ArrayList<>();
        for (String id : v.sourceSteps().waitStates()) {
            if (!mappedSources.contains(id)) {
                Set<String> cases = new HashSet<>();
                for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                        .processDefinitionId(v.source().getId()).activityId(id).unfinished().list()) {
                    cases.add(a.getProcessInstanceId());
                }
                // A case waiting in a job before the step (asyncBefore) has not started it yet: its job tells.
                management.createJobQuery().processDefinitionId(v.source().getId()).activityId(id).messages().list()
                        .forEach(job -> cases.add(job.getProcessInstanceId()));
                unmapped.add(new Unmapped(id, v.sourceSteps().name(id), cases.size()));
            }
        }
        List<Step> targetSteps = v.targetSteps().waitStates().stream()
                .map(id -> new Step(id, v.targetSteps().name(id))).toList();
        long cases = runtime.createProcessInstanceQuery().processDefinitionId(v.source().getId()).count();
        return new PlanView(v.processKey(), v.target().getName(), v.source().getVersion(), v.target().getVersion(),
                cases, built.mapped(), unmapped, targetSteps, built.problems());
    }

    private static Map<String, String> checked(Versions v, List<Mapping> explicit) {
        if (explicit.size() > MAX_MAPPINGS) {
            throw ApiException.badRequest("Tối đa " + MAX_MAPPINGS + " ánh xạ bước trong một lần chuyển.");
        }
        Map<String, String> manual = new LinkedHashMap<>();
        for (Mapping mapping : explicit) {
            if (mapping == null || blank(mapping.from()) || blank(mapping.to())) {
                throw ApiException.badRequest("Mỗi ánh xạ phải có bước của phiên bản cũ (from) và bước của phiên bản mới (to).");
            }
            String from = mapping.from().trim();
            String to = mapping.to().trim();
            if (!v.sourceSteps().contains(from)) {
                throw ApiException.badRequest("Bước «" + shorten(from) + "» không có trong phiên bản "
                        + v.source().getVersion() + " của quy trình.");
            }
            if (!v.targetSteps().contains(to)) {
                throw ApiException.badRequest("Bước «" + shorten(to) + "» không có trong phiên bản "
                        + v.target().getVersion() + " của quy trình.");
            }
            if (manual.put(from, to) != null) {
                throw ApiException.badRequest("Bước «" + v.sourceSteps().name(from) + "» được ánh xạ hai lần.");
            }
        }
        return manual;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 80 ? value : value.substring(0, 79) + "…";
    }
}

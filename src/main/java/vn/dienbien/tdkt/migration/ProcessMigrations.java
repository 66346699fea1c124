package vn.dienbien.tdkt.migration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Moving running cases to the newest version of their process: which versions still have cases, the
 * cases of a version and where each stands, a dry run that carries the migration out and rolls it
 * back (so it checks exactly what the migration would meet, and writes nothing), and the migration
 * with its record, in one transaction.
 */
@Service
class ProcessMigrations {

    static final int MAX_CASES = 5000;

    record VersionView(int version, String definitionId, String name, Instant deployedAt, long runningCases,
            boolean latest) {
    }

    record ProcessView(String processKey, String name, int latestVersion, long casesOnOlderVersions,
            List<VersionView> versions) {
    }

    record CaseView(String caseId, String businessKey, List<String> steps) {
    }

    record DryRun(boolean valid, int cases, List<String> problems) {
    }

    private final MigrationPlans plans;
    private final MigrationRecords records;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TransactionTemplate rolledBack;

    ProcessMigrations(MigrationPlans plans, MigrationRecords records, RepositoryService repository,
            RuntimeService runtime, HistoryService history, PlatformTransactionManager transactions) {
        this.plans = plans;
        this.records = records;
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Every process, newest version first in each; those with cases on older versions first. */
    List<ProcessView> processes() {
        List<ProcessView> views = new ArrayList<>();
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
            views.add(process(latest.getKey()));
        }
        views.sort(Comparator.comparing((ProcessView p) -> p.casesOnOlderVersions() == 0)
                .thenComparing(ProcessView::processKey));
        return views;
    }

    ProcessView process(String processKey) {
        ProcessDefinition latest = plans.latest(processKey);
        List<VersionView> versions = new ArrayList<>();
        long older = 0;
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().desc().list()) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
            boolean isLatest = d.getId().equals(latest.getId());
            if (!isLatest) {
                older += running;
            }
            Instant deployedAt = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).list().stream()
                    .findFirst().map(dep -> dep.getDeploymentTime().toInstant()).orElse(null);
            versions.add(new VersionView(d.getVersion(), d.getId(), d.getName(), deployedAt, running, isLatest));
        }
        return new ProcessView(processKey, latest.getName(), latest.getVersion(), older, versions);
    }

    /** The running cases of one older version, each with the steps it sits in. */
    List<CaseView> cases(String processKey, Integer version) {
        MigrationPlans.Versions v = plans.versions(processKey, version);
        Map<String, Set<String>> steps = new LinkedHashMap<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processDefinitionId(v.source().getId()).unfinished().list()) {
            String type = a.getActivityType();
            if (!"subProcess".equals(type) && !"multiInstanceBody".equals(type)) {
                steps.computeIfAbsent(a.getProcessInstanceId(), k -> new LinkedHashSet<>())
                        .add(v.sourceSteps().name(a.getActivityId()));
            }
        }
        return runtime.createProcessInstanceQuery().processDefinitionId(v.source().getId()).listPage(0, MAX_CASES)
                .stream().sorted(Comparator.comparing((ProcessInstance p) -> p.getBusinessKey() == null ? ""
                        : p.getBusinessKey()).thenComparing(ProcessInstance::getId))
                .map(p -> new CaseView(p.getId(), p.getBusinessKey(),
                        List.copyOf(steps.getOrDefault(p.getId(), Set.of()))))
                .toList();
    }

    MigrationPlans.PlanView plan(String processKey, Integer fromVersion, List<MigrationPlans.Mapping> mappings) {
        return plans.view(plans.build(plans.versions(processKey, fromVersion), mappings));
    }

    /**
     * Checks the plan and the chosen cases (all cases of the version when none are chosen) by migrating
     * them in a transaction that is always rolled back: nothing is written.
     */
    DryRun dryRun(String processKey, Integer fromVersion, List<MigrationPlans.Mapping> mappings, List<String> caseIds) {
        MigrationPlans.Built built = plans.build(plans.versions(processKey, fromVersion), mappings);
        Map<String, String> chosen = chosen(built.versions(), caseIds, true);
        if (!built.problems().isEmpty()) {
            return new DryRun(false, chosen.size(), built.problems());
        }
        if (chosen.isEmpty()) {
            return new DryRun(false, 0, List.of("Phiên bản " + fromVersion + " không còn hồ sơ nào đang chạy."));
        }
        List<String> problems = rolledBack.execute(status -> {
            status.setRollbackOnly();
            return problemsOfCases(built, chosen);
        });
        return new DryRun(problems.isEmpty(), chosen.size(), problems);
    }

    /** Moves the chosen cases (or all, when {@code all}) and records who did it; all or nothing. */
    @Transactional
    MigrationRecords.MigrationView migrate(String processKey, Integer fromVersion, List<MigrationPlans.Mapping> mappings,
            List<String> caseIds, boolean all, CurrentUser user) {
        MigrationPlans.Built built = plans.build(plans.versions(processKey, fromVersion), mappings);
        if (!all && (caseIds == null || caseIds.isEmpty())) {
            throw ApiException.badRequest("Chọn các hồ sơ cần chuyển, hoặc chọn tất cả hồ sơ của phiên bản "
                    + fromVersion + ".");
        }
        Map<String, String> chosen = chosen(built.versions(), all ? null : caseIds, all);
        if (!built.problems().isEmpty()) {
            throw ApiException.badRequest(String.join(" ", built.problems()));
        }
        if (chosen.isEmpty()) {
            throw ApiException.badRequest("Phiên bản " + fromVersion + " không còn hồ sơ nào đang chạy.");
        }
        List<String> problems = problemsOfCases(built, chosen);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join(" ", problems));
        }
        List<MigrationRecords.MovedCase> moved = chosen.entrySet().stream()
                .map(e -> new MigrationRecords.MovedCase(e.getKey(), e.getValue())).toList();
        List<MigrationRecords.MappingUsed> used = built.plan().getInstructions().stream()
                .map(i -> new MigrationRecords.MappingUsed(i.getSourceActivityId(), i.getTargetActivityId(),
                        built.mapped().stream().anyMatch(m -> m.explicit()
                                && m.sourceActivityId().equals(i.getSourceActivityId()))))
                .toList();
        long id = records.insert(built.versions(), user.userId(), WorkflowClock.now().truncatedTo(ChronoUnit.MILLIS), moved,
                used);
        return records.get(id);
    }

    List<MigrationRecords.MigrationView> history(String processKey) {
        return records.list(processKey == null || processKey.isBlank() ? null : processKey, 200);
    }

    /** Runs the migration; the engine's refusal for a case becomes Vietnamese lines (the caller decides the rest). */
    private List<String> problemsOfCases(MigrationPlans.Built built, Map<String, String> chosen) {
        try {
            runtime.newMigration(built.plan()).processInstanceIds(new ArrayList<>(chosen.keySet())).execute();
            return List.of();
        } catch (MigratingProcessInstanceValidationException e) {
            return MigrationReports.ofCases(e, built.versions().sourceSteps(), labels(chosen));
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            // Anything else the engine refuses (a case ended or changed meanwhile): said plainly, never in its words.
            return List.of("Không chuyển được các hồ sơ đã chọn: có hồ sơ vừa thay đổi hoặc không phù hợp với"
                    + " phiên bản mới. Tải lại danh sách và kiểm tra thử lại.");
        }
    }

    private static Map<String, String> labels(Map<String, String> chosen) {
        Map<String, String> labels = new LinkedHashMap<>();
        chosen.forEach((id, key) -> labels.put(id, key == null ? id : "«" + key + "»"));
        return labels;
    }

    /** Case id → business key of the chosen cases; every one must run on the old version. */
    private Map<String, String> chosen(MigrationPlans.Versions v, List<String> caseIds, boolean allWhenNone) {
        Map<String, String> chosen = new LinkedHashMap<>();
        String source = v.source().getId();
        if (caseIds == null || caseIds.isEmpty()) {
            if (allWhenNone) {
                runtime.createProcessInstanceQuery().processDefinitionId(source).listPage(0, MAX_CASES + 1)
                        .forEach(p -> chosen.put(p.getId(), p.getBusinessKey()));
                if (chosen.size() > MAX_CASES) {
                    throw ApiException.badRequest("Tối đa " + MAX_CASES + " hồ sơ trong một lần chuyển.");
                }
            }
            return chosen;
        }
        if (caseIds.size() > MAX_CASES) {
            throw ApiException.badRequest("Tối đa " + MAX_CASES + " hồ sơ trong một lần chuyển.");
        }
        Set<String> wanted = new HashSet<>();
        for (String id : caseIds) {
            if (id == null || id.isBlank() || id.length() > 64) {
                throw ApiException.badRequest("Mã hồ sơ không hợp lệ.");
            }
            wanted.add(id.trim());
        }
        for (ProcessInstance p : runtime.createProcessInstanceQuery().processDefinitionId(source)
                .processInstanceIds(wanted).list()) {
            chosen.put(p.getId(), p.getBusinessKey());
        }
        for (String id : wanted) {
            if (!chosen.containsKey(id)) {
                throw ApiException.badRequest("Hồ sơ " + MigrationPlans.shorten(id) + " không đang chạy trên phiên bản "
                        + v.source().getVersion() + " của quy trình.");
            }
        }
        return chosen;
    }
}

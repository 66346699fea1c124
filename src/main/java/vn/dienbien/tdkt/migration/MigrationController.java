package vn.dienbien.tdkt.migration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;

/**
 * Chuyển phiên bản quy trình, for system administrators (camunda-admin): processes with cases on
 * older versions, a version's cases, the plan, a dry run, the migration, and the history of migrations.
 */
@RestController
@RequestMapping("/api/process-migrations")
class MigrationController {

    private final ProcessMigrations migrations;

    MigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    /** From which old version, with which explicit mappings; which cases (none: all of the version). */
    record MigrationRequest(Integer fromVersion, List<MigrationPlans.Mapping> mappings, List<String> caseIds,
            Boolean allCases) {
    }

    @GetMapping("/processes")
    List<ProcessMigrations.ProcessView> processes(HttpServletRequest http) {
        MigrationAccess.requireAdministrator(CurrentUser.of(http));
        return migrations.processes();
    }

    @GetMapping("/processes/{key}")
    ProcessMigrations.ProcessView process(@PathVariable String key, HttpServletRequest http) {
        MigrationAccess.requireAdministrator(CurrentUser.of(http));
        return migrations.process(key);
    }

    @GetMapping("/processes/{key}/cases")
    List<ProcessMigrations.CaseView> cases(@PathVariable String key, @RequestParam(required = false) Integer version,
            HttpServletRequest http) {
        MigrationAccess.requireAdministrator(CurrentUser.of(http));
        return migrations.cases(key, version);
    }

    @PostMapping("/processes/{key}/plan")
    MigrationPlans.PlanView plan(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
            HttpServletRequest http) {
        MigrationAccess.requireAdministrator(CurrentUser.of(http));
        MigrationRequest r = body(request);
        return migrations.plan(key, r.fromVersion(), r.mappings());
    }

    @PostMapping("/processes/{key}/dry-run")
    ProcessMigrations.DryRun dryRun(@PathVariable String key, @RequestBody(required = false) MigrationRequest request,
            HttpServletRequest http) {
        MigrationAccess.requireAdministrator(CurrentUser.of(http));
        MigrationRequest r = body(request);
        return migrations.dryRun(key, r.fromVersion(), r.mappings(), r.caseIds());
    }

    @PostMapping("/processes/{key}/migrations")
    @ResponseStatus(HttpStatus.CREATED)
    MigrationRecords.MigrationView migrate(@PathVariable String key,
            @RequestBody(required = false) MigrationRequest request, HttpServletRequest http) {
        CurrentUser user = CurrentUser.of(http);
        MigrationAccess.requireAdministrator(user);
        MigrationRequest r = body(request);
        return migrations.migrate(key, r.fromVersion(), r.mappings(), r.caseIds(), Boolean.TRUE.equals(r.allCases()),
                user);
    }

    /** Every migration, newest first (of one process with {@code processKey}): administrators and auditors. */
    @GetMapping("/history")
    List<MigrationRecords.MigrationView> history(@RequestParam(required = false) String processKey,
            HttpServletRequest http) {
        MigrationAccess.requireHistoryReader(CurrentUser.of(http));
        return migrations.history(processKey);
    }

    private static MigrationRequest body(MigrationRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Thiếu nội dung: phiên bản cũ (fromVersion), các ánh xạ bước (mappings)"
                    + " và các hồ sơ (caseIds hoặc allCases).");
        }
        return request;
    }
}

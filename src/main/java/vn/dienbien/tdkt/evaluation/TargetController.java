package vn.dienbien.tdkt.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.OfficialRepository;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/** Targets: yearly progress for everyone, actual values from the responsible department, the list from the Board. */
@RestController
class TargetController {

    private final TargetProgress progress;
    private final TargetTemplate template;
    private final OfficialRepository officials;

    TargetController(TargetProgress progress, TargetTemplate template, OfficialRepository officials) {
        this.progress = progress;
        this.template = template;
        this.officials = officials;
    }

    /** The campaign's targets in the XLSX template (README, section on targets). */
    @GetMapping("/api/campaigns/{id}/targets/xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long id, HttpServletRequest request) {
        CurrentUser.of(request);
        return Spreadsheets.download(template.export(id), "chi-tieu-dot-" + id + ".xlsx", Spreadsheets.XLSX);
    }

    /** The Board loads a campaign's targets from the XLSX template: all rows or none. */
    @PostMapping("/api/campaigns/{id}/targets/xlsx")
    TargetTemplate.Loaded load(@PathVariable Long id, @RequestParam(value = "file", required = false) MultipartFile file,
            HttpServletRequest request) throws IOException {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(List.of(CamundaGroups.BOARD, CamundaGroups.ADMINISTRATORS))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng (hoặc quản trị hệ thống) được nạp danh sách chỉ tiêu.");
        }
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("Cần chọn tệp Excel (.xlsx) theo mẫu danh sách chỉ tiêu.");
        }
        try (InputStream in = file.getInputStream()) {
            return template.load(id, in);
        }
    }

    /** The province's targets and their progress are no secret to anyone signed in. */
    @GetMapping("/api/campaigns/{id}/targets/progress")
    List<TargetProgress.Row> progress(@PathVariable Long id, @RequestParam int year,
            @RequestParam(required = false) String unit, HttpServletRequest request) {
        CurrentUser.of(request);
        return progress.progress(id, year, unit);
    }

    record Actual(@NotNull(message = "cần năm số liệu") Integer year,
            @NotNull(message = "cần giá trị thực hiện") BigDecimal value) {
    }

    @PostMapping("/api/campaigns/{id}/targets/{code}/actuals")
    void enter(@PathVariable Long id, @PathVariable String code, @Valid @RequestBody Actual actual,
            HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (user.inAnyGroup(List.of(CamundaGroups.AUDITORS, CamundaGroups.FATHERLAND_FRONT))) {
            throw ApiException.forbidden("Kiểm tra, giám sát chỉ được xem số liệu chỉ tiêu.");
        }
        Long unitId = officials.findUnitIdByUsername(user.userId()).orElse(null);
        progress.enterActual(id, code, actual.year(), actual.value(), unitId, user.inGroup(CamundaGroups.BOARD),
                user.userId());
    }
}

package vn.dienbien.tdkt.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;
import vn.dienbien.tdkt.platform.WorkflowClock;

/**
 * Tra cứu hồ sơ for auditors, the Fatherland Front and the Board: a page of cases, or every matching
 * case as CSV or XLSX. The three take the same parameters (see {@link CaseQuery#parse}): {@code kind,
 * campaign, year, unit, group, award, nominee, status, decision, actor, from, to, sort}, and for the
 * page {@code page, size}. Parameters and the caller are checked before anything is written, so a
 * refusal is always a JSON answer with its status.
 */
@RestController
class AuditSearchController {

    private final AuditSearch search;
    private final CaseExports exports;

    AuditSearchController(AuditSearch search, CaseExports exports) {
        this.search = search;
        this.exports = exports;
    }

    @GetMapping("/api/audit/cases")
    AuditSearch.CasePage cases(@RequestParam Map<String, String> params, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        return search.search(CaseQuery.parse(params));
    }

    @GetMapping("/api/audit/cases.csv")
    void csv(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CaseQuery query = checked(params, request);
        download(response, Spreadsheets.CSV.toString(), "csv");
        exports.csv(query, response.getOutputStream());
    }

    @GetMapping("/api/audit/cases.xlsx")
    void xlsx(@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        CaseQuery query = checked(params, request);
        download(response, Spreadsheets.XLSX.toString(), "xlsx");
        exports.xlsx(query, response.getOutputStream());
    }

    private static CaseQuery checked(Map<String, String> params, HttpServletRequest request) {
        AuditAccess.requireReader(CurrentUser.of(request));
        return CaseQuery.parse(params);
    }

    private static void download(HttpServletResponse response, String contentType, String extension) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Spreadsheets.attachment(
                CaseExports.fileName(LocalDate.ofInstant(WorkflowClock.now(), CaseSearchSql.VIETNAM), extension)));
    }
}

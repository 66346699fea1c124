package vn.dienbien.tdkt.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * Xuất kết quả tra cứu: every case matching a search as CSV (UTF-8 with BOM, cells that a spreadsheet
 * would run neutralised) or XLSX, one row per case written as the database returns it: nothing is
 * gathered in memory, whatever the number of rows.
 */
@Component
class CaseExports {

    static final List<String> HEADER = List.of("Mã hồ sơ (quy trình)", "Loại hồ sơ", "Tên hồ sơ", "Đợt thi đua",
            "Năm", "Mã đơn vị", "Đơn vị", "Cụm, khối thi đua", "Hình thức khen thưởng", "Đối tượng đề nghị",
            "Trạng thái", "Số quyết định", "Bắt đầu", "Kết thúc", "Thu hồi, hủy bỏ khen thưởng");
    private static final int[] WIDTHS = {38, 20, 60, 18, 6, 10, 34, 34, 32, 30, 28, 16, 17, 17, 50};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AuditSearch search;

    CaseExports(AuditSearch search) {
        this.search = search;
    }

    /** The file name of an export made today in Điện Biên: tra-cuu-ho-so-2026-12-01.csv. */
    static String fileName(LocalDate today, String extension) {
        return "tra-cuu-ho-so-" + today + "." + extension;
    }

    void csv(CaseQuery query, OutputStream out) throws IOException {
        try (var csv = Spreadsheets.csvStream(out)) {
            csv.row(HEADER);
            search.each(query, row -> csv.row(cells(row)));
        }
    }

    /** Rows go to the workbook's temporary file as they come; the file is then sent and deleted. */
    void xlsx(CaseQuery query, OutputStream out) throws IOException {
        try (var xlsx = Spreadsheets.xlsxStream("Tra cứu hồ sơ", WIDTHS)) {
            xlsx.row(HEADER);
            search.each(query, row -> xlsx.row(cells(row)));
            xlsx.writeTo(out);
        }
    }

    static List<Object> cells(CaseSummary c) {
        return Arrays.asList(c.caseId(), c.kindLabel(), c.title(), c.campaignCode(), c.year(), c.unitCode(),
                c.unitName(), c.groupName(), c.awardName(), c.nomineeName(), c.statusLabel(), c.decisionCode(),
                time(c.startedAt()), time(c.endedAt()), c.revocation());
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : TIME.format(at.atZoneSameInstant(CaseSearchSql.VIETNAM));
    }
}

package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What users typed reaches a spreadsheet as text, never as a formula. */
class SpreadsheetsTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String DDE = "+cmd|' /C calc'!A0";

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasArePrefixedWithAQuote() {
        String csv = new String(Spreadsheets.csv(List.of(
                List.of(HYPERLINK, DDE, "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"),
                List.of("\t=1+1", "\r=1+1", "  =1+1", "\uFF1D1+1"))), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+cmd|' /C calc'!A0\","
                + "\"'-2+3+cmd|' /C calc'!A0\",\"'@SUM(1+1)*cmd|' /C calc'!A0\"\r\n"
                + "\"'\t=1+1\",\"'\r=1+1\",\"'  =1+1\",\"'\uFF1D1+1\"\r\n");
    }

    @Test
    void ordinaryTextNumbersAndEmptyCellsAreLeftAsTheyAre() {
        String csv = new String(Spreadsheets.csv(List.of(Arrays.asList("Sở Y tế", "25/KH-SYT", "", null, -5, 12.5,
                "a=b", "O'Neil"))), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF\"Sở Y tế\",\"25/KH-SYT\",\"\",,-5,12.5,\"a=b\",\"O'Neil\"\r\n");
    }

    @Test
    void xlsxStringCellsAreTextAndNeverFormulas() throws Exception {
        byte[] xlsx = Spreadsheets.xlsx("Kiểm tra", List.of(List.of(HYPERLINK, DDE, 3)));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(DDE);
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void aCsvWrittenRowByRowIsTheSameAsTheWholeTable() throws Exception {
        List<List<?>> rows = List.of(List.of("Mã", "Họ và tên", "Năm"), Arrays.asList("HS-1", HYPERLINK, 2023),
                Arrays.asList(null, "Lò Thị \"Xuân\"", -5));
        var out = new ByteArrayOutputStream();
        try (var csv = Spreadsheets.csvStream(out)) {
            rows.forEach(csv::row);
        }
        assertThat(out.toByteArray()).isEqualTo(Spreadsheets.csv(rows));
    }

    @Test
    void anEmptyStreamedCsvStillStartsWithTheByteOrderMark() throws Exception {
        var out = new ByteArrayOutputStream();
        Spreadsheets.csvStream(out).close();
        assertThat(out.toByteArray()).containsExactly(0xEF, 0xBB, 0xBF);
    }

    @Test
    void aStreamedXlsxHoldsEveryRowPastItsWindowWithTextNumbersAndABoldHeader() throws Exception {
        int rows = Spreadsheets.XlsxStream.WINDOW * 3 + 7;
        var out = new ByteArrayOutputStream();
        try (var xlsx = Spreadsheets.xlsxStream("Tra cứu", 20, 30)) {
            xlsx.row(List.of("Mã", "Giá trị"));
            for (int i = 1; i <= rows; i++) {
                xlsx.row(Arrays.asList(i % 2 == 0 ? HYPERLINK : null, i));
            }
            xlsx.writeTo(out);
        }
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = book.getSheet("Tra cứu");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isEqualTo(30 * 256);
            var last = sheet.getRow(rows);
            assertThat(last.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(rows);
            var formula = sheet.getRow(2).getCell(0);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).as("null is an empty cell").isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void aStreamedXlsxLeavesNoTemporaryFileBehind() throws Exception {
        List<String> before = sheetFiles();
        try (var xlsx = Spreadsheets.xlsxStream("Tạm", 10)) {
            for (int i = 0; i < Spreadsheets.XlsxStream.WINDOW * 2; i++) {
                xlsx.row(List.of("dòng " + i));
            }
            assertThat(sheetFiles()).as("rows past the window went to a temporary file").hasSizeGreaterThan(before.size());
            xlsx.writeTo(new ByteArrayOutputStream());
        }
        assertThat(sheetFiles()).isEqualTo(before);
    }

    /** POI's temporary sheet files (poifiles/poi-sxssf-sheet*.xml[.gz] under the temporary directory). */
    private static List<String> sheetFiles() {
        File dir = new File(System.getProperty("java.io.tmpdir"), "poifiles");
        String[] names = dir.list((d, name) -> name.startsWith("poi-sxssf-sheet"));
        List<String> files = new ArrayList<>(names == null ? List.of() : Arrays.asList(names));
        files.sort(null);
        return files;
    }
}

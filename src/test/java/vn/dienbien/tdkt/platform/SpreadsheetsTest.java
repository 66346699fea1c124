package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
}

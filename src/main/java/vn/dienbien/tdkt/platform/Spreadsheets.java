package vn.dienbien.tdkt.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables for Vietnamese offices: CSV in UTF-8 with a byte-order mark (so Excel reads the
 * diacritics) and XLSX with numbers kept as numbers. Every CSV export goes through {@link #csv},
 * which neutralises cells that a spreadsheet would run as formulas.
 */
public final class Spreadsheets {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** = + - @, tab, CR, LF, and their full-width forms, which some spreadsheet locales accept too. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private Spreadsheets() {
    }

    /** Rows of cells; a null cell is empty, a number stays unquoted. */
    public static byte[] csv(List<? extends List<?>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (List<?> row : rows) {
            csv.append(row.stream().map(Spreadsheets::csvCell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(String sheetName, List<? extends List<?>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            int r = 0;
            int widest = 0;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                widest = Math.max(widest, values.size());
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : String.valueOf(v));
                    }
                }
            }
            for (int i = 0; i < widest; i++) {
                sheet.autoSizeColumn(i);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A download with its file name. */
    public static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(type).body(body);
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "\"" + neutralised(String.valueOf(value)).replace("\"", "\"\"") + "\"";
    }

    /**
     * A text that Excel or LibreOffice would take for a formula ({@code =HYPERLINK(...)},
     * {@code +cmd|...}, {@code -2+3}, {@code @SUM(...)}, also after a tab, a line break or
     * spaces) is shown as typed: a single quote in front makes the spreadsheet read it as text.
     * Every CSV cell that is not a number goes through here; XLSX needs no such care, as a string
     * cell ({@code setCellValue(String)}) is never evaluated.
     */
    static String neutralised(String text) {
        int first = 0;
        while (first < text.length() && (text.charAt(first) == ' ' || text.charAt(first) == '\u00A0')) {
            first++; // an importer that trims spaces would see the formula behind them
        }
        if (first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}

package vn.dienbien.tdkt.platform;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables for Vietnamese offices: CSV in UTF-8 with a byte-order mark (so Excel reads the
 * diacritics) and XLSX with numbers kept as numbers. Every CSV export goes through {@link #csv} or
 * {@link #csvStream}, which neutralise cells that a spreadsheet would run as formulas. Large exports
 * are written row by row as they are read ({@link #csvStream}, {@link #xlsxStream}), so that memory
 * does not grow with the number of rows.
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
            csv.append(csvLine(row));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A CSV written to {@code out} row by row, as {@link #csv} writes it (byte-order mark, CRLF,
     * neutralised cells); closing it flushes and closes {@code out}.
     */
    public static CsvStream csvStream(OutputStream out) {
        return new CsvStream(out);
    }

    /**
     * An XLSX built row by row: POI's streaming workbook keeps the last {@value XlsxStream#WINDOW}
     * rows in memory and the others in a temporary file, deleted on {@link XlsxStream#close()}. The
     * first row is the header, in bold; {@code columnWidths} are in characters.
     */
    public static XlsxStream xlsxStream(String sheetName, int... columnWidths) {
        return new XlsxStream(sheetName, columnWidths);
    }

    /** The Content-Disposition of a download named {@code fileName}. */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
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
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).contentType(type).body(body);
    }

    private static String csvLine(List<?> row) {
        return row.stream().map(Spreadsheets::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV being written: one {@link #row} at a time, nothing kept once written. */
    public static final class CsvStream implements Closeable {

        private final Writer out;

        private CsvStream(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
            write("\uFEFF");
        }

        public void row(List<?> cells) {
            write(csvLine(cells));
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An XLSX being built: one {@link #row} at a time, then {@link #writeTo} and {@link #close}. */
    public static final class XlsxStream implements Closeable {

        /** Rows kept in memory; older rows are flushed to the temporary file. */
        static final int WINDOW = 100;

        private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private final CellStyle header;
        private int next;

        private XlsxStream(String sheetName, int[] columnWidths) {
            book.setCompressTempFiles(true);
            sheet = book.createSheet(sheetName);
            for (int i = 0; i < columnWidths.length; i++) {
                sheet.setColumnWidth(i, Math.min(255, columnWidths[i]) * 256);
            }
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
        }

        /** A row of cells: a number stays a number, anything else is text (never a formula), null is empty. */
        public void row(List<?> values) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                var cell = row.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(String.valueOf(v));
                }
                if (next == 0) {
                    cell.setCellStyle(header);
                }
            }
            next++;
        }

        public void writeTo(OutputStream out) throws IOException {
            book.write(out);
        }

        /** Deletes the temporary file. */
        @Override
        public void close() throws IOException {
            try {
                book.dispose();
            } finally {
                book.close();
            }
        }
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

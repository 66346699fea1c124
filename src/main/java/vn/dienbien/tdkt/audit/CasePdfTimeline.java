package vn.dienbien.tdkt.audit;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import java.util.Map;
import vn.dienbien.tdkt.audit.CaseRecord.TimelineEntry;

/**
 * Diễn biến vụ việc in bản in: the case's timeline as a table, one row per event — time, person,
 * event, its data as "label: value" lines, and its seal. Rows are handed to the document in chunks
 * (an incomplete {@link PdfPTable} is flushed after each chunk), and every page is written out as
 * soon as it is full, so a case of ten thousand events never becomes one table in memory. An
 * entry altered outside the application is printed on red with the verdict in words.
 */
final class CasePdfTimeline {

    static final int ROWS_PER_CHUNK = 40;
    private static final float[] WIDTHS = {11, 14, 17, 46, 12};

    private final Document document;
    private final CasePdfStyle style;

    CasePdfTimeline(Document document, CasePdfStyle style) {
        this.document = document;
        this.style = style;
    }

    void write(List<TimelineEntry> entries) throws DocumentException {
        Paragraph heading = new Paragraph("Diễn biến vụ việc (" + entries.size() + " sự kiện)", style.heading);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
        if (entries.isEmpty()) {
            document.add(new Paragraph("Chưa ghi nhận sự kiện nào.", style.body));
            return;
        }
        PdfPTable table = newTable();
        int pending = 0;
        for (TimelineEntry entry : entries) {
            addRow(table, entry);
            if (++pending == ROWS_PER_CHUNK) {
                document.add(table);
                pending = 0;
            }
        }
        table.setComplete(true);
        if (pending > 0) {
            document.add(table);
        }
    }

    private PdfPTable newTable() throws DocumentException {
        PdfPTable table = new PdfPTable(WIDTHS.length);
        table.setWidthPercentage(100);
        table.setWidths(WIDTHS);
        table.setHeaderRows(1);
        table.setSplitRows(true);
        table.setComplete(false);
        for (String title : List.of("Thời gian", "Người thực hiện", "Sự kiện", "Chi tiết", "Niêm phong")) {
            table.addCell(style.headerCell(title));
        }
        return table;
    }

    private void addRow(PdfPTable table, TimelineEntry entry) {
        boolean flagged = entry.flagged();
        String time = entry.at() != null ? CaseRecordText.dateTimeSeconds(entry.at()) : CaseRecordText.orNone(entry.time());
        table.addCell(cell(new Phrase(time, style.small), flagged));
        table.addCell(cell(new Phrase(CaseRecordText.person(entry.actorName(), entry.actorId()), style.small), flagged));
        table.addCell(cell(event(entry), flagged));
        table.addCell(cell(details(entry), flagged));
        table.addCell(cell(new Phrase(CaseRecordText.integrity(entry.integrity()), flagged ? style.redSmallBold : style.small), flagged));
    }

    private Phrase event(TimelineEntry entry) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(CaseRecordText.orNone(entry.title()), style.smallBold));
        String source = CaseRecordText.source(entry.source());
        if (!source.isEmpty()) {
            phrase.add(new Chunk("\n" + source, style.muted));
        }
        return phrase;
    }

    private Phrase details(TimelineEntry entry) {
        Phrase phrase = new Phrase();
        boolean first = true;
        Map<String, String> details = entry.details() == null ? Map.of() : entry.details();
        for (Map.Entry<String, String> detail : details.entrySet()) {
            first = line(phrase, first, detail.getKey(), detail.getValue());
        }
        if (entry.link() != null && !entry.link().isBlank()) {
            line(phrase, first, "Tài liệu", entry.link());
        }
        return phrase;
    }

    private boolean line(Phrase phrase, boolean first, String label, String value) {
        if (!first) {
            phrase.add(new Chunk("\n", style.small));
        }
        phrase.add(new Chunk(label + ": ", style.smallBold));
        phrase.add(new Chunk(value == null ? CaseRecordText.NONE : value, style.small));
        return false;
    }

    private PdfPCell cell(Phrase content, boolean flagged) {
        PdfPCell cell = style.cell(content);
        if (flagged) {
            cell.setBackgroundColor(CasePdfStyle.RED_BACKGROUND);
        }
        return cell;
    }
}

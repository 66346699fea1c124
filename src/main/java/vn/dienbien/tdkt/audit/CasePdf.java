package vn.dienbien.tdkt.audit;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.audit.CaseRecord.Integrity;
import vn.dienbien.tdkt.audit.CaseRecord.RelatedCase;

/**
 * Bản in hồ sơ kiểm tra: a case's complete record as a printable A4 PDF in Vietnamese, with
 * DejaVu Sans embedded — the case and its summary, whether the sealed ledger still matches it,
 * the cases linked to it, and its whole timeline. Pages are written to the stream as they fill;
 * the stream is flushed, not closed.
 */
@Component
class CasePdf {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** Writes the record as PDF to {@code out}; {@code out} stays open. */
    void write(CaseRecord record, OutputStream out) {
        CasePdfStyle style = new CasePdfStyle(PdfFonts.forOneDocument());
        CaseSummary summary = record.summary();
        Document document = new Document(PageSize.A4, 36, 36, 40, 54);
        BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, buffered);
            writer.setCloseStream(false);
            writer.setPageEvent(new CasePdfFooter(style.fonts.regular,
                    "Mã vụ việc " + summary.caseId() + " · Lập lúc " + CaseRecordText.dateTime(record.generatedAt()) + " (giờ Việt Nam)"));
            document.addTitle("Hồ sơ kiểm tra — " + CaseRecordText.orNone(summary.title()));
            document.addCreator("Hệ thống thi đua – khen thưởng tỉnh Điện Biên");
            document.open();
            header(document, summary, style);
            document.add(summaryTable(record, style));
            document.add(integrityBox(record.integrity(), style));
            related(document, record.related() == null ? List.of() : record.related(), style);
            new CasePdfTimeline(document, style).write(record.entries() == null ? List.of() : record.entries());
            document.close();
            buffered.flush();
        } catch (DocumentException e) {
            throw new IllegalStateException("Không lập được bản in của vụ việc " + summary.caseId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Document document, CaseSummary summary, CasePdfStyle style) throws DocumentException {
        String kind = summary.kindLabel() == null ? "" : " — " + summary.kindLabel().toUpperCase(VIETNAMESE);
        Paragraph title = new Paragraph("HỒ SƠ KIỂM TRA" + kind, style.title);
        title.setAlignment(Element.ALIGN_CENTER);
        document.add(title);
        Paragraph name = new Paragraph(CaseRecordText.orNone(summary.title()), style.subtitle);
        name.setAlignment(Element.ALIGN_CENTER);
        name.setSpacingBefore(4);
        name.setSpacingAfter(10);
        document.add(name);
    }

    private static PdfPTable summaryTable(CaseRecord record, CasePdfStyle style) throws DocumentException {
        CaseSummary s = record.summary();
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {27, 73});
        field(table, style, "Mã vụ việc", s.caseId());
        field(table, style, "Đợt thi đua", s.campaignCode());
        field(table, style, "Năm", s.year() == null ? null : s.year().toString());
        field(table, style, "Đơn vị", s.unitName() == null ? s.unitCode()
                : s.unitCode() == null ? s.unitName() : s.unitName() + " (" + s.unitCode() + ")");
        field(table, style, "Cụm/khối", s.groupName());
        field(table, style, "Hình thức khen thưởng", s.awardName() == null ? s.awardCode() : s.awardName());
        field(table, style, "Đối tượng được đề nghị", s.nomineeName());
        field(table, style, "Trạng thái", s.statusLabel() == null ? s.status() : s.statusLabel());
        field(table, style, "Số quyết định", s.decisionCode());
        if (s.revocation() != null) {
            field(table, style, "Thu hồi, hủy bỏ khen thưởng", s.revocation());
        }
        field(table, style, "Bắt đầu", CaseRecordText.dateTime(s.startedAt()));
        field(table, style, "Kết thúc", s.endedAt() == null ? "Chưa kết thúc" : CaseRecordText.dateTime(s.endedAt()));
        String procedure = CaseRecordText.orNone(record.processDefinitionName() != null
                ? record.processDefinitionName() : record.processDefinitionKey());
        field(table, style, "Quy trình", procedure + " — phiên bản " + record.processDefinitionVersion());
        return table;
    }

    private static void field(PdfPTable table, CasePdfStyle style, String label, String value) {
        PdfPCell name = style.cell(new Phrase(label, style.bodyBold));
        name.setBackgroundColor(CasePdfStyle.HEADER_BACKGROUND);
        table.addCell(name);
        table.addCell(style.cell(new Phrase(CaseRecordText.orNone(value), style.body)));
    }

    private static PdfPTable integrityBox(Integrity integrity, CasePdfStyle style) {
        Phrase text = new Phrase();
        boolean intact = integrity != null && integrity.intact();
        if (integrity == null) {
            text.add(new Chunk("Chưa kiểm tra chuỗi niêm phong", style.bodyBold));
        } else if (intact) {
            text.add(new Chunk("Chuỗi niêm phong nguyên vẹn", style.greenBold));
            text.add(new Chunk("\n" + integrity.sealedEntries() + " sự kiện đã niêm phong; không sự kiện nào bị sửa, xóa"
                    + " hay thêm ngoài ứng dụng.", style.body));
        } else {
            text.add(new Chunk("PHÁT HIỆN THAY ĐỔI NGOÀI ỨNG DỤNG", style.redBold));
            text.add(new Chunk("\n" + integrity.flaggedEntries() + " sự kiện bị đánh dấu trên " + integrity.sealedEntries()
                    + " sự kiện đã niêm phong" + (integrity.chainIntact() ? "." : "; chuỗi băm niêm phong bị đứt."), style.red));
            for (String problem : integrity.problems() == null ? List.<String>of() : integrity.problems()) {
                text.add(new Chunk("\n•  " + problem, style.body));
            }
        }
        PdfPCell cell = new PdfPCell(text);
        cell.setPadding(7);
        cell.setUseAscender(true);
        cell.setLeading(0, 1.3f);
        cell.setBorderWidth(1.2f);
        cell.setBorderColor(integrity == null ? CasePdfStyle.RULE : intact ? CasePdfStyle.GREEN : CasePdfStyle.RED);
        cell.setBackgroundColor(integrity == null ? null : intact ? CasePdfStyle.GREEN_BACKGROUND : CasePdfStyle.RED_BACKGROUND);
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(10);
        box.addCell(cell);
        return box;
    }

    private static void related(Document document, List<RelatedCase> related, CasePdfStyle style) throws DocumentException {
        Paragraph heading = new Paragraph("Hồ sơ liên quan", style.heading);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
        if (related.isEmpty()) {
            document.add(new Paragraph("Không có hồ sơ liên quan.", style.body));
            return;
        }
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {24, 42, 34});
        table.setHeaderRows(1);
        table.addCell(style.headerCell("Quan hệ"));
        table.addCell(style.headerCell("Hồ sơ"));
        table.addCell(style.headerCell("Mã vụ việc"));
        for (RelatedCase other : related) {
            table.addCell(style.cell(new Phrase(CaseRecordText.orNone(other.relation()), style.small)));
            table.addCell(style.cell(new Phrase(CaseRecordText.orNone(other.label()), style.small)));
            table.addCell(style.cell(new Phrase(CaseRecordText.orNone(other.caseId()), style.small)));
        }
        document.add(table);
    }
}

package vn.dienbien.tdkt.paperwork;

import java.io.FileOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the first versions of the office's templates (src/main/resources/templates/*.docx) in the
 * layout of Decree 30/2020/NĐ-CP: A4, Times New Roman, the issuing body and the national motto side
 * by side, title, legal bases, articles, "Nơi nhận" and the signature block, then the annex. The
 * office edits the .docx files in Word afterwards; this generator is only their starting point:
 * {@code java -cp <test classpath> vn.dienbien.tdkt.paperwork.OfficeTemplatesGenerator}.
 */
public final class OfficeTemplatesGenerator {

    private static final String FONT = "Times New Roman";

    private OfficeTemplatesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/templates");
        Files.createDirectories(dir);
        write(decision(), dir.resolve("quyet-dinh-khen-thuong.docx"));
        write(submission(), dir.resolve("to-trinh-khen-thuong.docx"));
    }

    private static void write(XWPFDocument doc, Path file) throws IOException {
        try (var out = new FileOutputStream(file.toFile()); doc) {
            doc.write(out);
        }
    }

    static XWPFDocument decision() {
        XWPFDocument doc = a4();
        header(doc, List.of("ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"), "Số: {{number}}/QĐ-UBND");
        centered(doc, "{{draftMark}}", true, false, 12);
        centered(doc, "QUYẾT ĐỊNH", true, false, 14);
        centered(doc, "Về việc {{subject}}", true, false, 14);
        centered(doc, "______________", false, false, 14);
        centered(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", true, false, 14);
        body(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số"
                + " điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;", false, true);
        body(doc, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", false, true);
        body(doc, "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi"
                + " hành một số điều của Luật Thi đua, khen thưởng;", false, true);
        body(doc, "Theo đề nghị của Hội đồng Thi đua – Khen thưởng tỉnh và của Trưởng Ban Thi đua – Khen thưởng,"
                + " Sở Nội vụ.", false, true);
        centered(doc, "QUYẾT ĐỊNH:", true, false, 14);
        body(doc, "Điều 1. Tặng {{awardNames}} cho {{awardeeCount}} tập thể, cá nhân có tên trong danh sách kèm theo"
                + " Quyết định này, đã có thành tích xuất sắc trong phong trào thi đua.", false, false);
        body(doc, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Tiền thưởng thực hiện theo quy định hiện hành.", false, false);
        body(doc, "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Trưởng Ban Thi đua – Khen"
                + " thưởng, thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu"
                + " trách nhiệm thi hành Quyết định này./.", false, false);
        signature(doc, List.of("- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Ban TĐKT, Sở Nội vụ;",
                "- Lưu: VT."), List.of("{{signingCapacity}}", "{{signerTitle}}"), "{{signerName}}");
        pageBreak(doc);
        centered(doc, "DANH SÁCH", true, false, 14);
        centered(doc, "tập thể, cá nhân được tặng {{awardNames}}", true, false, 14);
        centered(doc, "(Kèm theo Quyết định số {{number}}/QĐ-UBND ngày {{dateShort}} của Chủ tịch Ủy ban nhân dân"
                + " tỉnh Điện Biên)", false, true, 14);
        centered(doc, "______________", false, false, 14);
        annex(doc, List.of("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng"),
                List.of("[stt]", "[name]", "[unit]", "[award]"), new int[] {700, 3000, 3300, 2300});
        return doc;
    }

    static XWPFDocument submission() {
        XWPFDocument doc = a4();
        header(doc, List.of("SỞ NỘI VỤ", "BAN THI ĐUA – KHEN THƯỞNG"), "Số:        /TTr-BTĐKT");
        centered(doc, "{{draftMark}}", true, false, 12);
        centered(doc, "TỜ TRÌNH", true, false, 14);
        centered(doc, "Về việc đề nghị {{subject}}", true, false, 14);
        centered(doc, "______________", false, false, 14);
        centered(doc, "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Điện Biên.", false, false, 14);
        body(doc, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", false, true);
        body(doc, "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi"
                + " hành một số điều của Luật Thi đua, khen thưởng;", false, true);
        body(doc, "Ngày {{meetingDate}}, Hội đồng Thi đua – Khen thưởng tỉnh đã họp xét ({{sessionTitle}}). Kết quả"
                + " biểu quyết: {{passedCount}}/{{dossierCount}} hồ sơ đạt tỷ lệ đồng ý theo quy định; {{memberCount}}"
                + " thành viên Hội đồng.", false, false);
        body(doc, "{{note}}", false, false);
        body(doc, "Ban Thi đua – Khen thưởng (cơ quan thường trực Hội đồng) kính trình Chủ tịch Ủy ban nhân dân tỉnh"
                + " xem xét, quyết định tặng {{awardNames}} cho {{awardeeCount}} tập thể, cá nhân có tên trong danh"
                + " sách kèm theo./.", false, false);
        signature(doc, List.of("- Như trên;", "- Thường trực Hội đồng TĐKT tỉnh;", "- Lưu: VT, Ban TĐKT."),
                List.of("{{signingCapacity}}", "{{signerTitle}}"), "{{signerName}}");
        pageBreak(doc);
        centered(doc, "DANH SÁCH", true, false, 14);
        centered(doc, "đề nghị tặng {{awardNames}}", true, false, 14);
        centered(doc, "(Kèm theo Tờ trình ngày {{dateShort}} của Ban Thi đua – Khen thưởng)", false, true, 14);
        centered(doc, "______________", false, false, 14);
        annex(doc, List.of("STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng",
                "Kết quả biểu quyết"), List.of("[stt]", "[name]", "[unit]", "[award]", "[votes]"),
                new int[] {700, 2600, 2800, 2000, 1200});
        return doc;
    }

    private static XWPFDocument a4() {
        XWPFDocument doc = new XWPFDocument();
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        // Decree 30/2020, appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(1134));
        return doc;
    }

    /** Issuing body and number on the left, national motto and place and date on the right, no borders. */
    private static void header(XWPFDocument doc, List<String> body, String number) {
        XWPFTable table = doc.createTable(1, 2);
        table.removeBorders();
        table.setWidth("100%");
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        left.setWidth("40%");
        right.setWidth("60%");
        cellLine(left, body.get(0), false, false, 13, true);
        cellLine(left, body.get(1), true, false, 13, false);
        cellLine(left, "________", false, false, 13, false);
        cellLine(left, number, false, false, 13, false);
        cellLine(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 13, true);
        cellLine(right, "Độc lập – Tự do – Hạnh phúc", true, false, 14, false);
        cellLine(right, "________________________", false, false, 13, false);
        cellLine(right, "Điện Biên, ngày {{day}} tháng {{month}} năm {{year}}", false, true, 14, false);
    }

    private static void signature(XWPFDocument doc, List<String> recipients, List<String> capacity, String name) {
        body(doc, "", false, false);
        XWPFTable table = doc.createTable(1, 2);
        table.removeBorders();
        table.setWidth("100%");
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        left.setWidth("50%");
        right.setWidth("50%");
        XWPFParagraph first = left.getParagraphs().get(0);
        first.setAlignment(ParagraphAlignment.LEFT);
        run(first, "Nơi nhận:", true, true, 12);
        for (String line : recipients) {
            run(left.addParagraph(), line, false, false, 11);
        }
        cellLine(right, capacity.get(0), true, false, 14, true);
        cellLine(right, capacity.get(1), true, false, 14, false);
        for (int i = 0; i < 4; i++) {
            cellLine(right, "", false, false, 14, false);
        }
        cellLine(right, name, true, false, 14, false);
    }

    /** The awardees' table: a header row carrying the loop tag, then the row repeated per awardee. */
    private static void annex(XWPFDocument doc, List<String> headers, List<String> fields, int[] widths) {
        XWPFTable table = doc.createTable(2, headers.size());
        table.setWidth("100%");
        for (int c = 0; c < headers.size(); c++) {
            XWPFTableCell head = table.getRow(0).getCell(c);
            head.setWidth(String.valueOf(widths[c]));
            XWPFParagraph p = head.getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            if (c == 0) {
                run(p, "{{awardees}}", true, false, 13);
            }
            run(p, headers.get(c), true, false, 13);
            XWPFParagraph cell = table.getRow(1).getCell(c).getParagraphs().get(0);
            cell.setAlignment(c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            run(cell, fields.get(c), false, false, 13);
        }
    }

    private static void cellLine(XWPFTableCell cell, String text, boolean bold, boolean italic, int size, boolean first) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        run(p, text, bold, italic, size);
    }

    private static void centered(XWPFDocument doc, String text, boolean bold, boolean italic, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(60);
        run(p, text, bold, italic, size);
    }

    private static void body(XWPFDocument doc, String text, boolean bold, boolean italic) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(567);
        p.setSpacingAfter(120);
        run(p, text, bold, italic, 14);
    }

    private static void pageBreak(XWPFDocument doc) {
        doc.createParagraph().setPageBreak(true);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
    }
}

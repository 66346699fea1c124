package vn.dienbien.tdkt.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.document.DocumentService;
import vn.dienbien.tdkt.organization.CamundaGroups;
import vn.dienbien.tdkt.organization.EmulationGroup;
import vn.dienbien.tdkt.organization.OrgUnit;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.ProcessActors;

/**
 * Writes the block's documents from the recorded data (DOCX): the minutes of the block meeting
 * (biên bản bình xét, suy tôn), the block's cover proposal (tờ trình) and the achievement report
 * with the scores, which together open the elected unit's Flag dossier.
 */
@Component
class EvaluationDocuments {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DocumentService documents;

    EvaluationDocuments(DocumentService documents) {
        this.documents = documents;
    }

    Map<String, Long> blockDocuments(EmulationGroup group, int year, List<BlockEvaluations.Standing> standings,
            OrgUnit winner, String tieBreak) {
        CurrentUser system = new CurrentUser(ProcessActors.SYSTEM, List.of(CamundaGroups.BOARD));
        Map<String, Long> ids = new LinkedHashMap<>();
        int cast = standings.stream().mapToInt(BlockEvaluations.Standing::votes).sum();
        ids.put("BIEN_BAN_KHOI", store(system, "bien-ban-binh-xet-" + group.getCode() + "-" + year + ".docx", doc -> {
            heading(doc, "BIÊN BẢN HỌP BÌNH XÉT, SUY TÔN ĐƠN VỊ DẪN ĐẦU");
            line(doc, group.getName() + " — năm " + year);
            line(doc, "Số đơn vị bỏ phiếu: " + cast + ". Kết quả chấm điểm và bỏ phiếu:");
            table(doc, standings);
            if (tieBreak != null) {
                line(doc, "Áp dụng quy tắc khi bằng phiếu: " + tieBreak);
            }
            line(doc, "Khối thống nhất suy tôn " + winner.getName() + " là đơn vị dẫn đầu " + group.getName()
                    + " năm " + year + ", đề nghị UBND tỉnh tặng Cờ thi đua.");
        }));
        ids.put("TO_TRINH", store(system, "to-trinh-co-thi-dua-" + group.getCode() + "-" + year + ".docx", doc -> {
            heading(doc, "TỜ TRÌNH ĐỀ NGHỊ TẶNG CỜ THI ĐUA CỦA UBND TỈNH");
            line(doc, group.getName() + " đề nghị tặng Cờ thi đua của UBND tỉnh năm " + year + " cho " + winner.getName() + ".");
        }));
        ids.put("BAO_CAO_THANH_TICH", store(system, "bao-cao-thanh-tich-" + winner.getCode() + "-" + year + ".docx", doc -> {
            heading(doc, "BÁO CÁO THÀNH TÍCH");
            line(doc, winner.getName() + " — kết quả chấm điểm theo bảng tiêu chí của " + group.getName() + " năm " + year + ":");
            table(doc, standings.stream().filter(s -> s.unitCode().equals(winner.getCode())).toList());
        }));
        return ids;
    }

    private interface Writer {
        void write(XWPFDocument doc);
    }

    private Long store(CurrentUser system, String fileName, Writer writer) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(doc);
            doc.write(out);
            return documents.store(fileName, DOCX, out.toByteArray(), system).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setText(text);
    }

    private static void line(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<BlockEvaluations.Standing> standings) {
        XWPFTable table = doc.createTable(standings.size() + 1, 5);
        String[] head = {"Xếp hạng", "Đơn vị", "Điểm tự chấm", "Điểm sau điều chỉnh", "Số phiếu suy tôn"};
        for (int i = 0; i < head.length; i++) {
            table.getRow(0).getCell(i).setText(head[i]);
        }
        for (int r = 0; r < standings.size(); r++) {
            var s = standings.get(r);
            var row = table.getRow(r + 1);
            row.getCell(0).setText(String.valueOf(s.rank()));
            row.getCell(1).setText(s.unitName());
            row.getCell(2).setText(s.selfTotal().toPlainString());
            row.getCell(3).setText(s.finalTotal().toPlainString());
            row.getCell(4).setText(String.valueOf(s.votes()));
        }
    }
}

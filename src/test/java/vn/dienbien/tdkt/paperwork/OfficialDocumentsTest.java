package vn.dienbien.tdkt.paperwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/** The office replaces a template without a new build: a file in tdkt.documents.template-dir wins. */
class OfficialDocumentsTest {

    @Test
    void aTemplateInTheOverrideDirectoryWinsOverTheShippedOne(@TempDir Path dir) throws IOException {
        Map<String, Object> model = Map.of("subject", "tặng Bằng khen", "number", "7",
                OfficialDocuments.AWARDEES, List.of(Map.of("stt", "1", "name", "Nguyễn Văn A")));

        String shipped = text(new OfficialDocuments("").render(OfficialDocuments.DECISION, model));
        assertThat(shipped).contains("Về việc tặng Bằng khen").doesNotContain("{{");

        try (var in = new ClassPathResource("templates/" + OfficialDocuments.DECISION).getInputStream();
                XWPFDocument edited = new XWPFDocument(in);
                OutputStream out = Files.newOutputStream(dir.resolve(OfficialDocuments.DECISION))) {
            edited.createParagraph().createRun().setText("Mẫu do Văn phòng sửa: {{subject}}");
            edited.write(out);
        }
        String overridden = text(new OfficialDocuments(dir.toString()).render(OfficialDocuments.DECISION, model));
        assertThat(overridden).contains("Mẫu do Văn phòng sửa: tặng Bằng khen");
        // Another template not in the directory still comes from the build.
        assertThat(text(new OfficialDocuments(dir.toString()).render(OfficialDocuments.SUBMISSION, model)))
                .contains("TỜ TRÌNH");
    }

    private static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        }
    }
}

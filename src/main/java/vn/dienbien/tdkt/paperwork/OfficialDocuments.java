package vn.dienbien.tdkt.paperwork;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Văn bản hành chính (tờ trình, quyết định) filled from DOCX templates the office can edit. A
 * template in {@code tdkt.documents.template-dir} (if set) wins over the one shipped in
 * {@code templates/}, so the office replaces a template without a new build. Templates use poi-tl
 * tags: {@code {{name}}} for a text, and {@code {{awardees}}} in a table's header row with
 * {@code [field]} cells in the next row, which is repeated once per awardee.
 */
@Service
public class OfficialDocuments {

    /** Quyết định khen thưởng và danh sách kèm theo. */
    public static final String DECISION = "quyet-dinh-khen-thuong.docx";
    /** Tờ trình của Ban Thi đua – Khen thưởng trình Chủ tịch UBND tỉnh. */
    public static final String SUBMISSION = "to-trinh-khen-thuong.docx";
    /** The table tag that repeats the annex's row. */
    public static final String AWARDEES = "awardees";

    private static final Logger log = LoggerFactory.getLogger(OfficialDocuments.class);

    private final Path overrideDir;
    private final Configure configure;

    OfficialDocuments(@Value("${tdkt.documents.template-dir:}") String overrideDir) {
        this.overrideDir = overrideDir == null || overrideDir.isBlank() ? null : Path.of(overrideDir);
        this.configure = Configure.builder().bind(AWARDEES, new LoopRowTableRenderPolicy()).build();
    }

    /** The filled document's bytes. */
    public byte[] render(String template, Map<String, Object> model) {
        try (InputStream in = open(template);
                XWPFTemplate filled = XWPFTemplate.compile(in, configure).render(model);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filled.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            log.error("Template {} could not be filled", template, e);
            throw new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "Không lập được văn bản từ mẫu \"" + template + "\": mẫu có thể đã bị sửa sai cú pháp. "
                            + "Xin báo quản trị hệ thống kiểm tra mẫu văn bản.");
        }
    }

    private InputStream open(String template) throws IOException {
        if (overrideDir != null) {
            Path file = overrideDir.resolve(template);
            if (Files.isRegularFile(file)) {
                return Files.newInputStream(file);
            }
        }
        return new ClassPathResource("templates/" + template).getInputStream();
    }
}

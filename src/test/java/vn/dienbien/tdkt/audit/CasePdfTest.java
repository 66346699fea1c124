package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed record an inspector takes away: Vietnamese exactly as written, in a font carried by
 * the file, altered entries impossible to miss, long texts whole, and ten thousand events on
 * hundreds of pages without holding them in one table.
 */
class CasePdfTest {

    private final CasePdf pdf = new CasePdf();

    @Test
    void theRecordPrintsTheCaseInVietnameseWithEveryDiacriticAsWritten() throws IOException {
        PdfReader reader = render(CaseRecordSamples.dossierWithAlterations());
        String text = allText(reader);

        assertThat(text).contains("HỒ SƠ KIỂM TRA — HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG");
        assertThat(text).contains(CaseRecordSamples.NOMINEE, CaseRecordSamples.AWARD, CaseRecordSamples.RETURN_TITLE);
        assertThat(text).contains("383/KH-UBND", "Sở Y tế (SYT)", "Khối các cơ quan văn hóa – xã hội", "1234/QĐ-UBND",
                "Đã có quyết định khen thưởng", "03/03/2025 08:15", "13/03/2025 08:15", "Hồ sơ đề nghị khen thưởng — phiên bản 3");
        assertThat(text).as("times in Vietnam, people by name and id").contains("03/03/2025 08:15:42", "Trần Thị Bình (bantdkt)");
        assertThat(text).as("details as label: value, links as text")
                .contains("Lý do: Thiếu biên bản họp", "Tài liệu: /api/documents/17/download");
        assertThat(text).as("related cases").contains("Phiên họp Hội đồng Thi đua – Khen thưởng tỉnh, 10/03/2025", "Được khen thưởng theo quyết định");
        assertThat(text).contains("Trang 1/", "Lập lúc 01/12/2026 10:04 (giờ Việt Nam)");
    }

    @Test
    void theFontTravelsInsideTheFileAsAnEmbeddedSubsetWithIdentityEncoding() throws IOException {
        PdfReader reader = render(CaseRecordSamples.dossierWithAlterations());
        List<PdfDictionary> fonts = fontsOfPage(reader, 1);

        assertThat(fonts).isNotEmpty();
        for (PdfDictionary font : fonts) {
            assertThat(font.getAsName(PdfName.BASEFONT).toString()).contains("DejaVuSans");
            assertThat(font.getAsName(PdfName.ENCODING)).isEqualTo(new PdfName("Identity-H"));
            assertThat(font.get(PdfName.TOUNICODE)).as("copyable text").isNotNull();
            PdfDictionary descendant = ((PdfArray) PdfReader.getPdfObject(font.get(PdfName.DESCENDANTFONTS))).getAsDict(0);
            PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(descendant.get(PdfName.FONTDESCRIPTOR));
            assertThat(descriptor.get(PdfName.FONTFILE2)).as("TrueType program embedded").isNotNull();
        }
        assertThat(fonts).extracting(font -> font.getAsName(PdfName.BASEFONT).toString())
                .anyMatch(name -> name.endsWith("DejaVuSans-Bold")).anyMatch(name -> name.endsWith("DejaVuSans"));
    }

    @Test
    void entriesAlteredOutsideTheApplicationAreNamedInVietnameseAndPrintedOnRed() throws IOException {
        PdfReader altered = render(CaseRecordSamples.dossierWithAlterations());
        String text = allText(altered);

        assertThat(text).contains("PHÁT HIỆN THAY ĐỔI NGOÀI ỨNG DỤNG", "3 sự kiện bị đánh dấu trên 5 sự kiện đã niêm phong; chuỗi băm niêm phong bị đứt.",
                "đã niêm phong nhưng không còn trong lịch sử.");
        assertThat(text).contains("Đã bị sửa", "Đã bị xóa", "Chưa niêm phong", "Nguyên vẹn");
        assertThat(text).doesNotContain("Chuỗi niêm phong nguyên vẹn", "CHANGED", "REMOVED", "UNSEALED");
        assertThat(pageContent(altered)).contains(fill(CasePdfStyle.RED_BACKGROUND));

        PdfReader intact = render(CaseRecordSamples.intactDossier());
        assertThat(allText(intact)).contains("Chuỗi niêm phong nguyên vẹn").doesNotContain("PHÁT HIỆN", "Đã bị sửa");
        assertThat(pageContent(intact)).doesNotContain(fill(CasePdfStyle.RED_BACKGROUND)).contains(fill(CasePdfStyle.GREEN_BACKGROUND));
    }

    @Test
    void aFourThousandCharacterDetailWrapsAndIsPrintedWhole() throws IOException {
        PdfReader reader = render(CaseRecordSamples.dossierWithAlterations());
        String text = rawText(reader);

        assertThat(CaseRecordSamples.LONG_SUMMARY).hasSizeGreaterThan(3_990);
        assertThat(reader.getNumberOfPages()).as("the detail runs over a page").isGreaterThan(2);
        assertThat(words(text)).as("every word of the detail, in order, across the page break")
                .containsSubsequence(words(CaseRecordSamples.LONG_SUMMARY));
        assertThat(text.lines()).as("wrapped into lines that fit the page").allMatch(line -> line.length() < 130);
    }

    @Test
    void everyEventIsPrintedOnceWhatEverChunkOrPageItFallsIn() throws IOException {
        int size = CasePdfTimeline.ROWS_PER_CHUNK * 3 + 17;
        String text = allText(render(CaseRecordSamples.manyEntries(size)));

        Matcher ids = Pattern.compile("\\[#(\\d{5})\\]").matcher(text);
        List<Integer> printed = new ArrayList<>();
        while (ids.find()) {
            printed.add(Integer.parseInt(ids.group(1)));
        }
        assertThat(printed).hasSize(size);
        assertThat(printed).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void tenThousandEventsPrintOnHundredsOfPages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("case.pdf");
        long started = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(file)) {
            pdf.write(CaseRecordSamples.manyEntries(10_000), out);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        PdfReader reader = new PdfReader(file.toString());
        int pages = reader.getNumberOfPages();
        System.out.printf("PDF of 10,000 events: %d pages, %d bytes, %d ms%n", pages, Files.size(file), millis);
        assertThat(pages).isGreaterThan(200);
        String last = new PdfTextExtractor(reader).getTextFromPage(pages);
        assertThat(last).contains("[#09999]", "Trang " + pages + "/");
    }

    @Test
    void theStreamItWritesToStaysOpenForTheCaller() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        pdf.write(CaseRecordSamples.intactDossier(), bytes);

        assertThat(closed[0]).isFalse();
        assertThat(new PdfReader(bytes.toByteArray()).getNumberOfPages()).isEqualTo(1);
    }

    private PdfReader render(CaseRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write(record, out);
        return new PdfReader(out.toByteArray());
    }

    /** The text of every page, each run of spaces and line breaks read as one space (as a reader reads wrapped lines). */
    private static String allText(PdfReader reader) throws IOException {
        return rawText(reader).replaceAll("\\s+", " ");
    }

    private static String rawText(PdfReader reader) throws IOException {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static String pageContent(PdfReader reader) throws IOException {
        StringBuilder content = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            content.append(new String(reader.getPageContent(page), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return content.toString();
    }

    private static String fill(java.awt.Color color) {
        return ByteBuffer.formatDouble(color.getRed() / 255f) + " " + ByteBuffer.formatDouble(color.getGreen() / 255f) + " "
                + ByteBuffer.formatDouble(color.getBlue() / 255f) + " rg";
    }

    private static List<PdfDictionary> fontsOfPage(PdfReader reader, int page) {
        PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
        PdfDictionary fonts = resources.getAsDict(PdfName.FONT);
        List<PdfDictionary> found = new ArrayList<>();
        for (PdfName name : fonts.getKeys()) {
            found.add((PdfDictionary) PdfReader.getPdfObject(fonts.get(name)));
        }
        return found;
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }
}

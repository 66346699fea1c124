package vn.dienbien.tdkt.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.dienbien.tdkt.platform.ApiException;

/** A file is what its bytes say, and it must be what its name claims. */
class DocumentTypesTest {

    @Test
    void realFilesOfTheFiveAcceptedKindsAreStoredWithTheirVerifiedType() {
        assertThat(DocumentTypes.verifiedMediaType("to-trinh.pdf", UploadSamples.pdf())).isEqualTo("application/pdf");
        assertThat(DocumentTypes.verifiedMediaType("anh.PNG", UploadSamples.png())).isEqualTo("image/png");
        assertThat(DocumentTypes.verifiedMediaType("anh.jpg", UploadSamples.jpeg())).isEqualTo("image/jpeg");
        assertThat(DocumentTypes.verifiedMediaType("anh.jpeg", UploadSamples.jpeg())).isEqualTo("image/jpeg");
        assertThat(DocumentTypes.verifiedMediaType("bao-cao.docx", UploadSamples.docx()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(DocumentTypes.verifiedMediaType("danh-sach.xlsx", UploadSamples.xlsx()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void aProgramNamedPdfIsRefusedAndTheMessageSaysWhatItIsAndWhatIsAccepted() {
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("to-trinh.pdf", UploadSamples.windowsExecutable()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("chương trình chạy được").hasMessageContaining("PDF, DOCX, XLSX, JPEG");
    }

    @Test
    void htmlNamedPdfIsRefused() {
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("to-trinh.pdf", UploadSamples.html()))
                .isInstanceOf(ApiException.class).hasMessageContaining("trang web (HTML)");
    }

    @Test
    void aFileWhoseNameClaimsAnotherAcceptedKindIsRefused() {
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("bao-cao.pdf", UploadSamples.docx()))
                .hasMessageContaining("tên tệp ghi là PDF nhưng nội dung là tệp DOCX");
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("danh-sach.xlsx", UploadSamples.docx()))
                .hasMessageContaining("tên tệp ghi là XLSX nhưng nội dung là tệp DOCX");
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("anh.png", UploadSamples.jpeg()))
                .hasMessageContaining("nội dung là tệp JPEG");
    }

    @Test
    void aZipIsNotAWordDocumentWhateverItsName() {
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("bao-cao.docx", UploadSamples.zip()))
                .hasMessageContaining("tệp nén (ZIP)");
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("ho-so.zip", UploadSamples.zip()))
                .hasMessageContaining("không được chấp nhận");
    }

    @Test
    void truncatedOrPlainTextFilesAreRefused() {
        byte[] docx = UploadSamples.docx();
        byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 2);
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("bao-cao.docx", truncated))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> DocumentTypes.verifiedMediaType("bao-cao.pdf", "%PDF".getBytes()))
                .hasMessageContaining("văn bản thuần");
    }

    @Test
    void storedTypesOutsideTheAcceptedKindsAreServedAsPlainBytes() {
        assertThat(DocumentTypes.servedMediaType("application/pdf")).isEqualTo("application/pdf");
        assertThat(DocumentTypes.servedMediaType("text/html")).isEqualTo("application/octet-stream");
        assertThat(DocumentTypes.servedMediaType("image/svg+xml")).isEqualTo("application/octet-stream");
    }
}

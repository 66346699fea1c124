package vn.dienbien.tdkt.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.tika.Tika;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * What an uploaded file really is, told by its bytes; its name only says what it claims to be.
 * A dossier needs PDF, DOCX, XLSX, JPEG and PNG, nothing else: no ZIP (it would hide what it
 * holds), no old binary Office formats, no HTML, SVG or programs.
 */
final class DocumentTypes {

    /** The kinds of file a dossier is made of, with the extensions that claim them. */
    enum Kind {
        PDF("PDF", "application/pdf", "pdf"),
        DOCX("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        JPEG("JPEG", "image/jpeg", "jpg", "jpeg"),
        PNG("PNG", "image/png", "png");

        final String label;
        final String mediaType;
        final List<String> extensions;

        Kind(String label, String mediaType, String... extensions) {
            this.label = label;
            this.mediaType = mediaType;
            this.extensions = List.of(extensions);
        }

        static Optional<Kind> ofExtension(String extension) {
            return Arrays.stream(values()).filter(k -> k.extensions.contains(extension)).findFirst();
        }

        static Optional<Kind> ofMediaType(String mediaType) {
            return Arrays.stream(values()).filter(k -> k.mediaType.equalsIgnoreCase(mediaType)).findFirst();
        }
    }

    static final String ALLOWED = "PDF, DOCX, XLSX, JPEG (.jpg, .jpeg), PNG";

    private static final Tika TIKA = new Tika();

    private DocumentTypes() {
    }

    /**
     * The media type to store for this upload: the kind its extension claims, confirmed by its
     * bytes; otherwise a 400 saying what was found and what is accepted.
     */
    static String verifiedMediaType(String fileName, byte[] content) {
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Kind claimed = Kind.ofExtension(extension).orElseThrow(() -> ApiException.badRequest(
                "Định dạng tệp \"" + fileName + "\" không được chấp nhận. Chỉ nhận: " + ALLOWED + "."));
        if (hasSignatureOf(claimed, content)) {
            return claimed.mediaType;
        }
        String detected = TIKA.detect(content);
        Optional<Kind> actual = kindOf(detected, content);
        if (actual.orElse(null) != claimed) {
            throw ApiException.badRequest("Tệp \"" + fileName + "\" không được chấp nhận: tên tệp ghi là "
                    + claimed.label + " nhưng nội dung là " + actual.map(k -> "tệp " + k.label).orElse(describe(detected))
                    + ". Chỉ nhận: " + ALLOWED + ", với đuôi tên đúng với nội dung.");
        }
        return claimed.mediaType;
    }

    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /**
     * Whether the bytes start with the signature Tika's own magic recognises first for the claimed PDF,
     * PNG or JPEG, so the answer is the one Tika would give; Tika's full detection (every known type's
     * magic, about 5% of a worker's CPU in the province benchmark, issue 12) runs for anything else.
     */
    private static boolean hasSignatureOf(Kind claimed, byte[] content) {
        byte[] signature = switch (claimed) {
            case PDF -> PDF_SIGNATURE;
            case PNG -> PNG_SIGNATURE;
            case JPEG -> JPEG_SIGNATURE;
            default -> null;
        };
        return signature != null && content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }

    /** The type to serve a stored document with: its verified type, or plain bytes for anything else. */
    static String servedMediaType(String storedType) {
        return Kind.ofMediaType(storedType).map(k -> k.mediaType).orElse("application/octet-stream");
    }

    private static Optional<Kind> kindOf(String detected, byte[] content) {
        return switch (detected) {
            case "application/pdf" -> Optional.of(Kind.PDF);
            case "image/png" -> Optional.of(Kind.PNG);
            case "image/jpeg" -> Optional.of(Kind.JPEG);
            case "application/zip", "application/x-tika-ooxml", "application/x-tika-ooxml-protected",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> officeDocument(content);
            default -> Optional.empty();
        };
    }

    /**
     * tika-core alone sees OOXML as a ZIP: a Word or Excel document is a ZIP with
     * {@code [Content_Types].xml} and its {@code word/} or {@code xl/} part. Only the ZIP's
     * directory is read, nothing is unpacked.
     */
    private static Optional<Kind> officeDocument(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("tdkt-upload-", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                boolean contentTypes = false;
                boolean word = false;
                boolean excel = false;
                for (var entries = zip.entries(); entries.hasMoreElements();) {
                    String name = entries.nextElement().getName();
                    contentTypes |= name.equals("[Content_Types].xml");
                    word |= name.startsWith("word/");
                    excel |= name.startsWith("xl/");
                }
                if (contentTypes && word && !excel) {
                    return Optional.of(Kind.DOCX);
                }
                if (contentTypes && excel && !word) {
                    return Optional.of(Kind.XLSX);
                }
                return Optional.empty();
            }
        } catch (ZipException damaged) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    /** What a refused file turned out to be, in words an official understands. */
    private static String describe(String detected) {
        String type = detected.toLowerCase(Locale.ROOT);
        if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
            return "một trang web (HTML)";
        }
        if (type.equals("image/svg+xml")) {
            return "ảnh SVG (có thể chứa mã lệnh)";
        }
        if (type.contains("msdownload") || type.contains("dosexec") || type.contains("executable")
                || type.contains("x-elf") || type.contains("mach-o") || type.equals("application/x-sh")
                || type.equals("application/java-archive") || type.equals("application/java-vm")) {
            return "một chương trình chạy được";
        }
        if (type.equals("application/zip") || type.startsWith("application/x-tika-ooxml")) {
            return "một tệp nén (ZIP)";
        }
        if (type.equals("application/msword") || type.equals("application/vnd.ms-excel")
                || type.equals("application/x-tika-msoffice")) {
            return "tài liệu Office kiểu cũ (DOC/XLS) hoặc có đặt mật khẩu — xin lưu lại dưới dạng DOCX, XLSX hoặc PDF";
        }
        if (type.startsWith("application/vnd.oasis.opendocument")) {
            return "tài liệu OpenDocument (ODT/ODS) — xin lưu lại dưới dạng DOCX, XLSX hoặc PDF";
        }
        if (type.startsWith("text/")) {
            return "văn bản thuần (text)";
        }
        if (type.startsWith("image/")) {
            return "ảnh định dạng khác (" + type.substring("image/".length()).toUpperCase(Locale.ROOT) + ")";
        }
        return "một định dạng không nhận ra được";
    }
}

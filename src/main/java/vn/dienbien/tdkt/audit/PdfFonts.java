package vn.dienbien.tdkt.audit;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Phông chữ in: DejaVu Sans, bundled under {@code fonts/} (its licence allows redistribution),
 * embedded as a subset with Identity-H encoding so that every Vietnamese letter with its marks
 * prints on any computer. The files are read once; each document gets its own {@link BaseFont}
 * because a font object keeps reading state while a document is written.
 */
final class PdfFonts {

    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");

    final BaseFont regular;
    final BaseFont bold;

    private PdfFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** A fresh pair of fonts for one document. */
    static PdfFonts forOneDocument() {
        return new PdfFonts(font("DejaVuSans.ttf", REGULAR), font("DejaVuSans-Bold.ttf", BOLD));
    }

    private static BaseFont font(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package vn.dienbien.tdkt.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Chân trang: "Trang x/y" on every page, the total filled in when the document closes (pages are
 * written as they fill, so the total is not known before), and when and for which case the record
 * was printed, so that a loose page still says where it belongs.
 */
final class CasePdfFooter extends PdfPageEventHelper {

    private static final float SIZE = 7.5f;

    private final BaseFont font;
    private final String right;
    private PdfTemplate total;
    private int pages;

    CasePdfFooter(BaseFont font, String right) {
        this.font = font;
        this.right = right;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(font.getWidthPoint("000000", SIZE), SIZE + 2);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages++;
        PdfContentByte canvas = writer.getDirectContent();
        float y = document.bottom() - 22;
        canvas.saveState();
        canvas.setColorStroke(CasePdfStyle.RULE);
        canvas.setLineWidth(0.5f);
        canvas.moveTo(document.left(), y + SIZE + 4);
        canvas.lineTo(document.right(), y + SIZE + 4);
        canvas.stroke();
        String page = "Trang " + writer.getPageNumber() + "/";
        canvas.beginText();
        canvas.setFontAndSize(font, SIZE);
        canvas.setColorFill(CasePdfStyle.GREY);
        canvas.showTextAligned(Element.ALIGN_LEFT, page, document.left(), y, 0);
        canvas.showTextAligned(Element.ALIGN_RIGHT, right, document.right(), y, 0);
        canvas.endText();
        canvas.addTemplate(total, document.left() + font.getWidthPoint(page, SIZE), y);
        canvas.restoreState();
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(font, SIZE);
        total.setColorFill(CasePdfStyle.GREY);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(pages));
        total.endText();
    }
}

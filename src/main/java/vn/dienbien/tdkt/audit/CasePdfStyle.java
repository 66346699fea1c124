package vn.dienbien.tdkt.audit;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import java.awt.Color;

/**
 * Cách trình bày bản in: the fonts, colours and cells of one printed case record — green for an
 * intact seal, red for what was altered outside the application, grey rules for tables.
 */
final class CasePdfStyle {

    static final Color GREEN = new Color(0x1B, 0x5E, 0x20);
    static final Color GREEN_BACKGROUND = new Color(0xE8, 0xF5, 0xE9);
    static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    static final Color RED_BACKGROUND = new Color(0xFD, 0xEC, 0xEA);
    static final Color GREY = new Color(0x5F, 0x63, 0x68);
    static final Color RULE = new Color(0xB0, 0xB4, 0xBA);
    static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEA, 0xED);

    final PdfFonts fonts;
    final Font title;
    final Font subtitle;
    final Font heading;
    final Font body;
    final Font bodyBold;
    final Font small;
    final Font smallBold;
    final Font muted;
    final Font greenBold;
    final Font redBold;
    final Font redSmallBold;
    final Font red;

    CasePdfStyle(PdfFonts fonts) {
        this.fonts = fonts;
        title = new Font(fonts.bold, 14);
        subtitle = new Font(fonts.bold, 11);
        heading = new Font(fonts.bold, 10.5f);
        body = new Font(fonts.regular, 9);
        bodyBold = new Font(fonts.bold, 9);
        small = new Font(fonts.regular, 7.5f);
        smallBold = new Font(fonts.bold, 7.5f);
        muted = new Font(fonts.regular, 6.5f, Font.NORMAL, GREY);
        greenBold = new Font(fonts.bold, 10, Font.NORMAL, GREEN);
        redBold = new Font(fonts.bold, 10, Font.NORMAL, RED);
        redSmallBold = new Font(fonts.bold, 7.5f, Font.NORMAL, RED);
        red = new Font(fonts.regular, 9, Font.NORMAL, RED);
    }

    /** A table cell with thin grey rules, wrapping its text. */
    PdfPCell cell(Phrase content) {
        PdfPCell cell = new PdfPCell(content);
        cell.setBorderWidth(0.5f);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        cell.setPaddingTop(4.5f);
        cell.setPaddingBottom(4);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setLeading(0, 1.25f);
        return cell;
    }

    /** A column heading of a table, repeated at the top of every page. */
    PdfPCell headerCell(String text) {
        PdfPCell cell = cell(new Phrase(text, smallBold));
        cell.setBackgroundColor(HEADER_BACKGROUND);
        return cell;
    }
}

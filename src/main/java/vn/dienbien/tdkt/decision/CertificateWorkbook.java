package vn.dienbien.tdkt.decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Danh sách in khen thưởng (bằng khen, cờ thi đua): one row per awardee of a decision — STT, name, unit, award, decision number and
 * date, verification code, its address, whether the award still stands, and the QR code as a picture
 * in the last column.
 */
final class CertificateWorkbook {

    static final List<String> HEADER = List.of("STT", "Họ và tên / Tập thể", "Đơn vị", "Hình thức khen thưởng",
            "Số quyết định", "Ngày quyết định", "Mã xác thực", "Địa chỉ xác thực", "Hiệu lực", "Mã QR");
    private static final int[] WIDTHS = {6, 30, 34, 36, 16, 14, 17, 52, 40, 14};
    private static final int QR_COLUMN = 9;

    private CertificateWorkbook() {
    }

    static byte[] write(List<Certificates.Certificate> certificates, Certificates urls) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Danh sách in khen thưởng");
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            var bold = book.createFont();
            bold.setBold(true);
            var headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
                header.getCell(i).setCellStyle(headerStyle);
            }
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            int r = 1;
            for (Certificates.Certificate c : certificates) {
                Row row = sheet.createRow(r);
                row.setHeightInPoints(78);
                String url = urls.verificationUrl(c.code());
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(c.nomineeName());
                row.createCell(2).setCellValue(c.unitName());
                row.createCell(3).setCellValue(c.awardName());
                row.createCell(4).setCellValue(c.decisionCode());
                row.createCell(5).setCellValue(Certificates.DAY.format(c.signedOn()));
                row.createCell(6).setCellValue(VerificationCodes.display(c.code()));
                row.createCell(7).setCellValue(url);
                row.createCell(8).setCellValue(c.standingText());
                int picture = book.addPicture(QrCodes.png(url), Workbook.PICTURE_TYPE_PNG);
                XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, QR_COLUMN, r, QR_COLUMN + 1, r + 1);
                anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
                drawing.createPicture(anchor, picture);
                r++;
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

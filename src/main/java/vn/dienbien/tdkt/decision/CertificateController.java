package vn.dienbien.tdkt.decision;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.dienbien.tdkt.platform.ApiException;
import vn.dienbien.tdkt.platform.CurrentUser;
import vn.dienbien.tdkt.platform.Spreadsheets;

/**
 * Danh sách in khen thưởng of a decision (XLSX with each awardee's verification code and QR code), for the
 * Board, the Chairman and the Chairman's office (văn thư): the groups of {@code tdkt.certificates.readers}.
 */
@RestController
class CertificateController {

    private final DecisionRepository decisions;
    private final VerificationCodes codes;
    private final Certificates certificates;
    private final List<String> readers;

    CertificateController(DecisionRepository decisions, VerificationCodes codes, Certificates certificates,
            @Value("${tdkt.certificates.readers:ban-tdkt,lanh-dao-ban-tdkt,chu-tich-ubnd,van-thu-ubnd}") List<String> readers) {
        this.decisions = decisions;
        this.codes = codes;
        this.certificates = certificates;
        this.readers = List.copyOf(readers);
    }

    @GetMapping("/api/decisions/{id}/certificates.xlsx")
    ResponseEntity<byte[]> certificates(@PathVariable Long id, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (!user.inAnyGroup(readers)) {
            throw ApiException.forbidden("Danh sách in khen thưởng dành cho Ban Thi đua – Khen thưởng, văn thư và Chủ tịch UBND tỉnh.");
        }
        Decision decision = decisions.findById(id)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy quyết định số " + id + "."));
        DecisionView view = decision.view();
        codes.assign(view); // a decision issued before codes existed gets them now, once
        byte[] body = CertificateWorkbook.write(certificates.ofDecision(id), certificates);
        return Spreadsheets.download(body, "giay-khen-qd-" + view.number() + "-" + view.year() + ".xlsx", Spreadsheets.XLSX);
    }
}

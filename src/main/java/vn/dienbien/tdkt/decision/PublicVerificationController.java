package vn.dienbien.tdkt.decision;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Xác thực khen thưởng (bằng khen, cờ thi đua), for anyone without logging in: {@code /public/verify/{code}} (a page) and
 * {@code /public/verify/{code}.json}. Shows only the award, the awardee's name, the decision's number and
 * date and whether the award still stands; never the unit, the dossier or who handled it. An unknown or
 * malformed code is one and the same 404; a client that misses too often is refused for a while (429).
 */
@RestController
class PublicVerificationController {

    static final String NOT_FOUND = "Không tìm thấy khen thưởng nào với mã xác thực này. Vui lòng kiểm tra lại mã in trên bằng khen (cờ thi đua).";
    static final String TOO_MANY = "Anh/Chị đã tra cứu sai mã quá nhiều lần. Vui lòng thử lại sau ít phút.";

    private final Certificates certificates;
    private final VerificationThrottle throttle;

    PublicVerificationController(Certificates certificates, VerificationThrottle throttle) {
        this.certificates = certificates;
        this.throttle = throttle;
    }

    @GetMapping(value = "/public/verify/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> json(@PathVariable String code, HttpServletRequest request) {
        Lookup lookup = lookUp(code, request);
        Map<String, Object> body = new LinkedHashMap<>();
        if (lookup.certificate().isEmpty()) {
            body.put("status", lookup.status().value());
            body.put("message", lookup.status() == HttpStatus.TOO_MANY_REQUESTS ? TOO_MANY : NOT_FOUND);
        } else {
            Certificates.Certificate c = lookup.certificate().get();
            body.put("awardName", c.awardName());
            body.put("nomineeName", c.nomineeName());
            body.put("decisionCode", c.decisionCode());
            body.put("decisionDate", Certificates.DAY.format(c.signedOn()));
            body.put("valid", c.standing());
            body.put("standing", c.standingText());
        }
        return ResponseEntity.status(lookup.status()).cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping(value = "/public/verify/{code}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String code, HttpServletRequest request) {
        Lookup lookup = lookUp(code, request);
        String content;
        if (lookup.certificate().isEmpty()) {
            content = "<h1>" + (lookup.status() == HttpStatus.TOO_MANY_REQUESTS ? "Tạm dừng tra cứu" : "Không tìm thấy khen thưởng")
                    + "</h1>\n<p>" + (lookup.status() == HttpStatus.TOO_MANY_REQUESTS ? TOO_MANY : NOT_FOUND) + "</p>";
        } else {
            Certificates.Certificate c = lookup.certificate().get();
            content = "<h1>" + esc(c.awardName()) + "</h1>\n<dl>\n<dt>Tặng</dt><dd id=\"ten\">" + esc(c.nomineeName())
                    + "</dd>\n<dt>Quyết định</dt><dd id=\"quyet-dinh\">Số " + esc(c.decisionCode()) + " ngày "
                    + Certificates.DAY.format(c.signedOn()) + "</dd>\n<dt>Hiệu lực</dt><dd id=\"hieu-luc\" class=\""
                    + (c.standing() ? "con" : "het") + "\">" + esc(c.standingText()) + "</dd>\n</dl>";
        }
        String html = """
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex"><title>Xác thực khen thưởng – UBND tỉnh Điện Biên</title>
                <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.4rem}dt{font-weight:bold;margin-top:.8rem}dd{margin:0}.con{color:#0a6b2d}.het{color:#b00020;font-weight:bold}
                footer{margin-top:2rem;font-size:.85rem;color:#666}</style></head>
                <body><p>ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN – Xác thực khen thưởng</p>
                %s
                <footer>Thông tin do Hội đồng Thi đua – Khen thưởng tỉnh cung cấp từ hệ thống quản lý thi đua, khen thưởng.</footer>
                </body></html>
                """.formatted(content);
        return ResponseEntity.status(lookup.status()).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }

    private record Lookup(HttpStatus status, Optional<Certificates.Certificate> certificate) {
    }

    private Lookup lookUp(String typed, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (throttle.blocked(client)) {
            return new Lookup(HttpStatus.TOO_MANY_REQUESTS, Optional.empty());
        }
        Optional<Certificates.Certificate> found = VerificationCodes.normalise(typed).flatMap(certificates::byCode);
        if (found.isEmpty()) {
            throttle.miss(client);
            return new Lookup(HttpStatus.NOT_FOUND, Optional.empty());
        }
        return new Lookup(HttpStatus.OK, found);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}

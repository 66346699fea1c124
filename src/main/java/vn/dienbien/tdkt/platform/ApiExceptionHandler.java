package vn.dienbien.tdkt.platform;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns refusals into JSON bodies {"status":400,"message":"..."} with a Vietnamese message; no
 * class names, SQL or stack traces ever reach the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> handle(ApiException e) {
        return body(e.status(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> handle(MethodArgumentNotValidException e) {
        return invalid(e);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> invalid(BindException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .distinct().sorted().collect(Collectors.joining("; "));
        return body(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ: " + message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> handle(HandlerMethodValidationException e) {
        String message = e.getAllErrors().stream().map(error -> error.getDefaultMessage())
                .distinct().collect(Collectors.joining("; "));
        return body(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ: " + message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> handle(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream().map(v -> v.getMessage())
                .distinct().collect(Collectors.joining("; "));
        return body(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ: " + message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> handle(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "Nội dung yêu cầu không đọc được (JSON sai định dạng, sai kiểu dữ liệu "
                + "hoặc số vượt giới hạn).");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> handle(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "Tham số \"" + e.getName() + "\" có giá trị không hợp lệ.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> handle(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "Thiếu tham số bắt buộc \"" + e.getParameterName() + "\".");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, Object>> handle(MissingServletRequestPartException e) {
        return body(HttpStatus.BAD_REQUEST, "Thiếu phần bắt buộc \"" + e.getRequestPartName() + "\" (tệp đính kèm).");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> handle(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "Tệp quá lớn: tối đa 20 MB.");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, Object>> handle(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "Tệp gửi lên không đọc được (yêu cầu multipart sai định dạng hoặc quá lớn).");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handle(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, Refusal.generic(405));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handle(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Refusal.generic(415));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> handle(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "Không có địa chỉ này.");
    }

    /** Engine refusals, conflicts between two people, and anything unforeseen: never internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception e) {
        Refusal refusal = Refusal.of(e);
        if (refusal != null) {
            return body(refusal.status(), refusal.message());
        }
        log.error("Unhandled error in /api", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, Refusal.generic(500));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .body(Map.of("status", status.value(), "message", message, "timestamp", Instant.now().toString()));
    }
}

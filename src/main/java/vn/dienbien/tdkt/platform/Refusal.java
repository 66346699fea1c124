package vn.dienbien.tdkt.platform;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

/**
 * What a person is told when a step is refused: an HTTP status and a Vietnamese message, never a
 * class name, SQL or a stack trace. One classification for /api and /engine-rest.
 */
public record Refusal(HttpStatus status, String message) {

    static final String CONFLICT = "Dữ liệu vừa được người khác cập nhật hoặc nhiệm vụ đã được xử lý. "
            + "Vui lòng tải lại trang và thử lại.";
    static final String TOO_LONG = "Dữ liệu quá dài hoặc vượt giới hạn cho phép (văn bản, số). "
            + "Vui lòng rút gọn nội dung hoặc kiểm tra lại giá trị.";
    static final String FORBIDDEN = "Bạn không có quyền thực hiện thao tác này.";
    static final String NOT_FOUND = "Không tìm thấy đối tượng được yêu cầu (có thể đã được xử lý hoặc không tồn tại).";
    static final String BAD_REQUEST = "Yêu cầu không hợp lệ. Vui lòng kiểm tra dữ liệu đã nhập.";
    static final String UNAUTHORIZED = "Vui lòng đăng nhập.";
    static final String DATABASE_UNAVAILABLE = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu; thao tác này "
            + "chưa được thực hiện và không có gì được lưu dở. Vui lòng thử lại sau ít phút.";
    static final String SERVER_ERROR = "Hệ thống tạm thời không xử lý được yêu cầu. Vui lòng thử lại sau "
            + "hoặc báo quản trị hệ thống.";

    private static final Pattern VIETNAMESE = Pattern.compile("[À-ỹĐđ]");
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\b(org|java|javax|jakarta|com)\\.[a-z]+\\.|exception|select |insert |update |delete from|sql|constraint|\\$\\{)");

    /** The refusal that an exception (anywhere in its cause chain) stands for, or null if none is known. */
    public static Refusal of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return new Refusal(api.status(), api.getMessage());
            }
        }
        if (DatabaseOutage.causedBy(thrown)) {
            return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith("22")) {
                    return new Refusal(HttpStatus.BAD_REQUEST, TOO_LONG);
                }
                if (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40")) {
                    return new Refusal(HttpStatus.CONFLICT, CONFLICT);
                }
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException
                    || t instanceof DataIntegrityViolationException) {
                return new Refusal(HttpStatus.CONFLICT, CONFLICT);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthorizationException) {
                return new Refusal(HttpStatus.FORBIDDEN, FORBIDDEN);
            }
            if (t instanceof NullValueException || t instanceof NotFoundException) {
                return new Refusal(HttpStatus.NOT_FOUND, NOT_FOUND);
            }
            if (t instanceof FormFieldValidationException form) {
                return new Refusal(HttpStatus.BAD_REQUEST, readable(form.getMessage())
                        ? form.getMessage() : "Biểu mẫu chưa hợp lệ: có trường bắt buộc chưa nhập hoặc giá trị sai.");
            }
            if (t instanceof ProcessEngineException engine && engine.getMessage() != null
                    && engine.getMessage().startsWith("ENGINE-17007")) {
                return new Refusal(HttpStatus.BAD_REQUEST, "Không nhận giá trị dạng đối tượng Java tuần tự hóa; "
                        + "hãy gửi văn bản, số, ngày hoặc đúng/sai.");
            }
            if (t instanceof ParseException parse) {
                return new Refusal(HttpStatus.BAD_REQUEST, parseProblems(parse));
            }
            if (t instanceof BadUserRequestException bad) {
                return new Refusal(HttpStatus.BAD_REQUEST, readable(bad.getMessage()) ? bad.getMessage() : BAD_REQUEST);
            }
        }
        return null;
    }

    /**
     * The engine's own parser refused a diagram (what the deployment guard does not check): where, and the
     * parser's words when they name nothing internal.
     */
    private static String parseProblems(ParseException parse) {
        StringBuilder message = new StringBuilder("Không triển khai được: Camunda không đọc được sơ đồ.");
        int shown = 0;
        for (ResourceReport report : parse.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                if (shown++ == 20) {
                    return message.append("\n…").toString();
                }
                message.append("\n- ").append(report.getResourceName());
                if (problem.getMainElementId() != null) {
                    message.append(", phần tử ").append(problem.getMainElementId());
                }
                if (problem.getLine() > 0) {
                    message.append(" (dòng ").append(problem.getLine()).append(')');
                }
                String said = problem.getMessage();
                if (said != null && !INTERNALS.matcher(said).find() && said.length() <= 300) {
                    message.append(": ").append(said);
                }
            }
        }
        return message.toString();
    }

    /** A message fit to show a person: Vietnamese, no internals. */
    static boolean readable(String message) {
        return message != null && VIETNAMESE.matcher(message).find() && !INTERNALS.matcher(message).find()
                && message.length() <= 2_000;
    }

    /** The generic Vietnamese message for a status. */
    static String generic(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 405 -> "Phương thức không được hỗ trợ cho địa chỉ này.";
            case 413 -> "Dữ liệu gửi lên quá lớn (tệp tối đa 20 MB).";
            case 415 -> "Định dạng dữ liệu gửi lên không được hỗ trợ.";
            default -> status >= 500 ? SERVER_ERROR : BAD_REQUEST;
        };
    }
}

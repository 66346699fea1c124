package vn.dienbien.tdkt.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;

/** Who calls our /api: resolved from the Tasklist session or HTTP basic credentials. */
public record CurrentUser(String userId, List<String> groupIds) {

    static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

    public boolean inGroup(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean inAnyGroup(Collection<String> candidates) {
        return candidates.stream().anyMatch(groupIds::contains);
    }

    /** The user of the current /api request. */
    public static CurrentUser of(HttpServletRequest request) {
        Object user = request.getAttribute(REQUEST_ATTRIBUTE);
        if (user == null) {
            throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "Vui lòng đăng nhập.");
        }
        return (CurrentUser) user;
    }
}

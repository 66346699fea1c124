package vn.dienbien.tdkt.platform;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who calls: the webapps' session (Tasklist, Cockpit) or HTTP Basic credentials. One reading for every filter. */
final class Callers {

    private static final String ENGINE = "default";

    /** User and password as a Basic header carries them, unchecked. */
    record Basic(String user, String password) {
    }

    private Callers() {
    }

    /** The user signed in to the webapps in this session, with their groups; null if none. */
    static CurrentUser fromSession(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null || !authentications.hasAuthenticationForProcessEngine(ENGINE)) {
            return null;
        }
        var auth = authentications.getAuthenticationForProcessEngine(ENGINE);
        List<String> groups = auth instanceof UserAuthentication ua && ua.getGroupIds() != null
                ? List.copyOf(ua.getGroupIds()) : List.of();
        return new CurrentUser(auth.getName(), groups);
    }

    /** The Basic header's user and password, not yet checked; null if there is no readable one. */
    static Basic basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 1 ? null : new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The user of a Basic header whose password is right, with their groups; null otherwise. */
    static CurrentUser fromBasic(String header, IdentityService identityService) {
        Basic basic = basic(header);
        if (basic == null || !identityService.checkPassword(basic.user(), basic.password())) {
            return null;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(basic.user()).list().stream()
                .map(Group::getId).toList();
        return new CurrentUser(basic.user(), groups);
    }
}

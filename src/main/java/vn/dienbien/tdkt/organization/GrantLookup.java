package vn.dienbien.tdkt.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * The engine's "may this user do this" question, answered by one plain statement (issue 12). The engine renders
 * its check as a dynamic MyBatis query — a CASE over a dozen sub-selects, the user's groups spliced into each —
 * and rendering it cost more than running it: about 8% of the benchmark's JVM time, once per task completion
 * (TASK_WORK) and once per new task's candidate group ({@link CaseHistoryGrants}).
 *
 * <p>Only the checks whose meaning is plain are answered here: one or several resource checks of which any may
 * grant, and no REVOKE authorization that could apply (the engine's own "auto" test, asked first). Then the
 * engine's query is 1 exactly when some row grants every bit of the permission on the resource type, to the
 * resource's id or to '*', as a GRANT to the user or to one of the groups, or as a GLOBAL authorization — which is
 * what is read here. Anything else (revokes, nested or all-of checks, query parameters, a default for "not found")
 * stays with the engine's query.
 */
final class GrantLookup {

    private GrantLookup() {
    }

    /** Whether {@link #isGranted} means what the engine's query means for this check (revokes apart). */
    static boolean answers(CompositePermissionCheck check) {
        List<PermissionCheck> atomic = check.getAtomicChecks();
        if (atomic == null || atomic.isEmpty()
                || (check.getCompositeChecks() != null && !check.getCompositeChecks().isEmpty())
                || (atomic.size() > 1 && !check.isDisjunctive())) {
            return false;
        }
        for (PermissionCheck permissionCheck : atomic) {
            if (permissionCheck.getResourceIdQueryParam() != null
                    || permissionCheck.getAuthorizationNotFoundReturnValue() != null
                    || permissionCheck.getResource() == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether a GRANT (user, group) or GLOBAL authorization gives any one of {@code checks}. */
    static boolean isGranted(Connection connection, String tablePrefix, String userId, List<String> groupIds,
            List<PermissionCheck> checks) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ")
                .append(tablePrefix).append("ACT_RU_AUTHORIZATION where ");
        grants(sql, parameters, userId, groupIds, checks);
        return query(connection, sql, parameters, 0, rows -> {
            while (rows.next()) {
                if (grantsAny(rows.getInt(1), rows.getString(2), rows.getInt(3), checks)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The rows that may grant one of {@code checks}: GLOBAL, or GRANT to the user or a group, on its resource. */
    private static StringBuilder grants(StringBuilder sql, List<Object> parameters, String userId,
            List<String> groupIds, List<PermissionCheck> checks) {
        sql.append("((TYPE_ = ").append(Authorization.AUTH_TYPE_GLOBAL).append(" and USER_ID_ = '*')");
        if (userId != null) {
            sql.append(" or (TYPE_ = ").append(Authorization.AUTH_TYPE_GRANT).append(" and USER_ID_ = ?)");
            parameters.add(userId);
        }
        if (!groupIds.isEmpty()) {
            sql.append(" or (TYPE_ = ").append(Authorization.AUTH_TYPE_GRANT).append(" and ");
            inGroups(sql, parameters, groupIds).append(")");
        }
        sql.append(") and (");
        for (int i = 0; i < checks.size(); i++) {
            PermissionCheck check = checks.get(i);
            sql.append(i == 0 ? "" : " or ").append("(RESOURCE_TYPE_ = ? and RESOURCE_ID_ ");
            parameters.add(check.getResourceType());
            if (specificId(check) != null) {
                sql.append("in (?, '*'))");
                parameters.add(check.getResourceId());
            } else {
                sql.append("= '*')");
            }
        }
        return sql.append(")");
    }

    /**
     * {@link #isGranted} and {@link #anyRevoke} in one statement, for a command's first check: null when a REVOKE
     * authorization names this user, every user or one of the groups (the engine's query must answer), else whether
     * a grant gives any one of {@code checks}. One round trip fewer per command (issue 12).
     */
    static Boolean grantedUnlessRevoked(Connection connection, String tablePrefix, String userId,
            List<String> groupIds, List<PermissionCheck> checks) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select TYPE_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ")
                .append(tablePrefix).append("ACT_RU_AUTHORIZATION where (");
        revokes(sql, parameters, userId, groupIds).append(") or (");
        grants(sql, parameters, userId, groupIds, checks).append(")");
        Boolean[] answer = {Boolean.FALSE};
        query(connection, sql, parameters, 0, rows -> {
            while (rows.next()) {
                if (rows.getInt(1) == Authorization.AUTH_TYPE_REVOKE) {
                    answer[0] = null;
                    return true;
                }
                if (grantsAny(rows.getInt(2), rows.getString(3), rows.getInt(4), checks)) {
                    answer[0] = Boolean.TRUE;
                }
            }
            return true;
        });
        return answer[0];
    }

    /**
     * Whether any REVOKE authorization names this user, every user or one of the groups: the engine's "auto" test of
     * whether its checks must consider revokes, asked once per command.
     */
    static boolean anyRevoke(Connection connection, String tablePrefix, String userId, List<String> groupIds) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ID_ from ").append(tablePrefix)
                .append("ACT_RU_AUTHORIZATION where ");
        revokes(sql, parameters, userId, groupIds);
        return query(connection, sql, parameters, 1, ResultSet::next);
    }

    /** The REVOKE rows that name this user, every user or one of the groups. */
    private static StringBuilder revokes(StringBuilder sql, List<Object> parameters, String userId,
            List<String> groupIds) {
        sql.append("TYPE_ = ").append(Authorization.AUTH_TYPE_REVOKE).append(" and (USER_ID_ = '*'");
        if (userId != null) {
            sql.append(" or USER_ID_ = ?");
            parameters.add(userId);
        }
        if (!groupIds.isEmpty()) {
            inGroups(sql.append(" or "), parameters, groupIds);
        }
        return sql.append(")");
    }

    /** {@code GROUP_ID_ in (?, …)}, one parameter per group. */
    private static StringBuilder inGroups(StringBuilder sql, List<Object> parameters, List<String> groupIds) {
        sql.append("GROUP_ID_ in (");
        for (int i = 0; i < groupIds.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            parameters.add(groupIds.get(i));
        }
        return sql.append(")");
    }

    private interface Rows {
        boolean read(ResultSet rows) throws SQLException;
    }

    /** Runs the statement on the command's connection; {@code maxRows} 0 reads every row. */
    private static boolean query(Connection connection, CharSequence sql, List<Object> parameters, int maxRows,
            Rows answer) {
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setMaxRows(maxRows);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return answer.read(rows);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Authorization check failed", e);
        }
    }

    private static boolean grantsAny(int resourceType, String resourceId, int perms, List<PermissionCheck> checks) {
        for (PermissionCheck check : checks) {
            boolean onResource = "*".equals(resourceId) || resourceId.equals(specificId(check));
            if (resourceType == check.getResourceType() && onResource
                    && (perms & check.getPerms()) == check.getPerms()) {
                return true;
            }
        }
        return false;
    }

    /** The checked resource's own id; null when the check is on '*' (or on no id): only '*' rows then grant. */
    private static String specificId(PermissionCheck check) {
        String id = check.getResourceId();
        return id == null || "*".equals(id) ? null : id;
    }
}

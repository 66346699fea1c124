package vn.dienbien.tdkt.council;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which session each council case was opened for, as found once ({@link CouncilSessionRepository#ofCase}): a
 * case's session never changes. A few thousand entries, emptied when full.
 */
final class SessionsOfCases {

    private static final int MAX_REMEMBERED = 20_000;
    private static final Map<String, Long> KNOWN = new ConcurrentHashMap<>();

    private SessionsOfCases() {
    }

    static Long sessionOf(String processInstanceId) {
        return processInstanceId == null ? null : KNOWN.get(processInstanceId);
    }

    static void remember(String processInstanceId, Long sessionId) {
        if (processInstanceId == null || sessionId == null) {
            return;
        }
        if (KNOWN.size() >= MAX_REMEMBERED) {
            KNOWN.clear();
        }
        KNOWN.put(processInstanceId, sessionId);
    }
}

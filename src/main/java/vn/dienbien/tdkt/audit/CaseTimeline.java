package vn.dienbien.tdkt.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dienbien.tdkt.platform.ApiException;

/**
 * Builds a case's whole story: every item the ledger knows, told in Vietnamese as an official reads
 * it (who, when, what, with which data), each marked with the ledger's verdict; removed items are
 * told from their seal. Times are in the province's zone.
 */
@Component
class CaseTimeline {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final JdbcTemplate jdbc;
    private final CaseItems items;
    private final CaseLedger ledger;
    private final CaseNarrator narrator;

    CaseTimeline(JdbcTemplate jdbc, CaseItems items, CaseLedger ledger, CaseNarrator narrator) {
        this.jdbc = jdbc;
        this.items = items;
        this.ledger = ledger;
        this.narrator = narrator;
    }

    @Transactional(readOnly = true)
    public CaseRecord record(String caseId) {
        List<Map<String, Object>> process = jdbc.queryForList("select p.ID_, p.PROC_DEF_KEY_, p.PROC_DEF_ID_,"
                + " p.START_TIME_, p.END_TIME_, p.BUSINESS_KEY_, d.NAME_ as DEF_NAME_, d.VERSION_"
                + " from ACT_HI_PROCINST p left join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_ where p.ID_ = ?",
                caseId);
        if (process.isEmpty()) {
            throw ApiException.notFound("Không tìm thấy vụ việc có mã " + caseId + ".");
        }
        Map<String, Object> definition = process.get(0);
        CaseLedger.Chain chain = ledger.chain(caseId);
        List<CaseItem> current = items.collect(caseId, CaseLedger.sealedDocuments(chain.latest()), true);
        var verification = ledger.verify(chain, current);
        List<CaseRecord.TimelineEntry> entries = new ArrayList<>(narrator.tell(caseId, current,
                verification.itemStates()));
        for (CaseLedger.Entry removed : verification.removed().values()) {
            entries.add(entry(removed.sealedAt(), "ENGINE_OR_RECORD", "REMOVED", "Đã bị xóa khỏi cơ sở dữ liệu: "
                    + removed.label(), null, null, Map.of("Mục niêm phong", removed.itemRef(),
                            "Niêm phong lúc", display(removed.sealedAt())), null, removed.itemRef(), "REMOVED"));
        }
        entries.sort(Comparator.comparing(CaseRecord.TimelineEntry::at,
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> problems = new ArrayList<>(verification.problems());
        if (verification.flagged() > 0) {
            problems.add(verification.flagged() + " mục của hồ sơ khác với lúc niêm phong (sửa, xóa hoặc ghi"
                    + " ngoài ứng dụng).");
        }
        var integrity = new CaseRecord.Integrity(verification.intact(), verification.sealedEntries(),
                verification.flagged(), verification.chainIntact(), problems);
        CaseItems.Kind kind = CaseItems.Kind.of((String) definition.get("PROC_DEF_KEY_"));
        CaseSummary summary = narrator.summary(caseId, kind, definition);
        Number version = (Number) definition.get("VERSION_");
        return new CaseRecord(summary, (String) definition.get("PROC_DEF_KEY_"), (String) definition.get("DEF_NAME_"),
                version == null ? 0 : version.intValue(), narrator.related(caseId, kind), entries, integrity,
                OffsetDateTime.now(VIETNAM));
    }

    /** A person's name as the registry (or Camunda's users) knows it. */
    String nameOf(String userId) {
        return new Names(jdbc).of(userId);
    }

    /** The case's own diagram and how often each activity ran; a running one is CURRENT. */
    @Transactional(readOnly = true)
    public Map<String, Object> diagram(String caseId, org.camunda.bpm.engine.RepositoryService repository) {
        List<String> definitionIds = jdbc.queryForList("select PROC_DEF_ID_ from ACT_HI_PROCINST where ID_ = ?",
                String.class, caseId);
        if (definitionIds.isEmpty()) {
            throw ApiException.notFound("Không tìm thấy vụ việc có mã " + caseId + ".");
        }
        String xml;
        try (var in = repository.getProcessModel(definitionIds.get(0))) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            throw ApiException.notFound("Không còn sơ đồ quy trình của vụ việc này.");
        }
        Map<String, Map<String, Object>> activities = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select ACT_ID_, ACT_NAME_, ACT_TYPE_, END_TIME_, ACT_INST_STATE_"
                + " from ACT_HI_ACTINST where PROC_INST_ID_ = ? order by START_TIME_, SEQUENCE_COUNTER_", caseId)) {
            String type = (String) row.get("ACT_TYPE_");
            if ("multiInstanceBody".equals(type)) {
                continue;
            }
            String id = (String) row.get("ACT_ID_");
            Map<String, Object> activity = activities.computeIfAbsent(id, k -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("activityId", k);
                a.put("name", row.get("ACT_NAME_"));
                a.put("count", 0);
                a.put("state", "DONE");
                return a;
            });
            activity.put("count", (Integer) activity.get("count") + 1);
            if (row.get("END_TIME_") == null) {
                activity.put("state", "CURRENT");
            } else if (!"CURRENT".equals(activity.get("state"))) {
                // The last run tells: a step cancelled by a boundary event or by the process's end was not done.
                activity.put("state", isCanceled(row) ? "CANCELED" : "DONE");
            }
        }
        return Map.of("bpmnXml", xml, "activities", List.copyOf(activities.values()));
    }

    /** The engine's activity-instance state 2 is "canceled" (0 default, 1 scope complete). */
    static boolean isCanceled(Map<String, Object> row) {
        return row.get("ACT_INST_STATE_") instanceof Number state && state.intValue() == 2;
    }

    static CaseRecord.TimelineEntry entry(Instant at, String source, String kind, String title, String actorId,
            String actorName, Map<String, String> details, String link, String itemRef, String integrity) {
        OffsetDateTime local = at == null ? null : at.atZone(VIETNAM).toOffsetDateTime();
        return new CaseRecord.TimelineEntry(local, at == null ? "" : DISPLAY.format(local), source, kind, title,
                actorId, actorName, details, link, itemRef, integrity);
    }

    static String display(Instant at) {
        return at == null ? "" : DISPLAY.format(at.atZone(VIETNAM));
    }

    /** Names of the people who acted, looked up once per record. */
    static final class Names {
        private final JdbcTemplate jdbc;
        private final Map<String, String> known = new HashMap<>();

        Names(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        String of(String userId) {
            if (userId == null) {
                return null;
            }
            return known.computeIfAbsent(userId, id -> {
                List<String> names = jdbc.queryForList("select full_name from official where username = ?",
                        String.class, id);
                if (!names.isEmpty()) {
                    return names.get(0);
                }
                List<Map<String, Object>> users = jdbc.queryForList(
                        "select FIRST_, LAST_ from ACT_ID_USER where ID_ = ?", id);
                if (users.isEmpty()) {
                    return vn.dienbien.tdkt.platform.ProcessActors.SYSTEM.equals(id) ? "Hệ thống (tự động)" : id;
                }
                Object first = users.get(0).get("FIRST_");
                Object last = users.get(0).get("LAST_");
                return ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
            });
        }
    }
}

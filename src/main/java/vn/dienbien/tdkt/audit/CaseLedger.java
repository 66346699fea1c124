package vn.dienbien.tdkt.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sổ niêm phong: seals what each case records, entry by entry, each entry's hash covering the item's
 * fingerprint and the previous entry's hash; and verifies a case against it. Sealing runs inside the
 * transaction that changed the case (see {@link LedgerSealing}), so every change made through the
 * application is sealed with it, and one made around the application is not.
 */
@Component
class CaseLedger {

    static final String REMOVED = "REMOVED";

    /** One ledger entry as stored. */
    record Entry(long id, String caseId, int seq, String itemRef, String itemHash, boolean settled, String label,
            Instant sealedAt, String prevHash, String entryHash) {

        String expectedHash() {
            return Fingerprints.sha256(prevHash + '|' + caseId + '|' + seq + '|' + itemRef + '|' + itemHash + '|'
                    + settled + '|' + label + '|' + sealedAt.toEpochMilli());
        }
    }

    /** Per item: OK, CHANGED, REMOVED or UNSEALED; and what is wrong with the chain itself. */
    record Verification(Map<String, String> itemStates, Map<String, Entry> removed, int sealedEntries,
            boolean chainIntact, List<String> problems) {

        boolean intact() {
            return chainIntact && removed.isEmpty() && itemStates.values().stream().allMatch("OK"::equals);
        }

        int flagged() {
            return (int) itemStates.values().stream().filter(s -> !"OK".equals(s)).count() + removed.size();
        }
    }

    private final JdbcTemplate jdbc;
    private final CaseItems items;

    CaseLedger(JdbcTemplate jdbc, CaseItems items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    /** Seals what changed in these cases; in ascending order, so two sealing transactions never deadlock. */
    void seal(Collection<String> caseIds) {
        for (String caseId : new TreeSet<>(caseIds)) {
            sealOne(caseId);
        }
    }

    private void sealOne(String caseId) {
        Head head = lockHead(caseId);
        Map<String, Entry> latest = latestByItem(caseId);
        List<CaseItem> current = items.collect(caseId, sealedDocuments(latest), false);
        if (current.isEmpty() && latest.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Entry> appended = new ArrayList<>();
        Set<String> present = new java.util.HashSet<>();
        for (CaseItem item : current) {
            present.add(item.ref());
            Entry last = latest.get(item.ref());
            if (last != null && last.settled() && !REMOVED.equals(last.itemHash())) {
                continue; // a settled fact never changes through the application; verification judges it
            }
            String fingerprint = item.fingerprint().get();
            if (last == null || !last.itemHash().equals(fingerprint)) {
                appended.add(next(head, caseId, item.ref(), fingerprint, item.settled(), item.label(), now));
            }
        }
        for (Entry last : latest.values()) {
            // An open item that the application itself removed (a replaced attachment): sealed as removed.
            if (!present.contains(last.itemRef()) && !last.settled() && !REMOVED.equals(last.itemHash())) {
                appended.add(next(head, caseId, last.itemRef(), REMOVED, false, last.label(), now));
            }
        }
        if (appended.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into audit_ledger (case_id, seq, item_ref, item_hash, settled, label, sealed_at,"
                + " prev_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", appended, 500, (ps, e) -> {
                    ps.setString(1, e.caseId());
                    ps.setInt(2, e.seq());
                    ps.setString(3, e.itemRef());
                    ps.setString(4, e.itemHash());
                    ps.setBoolean(5, e.settled());
                    ps.setString(6, e.label());
                    ps.setTimestamp(7, Timestamp.from(e.sealedAt()));
                    ps.setString(8, e.prevHash());
                    ps.setString(9, e.entryHash());
                });
        if (head.fresh) {
            jdbc.update("insert into audit_ledger_head (case_id, last_seq, last_hash) values (?, ?, ?)", caseId,
                    head.seq, head.hash);
        } else {
            jdbc.update("update audit_ledger_head set last_seq = ?, last_hash = ? where case_id = ?", head.seq,
                    head.hash, caseId);
        }
    }

    private static Entry next(Head head, String caseId, String ref, String hash, boolean settled, String label,
            Instant at) {
        Entry draft = new Entry(0, caseId, head.seq + 1, ref, hash, settled, label, at, head.hash, null);
        String entryHash = draft.expectedHash();
        head.seq = draft.seq();
        head.hash = entryHash;
        return new Entry(0, caseId, draft.seq(), ref, hash, settled, label, at, draft.prevHash(), entryHash);
    }

    private static final class Head {
        int seq;
        String hash;
        boolean fresh;
    }

    private Head lockHead(String caseId) {
        Head head = new Head();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select last_seq, last_hash from audit_ledger_head where case_id = ? for update", caseId);
        if (rows.isEmpty()) {
            head.seq = 0;
            head.hash = Fingerprints.GENESIS;
            head.fresh = true;
        } else {
            head.seq = ((Number) rows.get(0).get("last_seq")).intValue();
            head.hash = (String) rows.get(0).get("last_hash");
        }
        return head;
    }

    List<Entry> entries(String caseId) {
        return jdbc.query("select id, case_id, seq, item_ref, item_hash, settled, label, sealed_at, prev_hash,"
                + " entry_hash from audit_ledger where case_id = ? order by seq", (rs, n) -> new Entry(rs.getLong(1),
                        rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10)), caseId);
    }

    private Map<String, Entry> latestByItem(String caseId) {
        Map<String, Entry> latest = new HashMap<>();
        for (Entry entry : entries(caseId)) {
            latest.put(entry.itemRef(), entry);
        }
        return latest;
    }

    private static List<Long> sealedDocuments(Map<String, Entry> latest) {
        List<Long> ids = new ArrayList<>();
        for (String ref : latest.keySet()) {
            if (ref.startsWith(CaseItems.DOCUMENT + ":")) {
                ids.add(Long.valueOf(ref.substring(CaseItems.DOCUMENT.length() + 1)));
            }
        }
        return ids;
    }

    /** Checks the chain entry by entry and every item of the case against its last seal. */
    Verification verify(String caseId, List<CaseItem> current) {
        List<Entry> chain = entries(caseId);
        List<String> problems = new ArrayList<>();
        String previous = Fingerprints.GENESIS;
        int expectedSeq = 1;
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (Entry entry : chain) {
            if (entry.seq() != expectedSeq) {
                problems.add("Thiếu mục niêm phong số " + expectedSeq + " (gặp số " + entry.seq() + ").");
            }
            if (!entry.prevHash().equals(previous)) {
                problems.add("Mục niêm phong số " + entry.seq() + " không nối với mục trước đó.");
            }
            if (!entry.entryHash().equals(entry.expectedHash())) {
                problems.add("Mục niêm phong số " + entry.seq() + " (" + entry.label() + ") đã bị sửa.");
            }
            previous = entry.entryHash();
            expectedSeq = entry.seq() + 1;
            latest.put(entry.itemRef(), entry);
        }
        List<Map<String, Object>> head = jdbc.queryForList(
                "select last_seq, last_hash from audit_ledger_head where case_id = ?", caseId);
        if (!head.isEmpty() && (((Number) head.get(0).get("last_seq")).intValue() != expectedSeq - 1
                || !previous.equals(head.get(0).get("last_hash")))) {
            problems.add("Cuối chuỗi niêm phong không khớp với đầu chuỗi đã lưu: có mục đã bị xóa.");
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (CaseItem item : current) {
            Entry last = latest.get(item.ref());
            String state;
            if (last == null) {
                state = "UNSEALED";
            } else if (REMOVED.equals(last.itemHash()) || !last.itemHash().equals(item.fingerprint().get())) {
                state = "CHANGED";
            } else {
                state = "OK";
            }
            states.put(item.ref(), state);
        }
        Map<String, Entry> removed = new LinkedHashMap<>();
        for (Entry last : latest.values()) {
            if (!states.containsKey(last.itemRef()) && !REMOVED.equals(last.itemHash())) {
                removed.put(last.itemRef(), last);
            }
        }
        return new Verification(states, removed, chain.size(), problems.isEmpty(), problems);
    }

    /** Verifies a case as it is stored now, documents' bytes included. */
    Verification verify(String caseId) {
        Map<String, Entry> latest = latestByItem(caseId);
        return verify(caseId, items.collect(caseId, sealedDocuments(latest), true));
    }

    /** Cases that have a chain. */
    List<String> sealedCases(int offset, int limit) {
        return jdbc.queryForList("select case_id from audit_ledger_head order by case_id offset ? rows fetch next ? rows only",
                String.class, offset, limit);
    }
}

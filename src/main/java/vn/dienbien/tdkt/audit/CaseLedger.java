package vn.dienbien.tdkt.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.platform.BoundedMemory;

/**
 * Sổ niêm phong: seals what each case records, each item by the fingerprint of its content, in a chain
 * of hashes; and verifies a case against it. Sealing runs inside the transaction that changed the case
 * (see {@link LedgerSealing}), so every change made through the application is sealed with it, and one
 * made around the application is not. A chain is the case's audit_ledger entries (one row per item,
 * written before V36 and still read) followed by its audit_seal blocks (one per sealing transaction,
 * see {@link SealBlocks}); audit_ledger_head holds its tip.
 */
@Component
class CaseLedger {

    static final String REMOVED = "REMOVED";

    /** One item's seal: an audit_ledger entry, or an item of a block (which shares the block's seq and time). */
    record Entry(int seq, String itemRef, String itemHash, boolean settled, String label, Instant sealedAt) {
    }

    /** An audit_ledger entry (the first format) as stored. */
    record LegacyEntry(String caseId, int seq, String itemRef, String itemHash, boolean settled, String label,
            Instant sealedAt, String prevHash, String entryHash) {

        String expectedHash() {
            return Fingerprints.sha256(prevHash + '|' + caseId + '|' + seq + '|' + itemRef + '|' + itemHash + '|'
                    + settled + '|' + label + '|' + sealedAt.toEpochMilli());
        }

        Entry entry() {
            return new Entry(seq, itemRef, itemHash, settled, label, sealedAt);
        }
    }

    /** An audit_seal block as stored. */
    record Block(int seq, Instant sealedAt, byte[] items, byte[] sealHash) {
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
    private final Tips tips = new Tips(Tips.CAPACITY);

    CaseLedger(JdbcTemplate jdbc, CaseItems items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    /**
     * What each chain says of each item as of a head (seq and hash), remembered from the last seal this node
     * made or read: the next seal of the case, finding the head it locks unchanged, compares with this instead of
     * reading and decoding the case's every block again (two statements and a growing read per sealed case,
     * issue 12). Another node's seal, or a rolled-back one, leaves a different head: the chain is read as before.
     * Blocks are append-only and their hash covers the items, so a matching head means the same items. Bounded
     * (a case holds tens to a few hundred items), the least recently sealed forgotten.
     */
    static final class Tips {
        static final int CAPACITY = 1_000;

        private record Tip(int seq, String hash, Map<String, Entry> latest) {
        }

        private final BoundedMemory<String, Tip> remembered;

        Tips(int capacity) {
            this.remembered = new BoundedMemory<>(capacity);
        }

        /** The items as of this head, or null when not remembered for it. Never to be changed by the caller. */
        Map<String, Entry> at(String caseId, int seq, String hash) {
            Tip tip = remembered.get(caseId);
            return tip != null && tip.seq() == seq && tip.hash().equals(hash) ? tip.latest() : null;
        }

        void remember(String caseId, int seq, String hash, Map<String, Entry> latest) {
            remembered.put(caseId, new Tip(seq, hash, latest));
        }

        int size() {
            return remembered.size();
        }
    }

    /** Seals every source of these cases (start-up sealing of earlier cases). */
    void seal(Collection<String> caseIds) {
        Map<String, CaseItems.Scope> scopes = new TreeMap<>();
        caseIds.forEach(caseId -> scopes.put(caseId, CaseItems.Scope.ALL));
        seal(scopes);
    }

    /**
     * Seals what changed in these cases, re-reading only the sources in each one's scope. Per
     * {@value CaseItems#CHUNK} cases, one statement locks their heads, one reads their audit_ledger entries,
     * one their blocks, each source is read once for all of them, and the new blocks and heads are written
     * in batches: a transaction that touched a session and its dossiers no longer sends a set of statements
     * per case (issue 12). Heads are locked in ascending order of case (PostgreSQL locks the rows after
     * sorting them), so two sealing transactions never deadlock.
     */
    void seal(Map<String, CaseItems.Scope> scopes) {
        List<String> caseIds = new ArrayList<>(new TreeMap<>(scopes).keySet());
        for (int from = 0; from < caseIds.size(); from += CaseItems.CHUNK) {
            sealChunk(caseIds.subList(from, Math.min(caseIds.size(), from + CaseItems.CHUNK)), scopes);
        }
    }

    private void sealChunk(List<String> caseIds, Map<String, CaseItems.Scope> scopes) {
        Map<String, Head> heads = lockHeads(caseIds);
        Map<String, Map<String, Entry>> latest = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String caseId : caseIds) {
            Head head = heads.get(caseId);
            Map<String, Entry> known = head.fresh ? null : tips.at(caseId, head.seq, head.hash);
            if (known != null) {
                latest.put(caseId, known);
            } else if (!head.fresh) {
                unknown.add(caseId);
            }
        }
        latest.putAll(latestByItem(unknown));
        Map<String, CaseItems.Scope> chunk = new LinkedHashMap<>();
        Map<String, List<Long>> sealedDocuments = new HashMap<>();
        for (String caseId : caseIds) {
            chunk.put(caseId, scopes.get(caseId));
            sealedDocuments.put(caseId, sealedDocuments(latest.getOrDefault(caseId, Map.of())));
        }
        Map<String, CaseItems.Reading> readings = items.collect(chunk, sealedDocuments, false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> blocks = new ArrayList<>();
        List<Object[]> newHeads = new ArrayList<>();
        List<Object[]> movedHeads = new ArrayList<>();
        for (String caseId : caseIds) {
            Map<String, Entry> before = latest.getOrDefault(caseId, Map.of());
            List<SealBlocks.Item> sealed = changes(before, readings.get(caseId));
            Head head = heads.get(caseId);
            if (sealed.isEmpty()) {
                if (!head.fresh) {
                    tips.remember(caseId, head.seq, head.hash, before);
                }
                continue;
            }
            int seq = head.seq + 1;
            byte[] encoded = SealBlocks.encode(sealed);
            byte[] hash = SealBlocks.hash(head.hash, caseId, seq, now, encoded);
            // As a later reading of the stored block would give it: decoded from the bytes written.
            Map<String, Entry> after = new HashMap<>(before);
            decoded(new Block(seq, now, encoded, hash)).forEach(entry -> after.put(entry.itemRef(), entry));
            tips.remember(caseId, seq, SealBlocks.hex(hash), after);
            blocks.add(new Object[] {caseId, seq, Timestamp.from(now), encoded, hash});
            if (head.fresh) {
                newHeads.add(new Object[] {caseId, seq, SealBlocks.hex(hash)});
            } else {
                movedHeads.add(new Object[] {seq, SealBlocks.hex(hash), caseId});
            }
        }
        if (!blocks.isEmpty()) {
            jdbc.batchUpdate("insert into audit_seal (case_id, seq, sealed_at, items, seal_hash) values (?, ?, ?, ?, ?)",
                    blocks);
        }
        if (!newHeads.isEmpty()) {
            jdbc.batchUpdate("insert into audit_ledger_head (case_id, last_seq, last_hash) values (?, ?, ?)", newHeads);
        }
        if (!movedHeads.isEmpty()) {
            jdbc.batchUpdate("update audit_ledger_head set last_seq = ?, last_hash = ? where case_id = ?", movedHeads);
        }
    }

    /** What one case's next block seals: the items new or changed since their last seal, and those removed. */
    private static List<SealBlocks.Item> changes(Map<String, Entry> latest, CaseItems.Reading reading) {
        List<SealBlocks.Item> sealed = new ArrayList<>();
        if (reading.items().isEmpty() && latest.isEmpty()) {
            return sealed;
        }
        Set<String> present = new HashSet<>();
        for (CaseItem item : reading.items()) {
            present.add(item.ref());
            Entry last = latest.get(item.ref());
            if (last != null && last.settled() && !REMOVED.equals(last.itemHash())) {
                continue; // a settled fact never changes through the application; verification judges it
            }
            String fingerprint = item.fingerprint().get();
            if (last == null || !last.itemHash().equals(fingerprint)) {
                sealed.add(new SealBlocks.Item(item.ref(), fingerprint, item.settled(), item.label()));
            }
        }
        for (Entry last : latest.values()) {
            // An open item that the application itself removed (a replaced attachment): sealed as removed.
            // Only among the sources read: the others were not written by this transaction.
            if (!present.contains(last.itemRef()) && !last.settled() && !REMOVED.equals(last.itemHash())
                    && reading.covers(last.itemRef())) {
                sealed.add(new SealBlocks.Item(last.itemRef(), REMOVED, false, last.label()));
            }
        }
        return sealed;
    }

    private static final class Head {
        int seq;
        String hash;
        boolean fresh;
    }

    /** Locks the heads of these cases (at most {@value CaseItems#CHUNK}) in one statement; fresh for those without. */
    private Map<String, Head> lockHeads(List<String> caseIds) {
        Map<String, Head> heads = new HashMap<>();
        jdbc.query("select case_id, last_seq, last_hash from audit_ledger_head where case_id in (" + marks(caseIds.size())
                + ") order by case_id for update", rs -> {
                    Head head = new Head();
                    head.seq = rs.getInt(2);
                    head.hash = rs.getString(3);
                    heads.put(rs.getString(1), head);
                }, caseIds.toArray());
        for (String caseId : caseIds) {
            heads.computeIfAbsent(caseId, id -> {
                Head head = new Head();
                head.seq = 0;
                head.hash = Fingerprints.GENESIS;
                head.fresh = true;
                return head;
            });
        }
        return heads;
    }

    private static String marks(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    List<LegacyEntry> legacyEntries(String caseId) {
        return jdbc.query("select case_id, seq, item_ref, item_hash, settled, label, sealed_at, prev_hash,"
                + " entry_hash from audit_ledger where case_id = ? order by seq", (rs, n) -> new LegacyEntry(
                        rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)), caseId);
    }

    List<Block> blocks(String caseId) {
        return jdbc.query("select seq, sealed_at, items, seal_hash from audit_seal where case_id = ? order by seq",
                (rs, n) -> new Block(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3), rs.getBytes(4)),
                caseId);
    }

    /** Every item seal of the case in chain order (a block that does not decode contributes nothing). */
    List<Entry> entries(String caseId) {
        List<Entry> entries = new ArrayList<>();
        legacyEntries(caseId).forEach(legacy -> entries.add(legacy.entry()));
        for (Block block : blocks(caseId)) {
            try {
                entries.addAll(decoded(block));
            } catch (IllegalArgumentException e) {
                // Altered around the application: verification flags it; sealing goes on.
            }
        }
        return entries;
    }

    private static List<Entry> decoded(Block block) {
        List<Entry> entries = new ArrayList<>();
        for (SealBlocks.Item item : SealBlocks.decode(block.items())) {
            entries.add(new Entry(block.seq(), item.ref(), item.hash(), item.settled(), item.label(),
                    block.sealedAt()));
        }
        return entries;
    }

    /**
     * What each chain says of each item, for these cases (at most {@value CaseItems#CHUNK}): their audit_ledger
     * entries in one statement and their blocks in another, not two per case (issue 12).
     */
    private Map<String, Map<String, Entry>> latestByItem(List<String> caseIds) {
        Map<String, Map<String, Entry>> latest = new HashMap<>();
        if (caseIds.isEmpty()) {
            return latest;
        }
        String in = " where case_id in (" + marks(caseIds.size()) + ") order by case_id, seq";
        jdbc.query("select case_id, seq, item_ref, item_hash, settled, label, sealed_at from audit_ledger" + in,
                rs -> {
                    Entry entry = new Entry(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant());
                    latest.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(entry.itemRef(), entry);
                }, caseIds.toArray());
        jdbc.query("select case_id, seq, sealed_at, items, seal_hash from audit_seal" + in, rs -> {
            Block block = new Block(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getBytes(4), rs.getBytes(5));
            Map<String, Entry> ofCase = latest.computeIfAbsent(rs.getString(1), id -> new HashMap<>());
            try {
                decoded(block).forEach(entry -> ofCase.put(entry.itemRef(), entry));
            } catch (IllegalArgumentException e) {
                // Altered around the application: verification flags it; sealing goes on.
            }
        }, caseIds.toArray());
        return latest;
    }

    static List<Long> sealedDocuments(Map<String, Entry> latest) {
        List<Long> ids = new ArrayList<>();
        for (String ref : latest.keySet()) {
            if (ref.startsWith(CaseItems.DOCUMENT + ":")) {
                ids.add(Long.valueOf(ref.substring(CaseItems.DOCUMENT.length() + 1)));
            }
        }
        return ids;
    }

    /** What the chain says of each item, and what is wrong with the chain. */
    record Chain(Map<String, Entry> latest, int sealedEntries, List<String> problems) {
    }

    /** Checks the chain: audit_ledger entries one by one, then audit_seal blocks, then the head. */
    Chain chain(String caseId) {
        List<String> problems = new ArrayList<>();
        String previous = Fingerprints.GENESIS;
        int expectedSeq = 1;
        int sealedEntries = 0;
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (LegacyEntry entry : legacyEntries(caseId)) {
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
            latest.put(entry.itemRef(), entry.entry());
            sealedEntries++;
        }
        for (Block block : blocks(caseId)) {
            if (block.seq() != expectedSeq) {
                problems.add("Thiếu mục niêm phong số " + expectedSeq + " (gặp số " + block.seq() + ").");
            }
            byte[] expected = SealBlocks.hash(previous, caseId, block.seq(), block.sealedAt(), block.items());
            if (!Arrays.equals(expected, block.sealHash())) {
                problems.add("Khối niêm phong số " + block.seq() + " (lúc " + block.sealedAt()
                        + ") đã bị sửa hoặc không nối với khối trước đó.");
            }
            try {
                for (Entry entry : decoded(block)) {
                    latest.put(entry.itemRef(), entry);
                    sealedEntries++;
                }
            } catch (IllegalArgumentException e) {
                problems.add("Khối niêm phong số " + block.seq() + " không đọc được: đã bị sửa.");
            }
            // The next block chains on the hash as stored; a wrong one is flagged above.
            previous = block.sealHash() == null ? "" : SealBlocks.hex(block.sealHash());
            expectedSeq = block.seq() + 1;
        }
        List<Map<String, Object>> head = jdbc.queryForList(
                "select last_seq, last_hash from audit_ledger_head where case_id = ?", caseId);
        if (!head.isEmpty() && (((Number) head.get(0).get("last_seq")).intValue() != expectedSeq - 1
                || !previous.equals(head.get(0).get("last_hash")))) {
            problems.add("Cuối chuỗi niêm phong không khớp với đầu chuỗi đã lưu: có mục đã bị xóa.");
        }
        return new Chain(latest, sealedEntries, problems);
    }

    /** Checks the chain and every item of the case against its last seal. */
    Verification verify(String caseId, List<CaseItem> current) {
        return verify(chain(caseId), current);
    }

    Verification verify(Chain chain, List<CaseItem> current) {
        Map<String, Entry> latest = chain.latest();
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
        return new Verification(states, removed, chain.sealedEntries(), chain.problems().isEmpty(),
                chain.problems());
    }

    /** Verifies a case as it is stored now, documents' bytes included. */
    Verification verify(String caseId) {
        Chain chain = chain(caseId);
        return verify(chain, items.collect(caseId, sealedDocuments(chain.latest()), true));
    }

    /** Cases that have a chain. */
    List<String> sealedCases(int offset, int limit) {
        return jdbc.queryForList("select case_id from audit_ledger_head order by case_id offset ? rows fetch next ? rows only",
                String.class, offset, limit);
    }
}

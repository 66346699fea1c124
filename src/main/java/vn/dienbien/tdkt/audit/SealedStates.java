package vn.dienbien.tdkt.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each recently sealed case's chain says of its items after its last block, kept in memory for the case's
 * next sealing (issue 12): without it every sealing read and decoded all the case's blocks again, a read that
 * grows with the case. An entry is used only when the head the sealing has just locked has the same sequence
 * number and hash as when the entry was kept, so an entry left by a transaction that rolled back, by another node
 * or by an older chain is never used: the chain is read from the database instead. Verification never reads
 * these entries. At most {@code capacity} cases (the least recently sealed go first).
 */
final class SealedStates {

    private record State(int seq, String hash, Map<String, CaseLedger.Entry> latest) {
    }

    private final Map<String, State> states;

    SealedStates(int capacity) {
        this.states = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The case's latest entry per item as of the head (seq, hash), or null when not kept for that head. */
    synchronized Map<String, CaseLedger.Entry> at(String caseId, int seq, String hash) {
        State state = states.get(caseId);
        return state != null && state.seq() == seq && state.hash().equals(hash) ? state.latest() : null;
    }

    /** Keeps the case's latest entry per item as of the head (seq, hash). */
    synchronized void keep(String caseId, int seq, String hash, Map<String, CaseLedger.Entry> latest) {
        states.put(caseId, new State(seq, hash, Map.copyOf(latest)));
    }

    synchronized int size() {
        return states.size();
    }
}

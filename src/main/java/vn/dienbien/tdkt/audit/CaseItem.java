package vn.dienbien.tdkt.audit;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One recorded fact of a case: a row of the engine's history or of our tables. {@code ref} names it
 * for the ledger ({@code ACT_HI_TASKINST:42}); {@code settled} items never change again once sealed
 * (an ended task, a status change, a ballot), so any later difference is an alteration;
 * {@code fingerprint} is the SHA-256 of its content (a document's includes its bytes).
 */
record CaseItem(String source, String ref, boolean settled, String label, Map<String, Object> row,
        Supplier<String> fingerprint) {
}

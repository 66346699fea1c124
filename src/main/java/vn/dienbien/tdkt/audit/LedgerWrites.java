package vn.dienbien.tdkt.audit;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * For modules that write a table the ledger seals with plain SQL rather than through JPA (which the
 * ledger hears of by itself): they say which cases' rows of which tables they wrote, and the ledger
 * seals those with the transaction. Without it the next seal of such a case would not read them again.
 */
@Component
public class LedgerWrites {

    private final LedgerSealing sealing;

    LedgerWrites(LedgerSealing sealing) {
        this.sealing = sealing;
    }

    /** Rows of these tables written for these cases in the current transaction. */
    public void written(Collection<String> caseIds, String... tables) {
        Set<String> names = Stream.of(tables).map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String caseId : caseIds) {
            sealing.recordsWritten(caseId, names);
        }
    }
}

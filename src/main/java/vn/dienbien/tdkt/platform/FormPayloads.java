package vn.dienbien.tdkt.platform;

import java.util.Set;

/**
 * Names of process variables that carry a whole form's data (a proposal, a ballot, a score sheet)
 * from Tasklist to the step that stores it in our tables. The storing step removes the variable in
 * the same transaction, so the engine never writes it (its text column holds 4,000 characters), and
 * {@link PayloadHistoryFilter} keeps history from copying it: the record in our tables is the one copy.
 */
public record FormPayloads(Set<String> names) {

    public static FormPayloads of(String... names) {
        return new FormPayloads(Set.of(names));
    }
}

package vn.dienbien.tdkt.platform;

import java.util.Set;

/**
 * Names of process variables that only the system sets: the ids that tie a case to its records and
 * the outcomes the system computes. Each module declares its own as a bean; a task completion or a
 * variable call through /engine-rest that tries to write one of them is refused.
 */
public record ProtectedVariables(Set<String> names) {

    public static ProtectedVariables of(String... names) {
        return new ProtectedVariables(Set.of(names));
    }
}

package vn.dienbien.tdkt.platform;

import java.util.Set;

/**
 * The fields a process's start form submits. A person starting the process through Tasklist or the
 * REST API may send only these: a case cannot begin with values planted for later steps (an
 * appraisal decision, a chairman's exclusion). Processes without a declaration start with no
 * variables from people. Each module declares its own as a bean.
 */
public record StartFormFields(String processKey, Set<String> fields) {

    public static StartFormFields of(String processKey, String... fields) {
        return new StartFormFields(processKey, Set.of(fields));
    }
}

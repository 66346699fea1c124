package vn.dienbien.tdkt.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import vn.dienbien.tdkt.platform.CachingFeelEngineFactory;
import vn.dienbien.tdkt.platform.WorkflowKeys;

/**
 * Bảng điều kiện khen thưởng outside the process engine, for the benchmark and the equivalence test:
 * a DMN engine configured like the process engine's (FEEL everywhere, no legacy behaviour), with or
 * without the FEEL shortcuts ({@code CachingFeelEngineFactory}).
 */
final class EligibilityTables {

    static final String RESOURCE = "/bpmn/dossier-eligibility.dmn";

    private EligibilityTables() {
    }

    /** The DMN configuration, not built yet (a test adds listeners). */
    static DefaultDmnEngineConfiguration configuration(boolean parseCache) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (parseCache) {
            CachingFeelEngineFactory.install(configuration);
        }
        return configuration;
    }

    static DmnDecision decision(DmnEngine engine) {
        try (InputStream in = EligibilityTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return engine.parseDecision(WorkflowKeys.DOSSIER_ELIGIBILITY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables {@code DossierEligibility} passes, with the same Java types. */
    static Map<String, Object> inputs(String awardCode, String nomineeKind, String blockVote, long otherFlagsForGroup,
            int consecutiveExcellentYears, Integer recognisedInitiatives, boolean underDiscipline,
            boolean underInvestigation, boolean openComplaint, long sameAwardSameYear) {
        Map<String, Object> in = new HashMap<>();
        in.put("awardCode", awardCode);
        in.put("nomineeKind", nomineeKind);
        in.put("blockVote", blockVote);
        in.put("otherFlagsForGroup", otherFlagsForGroup);
        in.put("consecutiveExcellentYears", consecutiveExcellentYears);
        in.put("recognisedInitiatives", recognisedInitiatives);
        in.put("underDiscipline", underDiscipline);
        in.put("underInvestigation", underInvestigation);
        in.put("openComplaint", openComplaint);
        in.put("sameAwardSameYear", sameAwardSameYear);
        return in;
    }

    /** Dossiers as the Board sees them: Flags and Certificates, eligible or not for various reasons. */
    static List<Map<String, Object>> representative() {
        return List.of(
                inputs("FLAG", "COLLECTIVE", "ELECTED", 0, 0, 0, false, false, false, 0),
                inputs("FLAG", "COLLECTIVE", "ELECTED_OUTSIDE", 0, 0, 0, false, false, false, 0),
                inputs("FLAG", "COLLECTIVE", "NO_VOTE", 1, 0, 0, false, false, false, 0),
                inputs("FLAG", "INDIVIDUAL", "NOT_IN_GROUP", 0, 0, 0, false, false, false, 1),
                inputs("CERTIFICATE", "INDIVIDUAL", "NOT_IN_GROUP", 0, 3, 2, false, false, false, 0),
                inputs("CERTIFICATE", "INDIVIDUAL", "NOT_IN_GROUP", 0, 1, 0, true, false, false, 0),
                inputs("CERTIFICATE", "COLLECTIVE", "NOT_IN_GROUP", 0, 2, 0, false, true, true, 0),
                inputs("CERTIFICATE", "HOUSEHOLD", "NOT_IN_GROUP", 0, 0, 0, false, false, false, 0));
    }
}

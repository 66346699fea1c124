package vn.dienbien.tdkt.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eligibility table gives the Board the same verdicts with the FEEL shortcuts as with Camunda's
 * default FEEL engine: same rows (rule code, Đạt/Không đạt, reason) in the same order, same rules
 * matched, same refusals for inputs the table cannot read — for every code the rules test, at and
 * around each boundary (2 years, 2 initiatives, 0 other Flags, 0 earlier awards), every rule reached.
 */
class EligibilityFeelShortcutsTest {

    private static Table plain;
    private static Table cached;

    @BeforeAll
    static void engines() {
        plain = new Table(false);
        cached = new Table(true);
    }

    @Test
    void everyRuleGivesTheSameVerdictsAtAndAroundItsBoundaries() {
        Set<String> reached = new LinkedHashSet<>();
        int compared = 0;
        // Every award × nominee × block vote × other Flags × earlier awards, the rest varying.
        int[][] rest = {{2, 2, 0}, {1, 3, 1}, {3, 1, 2}, {0, 0, 4}, {2, 2, 7}};
        for (String award : List.of("FLAG", "CERTIFICATE")) {
            for (String kind : List.of("COLLECTIVE", "INDIVIDUAL", "HOUSEHOLD")) {
                for (String vote : List.of("ELECTED", "ELECTED_OUTSIDE", "OTHER_ELECTED", "NO_VOTE", "NOT_IN_GROUP")) {
                    for (long otherFlags : new long[] {0, 1}) {
                        for (long same : new long[] {0, 1}) {
                            int[] r = rest[compared % rest.length];
                            reached.addAll(assertSameVerdicts(EligibilityTables.inputs(award, kind, vote, otherFlags,
                                    r[0], r[1], (r[2] & 1) != 0, (r[2] & 2) != 0, (r[2] & 4) != 0, same)));
                            compared++;
                        }
                    }
                }
            }
        }
        // An individual's Certificate: years and initiatives around 2, with every discipline flag.
        for (int years = 0; years <= 3; years++) {
            for (int initiatives = 0; initiatives <= 3; initiatives++) {
                for (int flags = 0; flags < 8; flags++) {
                    reached.addAll(assertSameVerdicts(EligibilityTables.inputs("CERTIFICATE", "INDIVIDUAL", "NO_VOTE", 0,
                            years, initiatives, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, 0)));
                    compared++;
                }
            }
        }
        // A Flag for a collective: every block vote with every discipline flag.
        for (String vote : List.of("ELECTED", "ELECTED_OUTSIDE", "OTHER_ELECTED", "NO_VOTE", "NOT_IN_GROUP")) {
            for (int flags = 0; flags < 8; flags++) {
                reached.addAll(assertSameVerdicts(EligibilityTables.inputs("FLAG", "COLLECTIVE", vote, 0, 0, 0,
                        (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, 0)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(120 + 128 + 40);
        assertThat(reached).containsExactlyInAnyOrderElementsOf(plain.ruleIds());
    }

    @Test
    void theRepresentativeDossiersGiveTheSameVerdictsEvaluatedAgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            EligibilityTables.representative().forEach(EligibilityFeelShortcutsTest::assertSameVerdicts);
        }
    }

    @Test
    void inputsOutsideTheCodesOrMissingGiveTheSameVerdictsOrTheSameRefusal() {
        List<Map<String, Object>> odd = new ArrayList<>();
        odd.add(EligibilityTables.inputs("OTHER", "COLLECTIVE", "ELECTED", 0, 2, 2, false, false, false, 0));
        odd.add(EligibilityTables.inputs("FLAG", null, null, 0, 2, 2, false, false, false, 0));
        odd.add(EligibilityTables.inputs("CERTIFICATE", "INDIVIDUAL", "NO_VOTE", 0, 2, null, false, false, false, 0));
        odd.add(EligibilityTables.inputs("CERTIFICATE", "INDIVIDUAL", "NO_VOTE", -1, -1, -1, false, false, false, -1));
        odd.add(EligibilityTables.inputs("CERTIFICATE", "INDIVIDUAL", "NO_VOTE", Long.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MIN_VALUE, false, false, false, Long.MAX_VALUE));
        Map<String, Object> missing = new HashMap<>(EligibilityTables.inputs("FLAG", "COLLECTIVE", "ELECTED", 0, 0, 0,
                false, false, false, 0));
        missing.remove("sameAwardSameYear");
        odd.add(missing);
        Map<String, Object> wrongType = new HashMap<>(missing);
        wrongType.put("sameAwardSameYear", "một");
        odd.add(wrongType);
        Map<String, Object> wrongBoolean = new HashMap<>(missing);
        wrongBoolean.put("sameAwardSameYear", 0L);
        wrongBoolean.put("underDiscipline", "không");
        odd.add(wrongBoolean);
        for (int i = 0; i < 2; i++) {
            odd.forEach(EligibilityFeelShortcutsTest::assertSameVerdicts);
        }
    }

    /** Evaluates {@code in} with both engines; returns the ids of the rules matched. */
    private static List<String> assertSameVerdicts(Map<String, Object> in) {
        Outcome expected = plain.evaluate(in);
        Outcome actual = cached.evaluate(in);
        assertThat(actual).as("verdicts for %s", in).isEqualTo(expected);
        return expected.matchedRules();
    }

    /** Rows, matched rules, or the refusal's type and message. */
    private record Outcome(List<Map<String, Object>> rows, List<String> matchedRules, String refusal) {
    }

    private static final class Table {

        private final DmnEngine engine;
        private final DmnDecision decision;
        private List<String> matched = List.of();

        Table(boolean parseCache) {
            DefaultDmnEngineConfiguration configuration = EligibilityTables.configuration(parseCache);
            configuration.setCustomPostDecisionTableEvaluationListeners(List.of(this::record));
            engine = configuration.buildEngine();
            decision = EligibilityTables.decision(engine);
        }

        private void record(DmnDecisionTableEvaluationEvent event) {
            matched = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
        }

        Outcome evaluate(Map<String, Object> in) {
            matched = List.of();
            try {
                List<Map<String, Object>> rows = engine.evaluateDecision(decision, in).getResultList();
                return new Outcome(rows, matched, null);
            } catch (RuntimeException e) {
                return new Outcome(null, null, e.getClass().getName() + ": " + e.getMessage());
            }
        }

        List<String> ruleIds() {
            return ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules().stream()
                    .map(DmnDecisionTableRuleImpl::getId).toList();
        }
    }
}

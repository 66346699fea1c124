package vn.dienbien.tdkt.dossier;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * Benchmark của bảng điều kiện khen thưởng (README, "Appraisal"): evaluates
 * {@code bpmn/dossier-eligibility.dmn} with Camunda's default FEEL engine and with the FEEL shortcuts
 * the application uses, after a warm-up, and prints µs per evaluation and evaluations per second.
 * A main, not a timed test: figures depend on the machine.
 *
 * <p>{@code -Dbench.evaluations=20000 -Dbench.warmup=5000 -Dbench.rounds=2}
 */
public final class EligibilityBenchmark {

    private EligibilityBenchmark() {
    }

    public static void main(String[] args) {
        int evaluations = Integer.getInteger("bench.evaluations", 20_000);
        int warmup = Integer.getInteger("bench.warmup", 5_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<Map<String, Object>> inputs = EligibilityTables.representative();
        System.out.printf("Bảng điều kiện khen thưởng (dossier-eligibility): %d evaluations after %d warm-up, %d rounds,"
                + " %d representative dossiers; Java %s, %d cores%n", evaluations, warmup, rounds, inputs.size(),
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        DmnEngine plain = EligibilityTables.configuration(false).buildEngine();
        DmnEngine cached = EligibilityTables.configuration(true).buildEngine();
        DmnDecision plainDecision = EligibilityTables.decision(plain);
        DmnDecision cachedDecision = EligibilityTables.decision(cached);
        for (Map<String, Object> in : inputs) {
            if (!plain.evaluateDecision(plainDecision, in).getResultList()
                    .equals(cached.evaluateDecision(cachedDecision, in).getResultList())) {
                throw new IllegalStateException("The two engines disagree on " + in);
            }
        }
        // Alternating rounds: neither side profits alone from the JIT's later work.
        for (int round = 1; round <= rounds; round++) {
            measure("default FEEL (Camunda 7.24)", round, plain, plainDecision, inputs, warmup, evaluations);
            measure("FEEL with shortcuts (app)  ", round, cached, cachedDecision, inputs, warmup, evaluations);
        }
    }

    private static void measure(String name, int round, DmnEngine engine, DmnDecision decision,
            List<Map<String, Object>> inputs, int warmup, int evaluations) {
        long rows = 0;
        for (int i = 0; i < warmup; i++) {
            rows += engine.evaluateDecision(decision, inputs.get(i % inputs.size())).size();
        }
        long start = System.nanoTime();
        for (int i = 0; i < evaluations; i++) {
            rows += engine.evaluateDecision(decision, inputs.get(i % inputs.size())).size();
        }
        long nanos = System.nanoTime() - start;
        double micros = nanos / 1_000.0 / evaluations;
        System.out.printf("round %d  %s  %8.1f µs/evaluation  %9.0f evaluations/s  (%d result rows)%n", round, name,
                micros, evaluations * 1e9 / nanos, rows);
    }
}

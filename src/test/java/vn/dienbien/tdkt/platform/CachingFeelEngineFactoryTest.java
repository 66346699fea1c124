package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL shortcuts change no result, refusal included, and stay bounded. */
class CachingFeelEngineFactoryTest {

    private final FeelEngine plain = new ScalaFeelEngineFactory().createInstance();
    private final FeelEngine cached = configured(false).getFeelEngine();

    @Test
    void unaryTestsGiveTheSameAnswersAndTheSameRefusalsForEveryValueWhenEvaluatedAgain() {
        List<String> texts = List.of("-", "2", ">= 2", "< 2", "> 0", "[1..3]", "not(2)", "2, 3", "> limit", "\"FLAG\"",
                "not(\"COLLECTIVE\")", "\"FLAG\", \"CERTIFICATE\"", "true", "false", "null", "> ", "[1..",
                "undefinedFunction(2)", "< today()");
        List<Object> values = Arrays.asList(null, 0, 1, 2, 3, 2L, -1L, 2.0, 2.5, new BigDecimal("2.00"), "2", "FLAG",
                "COLLECTIVE", "", true, false, LocalDate.of(2026, 12, 2), List.of(2));
        for (int round = 0; round < 2; round++) {
            for (Object value : values) {
                for (int limit = 1; limit <= 3; limit += 2) {
                    VariableContext context = Variables.createVariables().putValue("value", value)
                            .putValue("limit", limit).asVariableContext();
                    for (String text : texts) {
                        assertThat(outcome(() -> cached.evaluateSimpleUnaryTests(text, "value", context)))
                                .as("%s with %s", text, value)
                                .isEqualTo(outcome(() -> plain.evaluateSimpleUnaryTests(text, "value", context)));
                    }
                }
            }
            VariableContext noInput = Variables.createVariables().putValue("limit", 1).asVariableContext();
            for (String text : texts) {
                assertThat(outcome(() -> cached.evaluateSimpleUnaryTests(text, "value", noInput))).as(text)
                        .isEqualTo(outcome(() -> plain.evaluateSimpleUnaryTests(text, "value", noInput)));
            }
        }
    }

    @Test
    void expressionsGiveTheSameValuesAndTheSameRefusalsForEveryValueWhenEvaluatedAgain() {
        List<String> texts = List.of("a", " a ", "a + 1", "\"Đạt\"", "true", "false", "null", "0", "-1.5", "s",
                "string length(s)", "date(\"2026-12-02\")", "missing", "a +", "(", "date", "not");
        List<Object> values = Arrays.asList(null, 2, 2L, 2.0, new BigDecimal("2.00"), "Điện Biên", true,
                LocalDate.of(2026, 12, 2), List.of(1, 2), Map.of("k", 1));
        for (int round = 0; round < 3; round++) {
            for (Object value : values) {
                VariableContext context = Variables.createVariables().putValue("a", value).putValue("s", "Điện Biên")
                        .putValue("date", value).putValue("not", value).asVariableContext();
                for (String text : texts) {
                    assertThat(outcome(() -> cached.evaluateSimpleExpression(text, context))).as("%s with %s", text, value)
                            .isEqualTo(outcome(() -> plain.evaluateSimpleExpression(text, context)));
                }
            }
        }
    }

    @Test
    void onlyCellsThatDependOnTheirOwnValueAreRemembered() {
        assertThat(List.of("-", "\"FLAG\"", ">= 2", "< 2", "0", "> 0", "true", "not(\"COLLECTIVE\")", "[1..3]",
                "\"A\", \"B\"", " -1.5 ")).allSatisfy(text -> assertThat(ClosedFeelResults.shapeOfTests(text))
                        .as(text).isEqualTo(ClosedFeelResults.Shape.CLOSED_TESTS));
        assertThat(List.of("> limit", "today()", "< today()", "\"a\\\"b\"", "date(\"2026-01-01\")", "x", "? > 1",
                "not(x)", "-x", "[1..x]")).allSatisfy(text -> assertThat(ClosedFeelResults.shapeOfTests(text))
                        .as(text).isEqualTo(ClosedFeelResults.Shape.OTHER));
        assertThat(ClosedFeelResults.shapeOf("awardCode")).isEqualTo(ClosedFeelResults.Shape.VARIABLE);
        assertThat(ClosedFeelResults.shapeOf("\"Đạt\"")).isEqualTo(ClosedFeelResults.Shape.LITERAL);
        assertThat(List.of("a + 1", "a.b", "date", "not", "f(a)", "a b")).allSatisfy(
                text -> assertThat(ClosedFeelResults.shapeOf(text)).as(text).isEqualTo(ClosedFeelResults.Shape.OTHER));
    }

    @Test
    void rememberedResultsStayBounded() {
        ClosedFeelResults results = new ClosedFeelResults(new ScalaFeelEngineFactory().createInstance());
        for (int i = 0; i < 2 * ClosedFeelResults.MAX_ENTRIES; i++) {
            VariableContext context = Variables.createVariables().putValue("value", i).asVariableContext();
            assertThat(results.evaluateSimpleUnaryTests(">= 2", "value", context)).isEqualTo(i >= 2);
        }
        assertThat(results.size()).isLessThanOrEqualTo(ClosedFeelResults.MAX_ENTRIES);
    }

    @Test
    @SuppressWarnings("deprecation")
    void theCacheKeepsAtMostItsBoundOfTexts() {
        var cache = new CachingFeelEngineFactory.ParseCache(new org.camunda.feel.FeelEngine.Builder().build());
        for (int i = 0; i < 3 * CachingFeelEngineFactory.MAX_ENTRIES; i++) {
            cache.parseUnaryTests("> " + i);
            cache.parseExpression("a + " + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(CachingFeelEngineFactory.MAX_ENTRIES);
        assertThat(cache.parseUnaryTests(">= 2")).isSameAs(cache.parseUnaryTests(">= 2"));
    }

    @Test
    void theLegacyFeelBehaviourKeepsCamundasLegacyEngine() {
        assertThat(configured(true).getFeelEngine()).isInstanceOf(FeelEngineImpl.class);
    }

    @Test
    void aFeelEngineChosenAlreadyIsKept() {
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        ScalaFeelEngineFactory chosen = new ScalaFeelEngineFactory();
        dmn.setFeelEngineFactory(chosen);
        CachingFeelEngineFactory.install(dmn);
        assertThat(dmn.getFeelEngineFactory()).isSameAs(chosen);
    }

    private static DefaultDmnEngineConfiguration configured(boolean legacy) {
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        CachingFeelEngineFactory.install(dmn);
        dmn.setEnableFeelLegacyBehavior(legacy);
        dmn.buildEngine();
        return dmn;
    }

    private static String outcome(Supplier<Object> evaluation) {
        try {
            Object value = evaluation.get();
            return value == null ? "null" : value.getClass().getName() + ": " + value;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}

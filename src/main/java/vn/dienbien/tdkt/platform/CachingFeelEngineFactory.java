package vn.dienbien.tdkt.platform;

import camundajar.impl.scala.util.Either;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * Bộ máy FEEL của bảng quyết định (DMN) không tính lại điều đã biết: Camunda's own FEEL engine
 * ({@link ScalaFeelEngine}: same value mappers, same custom functions, same evaluation) behind two
 * exact shortcuts. Camunda 7.24 parses every cell's text again on each evaluation, and FEEL builds its
 * built-in functions again for each cell (the eligibility table evaluates over a hundred cells per
 * dossier, {@code -} included).
 * <ul>
 * <li>{@link ClosedFeelResults}: a closed cell (a literal, {@code >= 2}, {@code not("X")}, {@code -},
 * an input expression reading one variable) has one answer per value, computed by FEEL once;</li>
 * <li>other cells are parsed once: FEEL's {@code evalUnaryTests}/{@code evalExpression} are
 * {@code parse(text).flatMap(eval)}, and the parsed tree is immutable and depends on the text alone.</li>
 * </ul>
 * Both are bounded (beyond {@value #MAX_ENTRIES} parsed texts the parse cache starts afresh), as
 * edited tables bring new texts. With the legacy FEEL behaviour switched on, the engine's own legacy
 * (JUEL-based) engine is used unchanged.
 */
public final class CachingFeelEngineFactory implements FeelEngineFactory {

    /** Distinct texts kept; the deployed tables hold a few hundred. */
    static final int MAX_ENTRIES = 4_096;

    private final DefaultDmnEngineConfiguration dmn;

    private CachingFeelEngineFactory(DefaultDmnEngineConfiguration dmn) {
        this.dmn = dmn;
    }

    /**
     * Makes {@code dmn} build its FEEL engine with the shortcuts, unless a FEEL engine (factory)
     * was chosen already.
     */
    public static void install(DefaultDmnEngineConfiguration dmn) {
        if (dmn.getFeelEngineFactory() == null && dmn.getFeelEngine() == null) {
            dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn));
        }
    }

    /** Called when the DMN engine is built, after the process engine has set its DMN options. */
    @Override
    public FeelEngine createInstance() {
        if (dmn.isEnableFeelLegacyBehavior()) {
            return new FeelEngineFactoryImpl().createInstance();
        }
        return new ClosedFeelResults(new ParseCachingScalaFeelEngine(dmn));
    }

    /** Camunda's engine with the FEEL library's parser behind a cache. */
    private static final class ParseCachingScalaFeelEngine extends ScalaFeelEngine {

        ParseCachingScalaFeelEngine(DefaultDmnEngineConfiguration dmn) {
            super(dmn.getFeelCustomFunctionProviders());
        }

        /** Runs from the super constructor: uses its arguments only. */
        @Override
        protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                ValueMapper.CompositeValueMapper valueMapper) {
            return new ParseCache(super.buildFeelEngine(functions, valueMapper));
        }
    }

    /**
     * The FEEL library's engine, configured exactly as Camunda configured {@code built}. The parse
     * methods are deprecated in FEEL 1.19 in favour of its new API; Camunda 7.24's engine calls them.
     */
    @SuppressWarnings("deprecation")
    static final class ParseCache extends org.camunda.feel.FeelEngine {

        private final ConcurrentMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
        private final ConcurrentMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

        ParseCache(org.camunda.feel.FeelEngine built) {
            super(built.functionProvider(), built.valueMapper(), built.configuration(), built.clock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String text) {
            return cached(unaryTests, text, super::parseUnaryTests);
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String text) {
            return cached(expressions, text, super::parseExpression);
        }

        int size() {
            return unaryTests.size() + expressions.size();
        }

        private Either<Failure, ParsedExpression> cached(ConcurrentMap<String, Either<Failure, ParsedExpression>> cache,
                String text, Function<String, Either<Failure, ParsedExpression>> parse) {
            if (text == null) {
                return parse.apply(null);
            }
            Either<Failure, ParsedExpression> hit = cache.get(text);
            if (hit != null) {
                return hit;
            }
            if (cache.size() >= MAX_ENTRIES / 2) {
                cache.clear();
            }
            Either<Failure, ParsedExpression> parsed = parse.apply(text);
            cache.putIfAbsent(text, parsed);
            return parsed;
        }
    }
}

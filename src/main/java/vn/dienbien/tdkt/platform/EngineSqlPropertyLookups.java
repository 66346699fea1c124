package vn.dienbien.tdkt.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's SQL is built at every statement from MyBatis mappings whose conditions are OGNL expressions over the
 * query and authorization-check objects ({@code authCheck.…}, {@code query.…}). OGNL finds a property's getter in
 * a cache only when it is named get/is + the property; for any other property (a field, or a method named as the
 * property) it searches every public method of the class again, lower-casing each name, at every evaluation: 3.8%
 * of the workers' CPU in the province benchmark (issue 12), in task completions' authorization checks and task
 * queries. This accessor, registered for every plain object as OGNL's own is, remembers that search's answer per
 * class and property; everything else (the access check, the call, the fallback to a field) is OGNL's, in OGNL's
 * order, so every expression evaluates as before.
 */
@Component
class EngineSqlPropertyLookups extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Before the engine's first statement: OGNL remembers the accessor it found for each class.
        install();
    }

    static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, Accessor.INSTANCE);
    }

    static final class Accessor extends ObjectPropertyAccessor {

        static final Accessor INSTANCE = new Accessor();

        private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
            @Override
            protected Map<String, Optional<Method>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        private Accessor() {
        }

        @Override
        public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
            if (target == null) {
                return super.getPossibleProperty(context, target, name);
            }
            try {
                Method method = readMethod(target.getClass(), name);
                Object result = OgnlRuntime.NotFound;
                if (method != null && context.getMemberAccess().isAccessible(context, target, method, name)) {
                    try {
                        result = OgnlRuntime.invokeMethod(target, method, OgnlRuntime.NoArguments);
                    } catch (InvocationTargetException e) {
                        throw new OgnlException(name, e.getTargetException());
                    }
                }
                if (result == OgnlRuntime.NotFound) {
                    result = OgnlRuntime.getFieldValue(context, target, name, true);
                }
                return result;
            } catch (OgnlException e) {
                throw e;
            } catch (Exception e) {
                throw new OgnlException(name, e);
            }
        }

        /** OGNL's choice of read method (its cached getter, else its search by name), searched once. */
        Method readMethod(Class<?> type, String name) {
            return readMethods.get(type).computeIfAbsent(name, property -> {
                Method getter = OgnlRuntime.getGetMethod(type, property);
                return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
            }).orElse(null);
        }
    }
}

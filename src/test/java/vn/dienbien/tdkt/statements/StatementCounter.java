package vn.dienbien.tdkt.statements;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread sends while {@link #start()} … {@link #stop()} records: each
 * statement executed or added to a batch, with its text. Wraps the application's DataSource (a test configuration);
 * statements of other threads (metrics, the pool's housekeeping) are not counted.
 */
public final class StatementCounter {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();
    /** The round trips to the database: a statement run alone, or a JDBC batch sent at once. */
    private static final ThreadLocal<List<String>> TRIPS = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> LAST_TRIPS = new ThreadLocal<>();
    private static final Set<String> SENDING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private StatementCounter() {
    }

    public static void start() {
        RECORDING.set(new ArrayList<>());
        TRIPS.set(new ArrayList<>());
    }

    /** The statements since {@link #start()} (each row of a batch counts); their round trips are then {@link #lastTrips()}. */
    public static List<String> stop() {
        List<String> recorded = RECORDING.get();
        RECORDING.remove();
        LAST_TRIPS.set(TRIPS.get() == null ? List.of() : TRIPS.get());
        TRIPS.remove();
        return recorded == null ? List.of() : recorded;
    }

    /** The round trips of the last recording: a batch's statement once. */
    public static List<String> lastTrips() {
        List<String> trips = LAST_TRIPS.get();
        return trips == null ? List.of() : trips;
    }

    private static void trip(String sql) {
        List<String> trips = TRIPS.get();
        if (trips != null && sql != null) {
            trips.add(sql.replaceAll("\\s+", " ").trim());
        }
    }

    private static void record(String sql) {
        List<String> recorded = RECORDING.get();
        if (recorded != null && sql != null) {
            recorded.add(sql.replaceAll("\\s+", " ").trim());
        }
    }

    /** Engine (ACT_ tables) or ours, and the statement's verb. */
    public static String kind(String sql) {
        String s = sql.toLowerCase(Locale.ROOT);
        String verb = s.startsWith("select") || s.startsWith("with") ? "select"
                : s.startsWith("insert") ? "insert" : s.startsWith("update") ? "update"
                        : s.startsWith("delete") ? "delete" : "other";
        boolean engine = s.matches("(?s).*\\bact_[a-z_]+\\b.*");
        return (engine ? "engine " : "ours ") + verb;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Wrapping {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof Counting) ? new Counting(ds) : bean;
                }
            };
        }
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        private static Connection connection(Connection target) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(target, method, args);
                        String name = method.getName();
                        if (result instanceof CallableStatement c && name.equals("prepareCall")) {
                            return statement(c, CallableStatement.class, (String) args[0]);
                        }
                        if (result instanceof PreparedStatement p && name.equals("prepareStatement")) {
                            return statement(p, PreparedStatement.class, (String) args[0]);
                        }
                        if (result instanceof Statement s && name.equals("createStatement")) {
                            return statement(s, Statement.class, null);
                        }
                        return result;
                    });
        }

        private static Object statement(Statement target, Class<?> type, String sql) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (EXECUTING.contains(method.getName())) {
                    record(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
                }
                if (SENDING.contains(method.getName())) {
                    trip(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
                }
                return invoke(target, method, args);
            };
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package jp.keitai.sns.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the application executes, JPA's and plain JDBC's alike, by wrapping the connection pool
 * (pass {@link #wrap()} to {@code Database.open} or {@code TestDb.h2(…)}). For tests that assert a page's number of
 * queries does not grow with the data (issue 8: the home page of a member with 45 friends).
 */
public final class StatementCounter {

    private static final Set<String> EXECUTE = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final List<String> statements = new ArrayList<>();

    /** The wrapper to give the database. */
    public UnaryOperator<DataSource> wrap() {
        return ds -> proxy(DataSource.class, ds, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? connection((Connection) result) : result;
        });
    }

    /** Forgets what was counted so far. */
    public synchronized void reset() {
        statements.clear();
    }

    public synchronized int count() {
        return statements.size();
    }

    /** The statements counted since the last reset, for a failure message. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    private synchronized void record(String sql) {
        statements.add(sql);
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (target, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement s) {
                return statement(CallableStatement.class, s, (String) args[0]);
            }
            if (result instanceof PreparedStatement s) {
                return statement(PreparedStatement.class, s, (String) args[0]);
            }
            if (result instanceof Statement s && name.equals("createStatement")) {
                return statement(Statement.class, s, null);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S s, String prepared) {
        return proxy(type, s, (target, method, args) -> {
            if (EXECUTE.contains(method.getName())) {
                record(prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

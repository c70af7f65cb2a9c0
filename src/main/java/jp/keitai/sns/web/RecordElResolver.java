package jp.keitai.sns.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.jsp.JspFactory;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Lets templates read record components as properties ({@code ${request.nickname}}), as Jakarta EL 6 does; Payara 6
 * ships EL 5, which only knows JavaBean getters. Views are fed records, so without this every template would need
 * {@code ${request.nickname()}}.
 *
 * <p>It reads the getters of the application's own view beans as well (read-only, like records): EL's
 * {@code BeanELResolver} introspected such classes again and again on the busiest pages.
 */
public final class RecordElResolver extends ELResolver {

    /** Installs the resolver, and {@link AbsentAttributeElResolver}, for every JSP of the application. */
    @WebListener
    public static final class Installer implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            JspFactory.getDefaultFactory()
                    .getJspApplicationContext(event.getServletContext())
                    .addELResolver(new RecordElResolver());
            JspFactory.getDefaultFactory()
                    .getJspApplicationContext(event.getServletContext())
                    .addELResolver(new AbsentAttributeElResolver());
        }
    }

    /**
     * Each record class's accessors (and each own class's getters) by property name, looked up once per class, as
     * functions: pages read them constantly, and a reflective {@code Method.invoke} cost several times a call.
     */
    private static final ClassValue<Map<String, Function<Object, Object>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    accessors.put(c.getName(), c.getAccessor());
                }
            } else if (type.getName().startsWith(OWN_PACKAGE)) {
                // the application's own view beans: their getters, read here rather than by EL's BeanELResolver,
                // whose per-class introspection showed up on every home page
                for (Method m : type.getMethods()) {
                    String property = property(m);
                    if (property != null && m.getDeclaringClass() != Object.class) {
                        accessors.putIfAbsent(property, m);
                    }
                }
            }
            Map<String, Function<Object, Object>> readers = new HashMap<>();
            accessors.forEach((name, m) -> readers.put(name, reader(m)));
            return Map.copyOf(readers);
        }
    };

    /**
     * The getter as a function, made like a lambda would be (records and beans nested in non-public classes too); by
     * reflection if that is refused.
     */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> reader(Method m) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup());
            return (Function<Object, Object>) LambdaMetafactory.metafactory(
                            lookup,
                            "apply",
                            MethodType.methodType(Function.class),
                            MethodType.methodType(Object.class, Object.class),
                            lookup.unreflect(m),
                            MethodType.methodType(Object.class, m.getDeclaringClass()))
                    .getTarget()
                    .invokeExact();
        } catch (Throwable refused) {
            m.setAccessible(true);
            return base -> {
                try {
                    return m.invoke(base);
                } catch (ReflectiveOperationException e) {
                    throw new ELException(e);
                }
            };
        }
    }

    private static final String OWN_PACKAGE = "jp.keitai.sns.";

    /** The JavaBeans property a public no-argument getter reads ({@code getTitle} → title, {@code isMore} → more). */
    private static String property(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        String name = m.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
            rest = name.substring(2);
        } else {
            return null;
        }
        return java.beans.Introspector.decapitalize(rest);
    }

    /** The reader of a property of a class, or null (for tests: it should be a made function, not reflection). */
    static Function<Object, Object> reader(Class<?> type, String property) {
        return ACCESSORS.get(type).get(property);
    }

    private static Function<Object, Object> component(Object base, Object property) {
        if (base == null || !(property instanceof String name)) {
            return null;
        }
        return ACCESSORS.get(base.getClass()).get(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Function<Object, Object> accessor = component(base, property);
        if (accessor == null) {
            return null;
        }
        Object value = accessor.apply(base);
        context.setPropertyResolved(base, property);
        return value;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (component(base, property) == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException("views are read-only: " + property);
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && !ACCESSORS.get(base.getClass()).isEmpty() ? String.class : null;
    }
}

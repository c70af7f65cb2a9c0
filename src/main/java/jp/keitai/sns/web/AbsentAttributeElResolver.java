package jp.keitai.sns.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.servlet.jsp.JspContext;
import jakarta.servlet.jsp.PageContext;

/**
 * Answers a template's top-level name ({@code ${error}}) from the page, request, session and application attributes,
 * and answers null when none has it. Without this, EL 5 takes a name no attribute has for a class name and asks the
 * class loader for {@code java.lang.error}, {@code jakarta.servlet.error} and so on, through every jar, on every
 * evaluation: optional attributes such as {@code error} cost more than the rest of a page. Templates here
 * name no classes and no CDI beans, so nothing is lost. Installed with {@link RecordElResolver}.
 */
final class AbsentAttributeElResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String name)) {
            return null;
        }
        Object page = context.getContext(JspContext.class);
        if (!(page instanceof PageContext pageContext)) {
            return null;
        }
        Object value = pageContext.findAttribute(name);
        context.setPropertyResolved(null, property);
        return value;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null; // left to the container's own resolvers
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // left to the container's own resolvers
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? String.class : null;
    }
}

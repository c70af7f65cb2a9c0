package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import jp.keitai.sns.carrier.Handset;

/**
 * Renders a {@link View} by including its JSP. The JSP writes characters into the edge's response buffer; the edge
 * then encodes them for the handset (charset, emoji, byte budget), so templates only ever see Unicode.
 */
@ApplicationScoped
@Provider
@Produces({MediaType.TEXT_HTML, "application/xhtml+xml"})
public class ViewWriter implements MessageBodyWriter<View> {

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Inject
    TemplateResolver templates;

    @Inject
    CurrentMember currentMember;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return View.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            View view,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        try {
            render(view, request, response, templates, currentMember);
        } catch (ServletException e) {
            throw new WebApplicationException(e);
        }
    }

    /**
     * Renders a view into the response: the one way pages are drawn, for JAX-RS resources (through this writer) and
     * for the few plain servlets on the hottest paths ({@code home/HomeServlet}, {@code profile/ProfileServlet}).
     */
    public static void render(
            View view,
            HttpServletRequest request,
            HttpServletResponse response,
            TemplateResolver templates,
            CurrentMember currentMember)
            throws IOException, ServletException {
        Handset handset = Handset.of(request);
        String path = templates.resolve(request.getServletContext(), view.name(), handset.templateSuffixes());
        view.model().forEach(request::setAttribute);
        request.setAttribute("handset", handset);
        // every member form carries the CSRF token as ${csrf}; ${signedIn} lets layouts show member links
        request.setAttribute("csrf", currentMember.csrfToken());
        request.setAttribute("signedIn", currentMember.isSignedIn());
        request.setAttribute("signedInId", currentMember.id().orElse(null)); // the PC layout's 日記 link
        request.getRequestDispatcher(path).include(request, response);
    }
}

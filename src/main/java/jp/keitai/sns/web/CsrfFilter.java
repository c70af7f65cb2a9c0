package jp.keitai.sns.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The one CSRF check: every POST, PUT, PATCH and DELETE to a resource must carry the {@link Csrf} token of its page,
 * in the form field {@code _csrf} (URL-encoded forms) or the query parameter of the same name (multipart forms, whose
 * body the resource reads itself); and a browser's {@code Origin}, when it sends one, must be this site. Runs after
 * {@link MembersOnlyFilter}, so a guest posting to a member page is sent to sign in first.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class CsrfFilter implements ContainerRequestFilter {

    static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** How far into a multipart body the token part must begin and end. */
    static final int MULTIPART_HEAD = 8192;

    static final String EXPIRED = "画面の有効期限が切れました。もう一度やり直してください。";

    @Inject
    Csrf csrf;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return;
        }
        if (resource != null
                && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(CsrfExempt.class)) {
            return; // a machine endpoint with a secret of its own
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameSite(origin, request.getUriInfo().getRequestUri())) {
            request.abortWith(refusal());
            return;
        }
        String token = request.getUriInfo().getQueryParameters().getFirst(Csrf.FIELD);
        MediaType type = request.getMediaType();
        if (token == null && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            // read the body and put it back for the resource: the edge has already bounded and re-encoded it
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            token = formField(new String(body, StandardCharsets.ISO_8859_1), Csrf.FIELD);
        } else if (token == null && type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // only the head of the body: forms put the token first, before any photo, and photos stay streamed
            InputStream in = request.getEntityStream();
            byte[] head = in.readNBytes(MULTIPART_HEAD);
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
            token = multipartField(new String(head, StandardCharsets.ISO_8859_1), Csrf.FIELD);
        }
        if (!csrf.accepts(token)) {
            request.abortWith(refusal());
        }
    }

    private static Response refusal() {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML)
                .entity(View.of("error").with("message", EXPIRED))
                .build();
    }

    /** "null" (a sandboxed or privacy-sensitive context) and another host are refused; the port is not compared. */
    static boolean sameSite(String origin, URI request) {
        try {
            String host = URI.create(origin.trim()).getHost();
            return host != null && host.equalsIgnoreCase(request.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The value of one text part of a multipart body (ASCII, as tokens are); null when not found in it. */
    static String multipartField(String body, String name) {
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("name=\"" + name.toLowerCase(java.util.Locale.ROOT) + "\"");
        if (at < 0) {
            return null;
        }
        int start = body.indexOf("\r\n\r\n", at);
        if (start < 0) {
            return null;
        }
        int end = body.indexOf("\r\n", start + 4);
        return end < 0 ? null : body.substring(start + 4, end);
    }

    /** One field of a URL-encoded form (the first), decoded; null when absent. */
    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

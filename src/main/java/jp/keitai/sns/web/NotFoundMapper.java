package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link NotFound} as 404 with the service's own page in Japanese, in the handset's charset. */
@Provider
@ApplicationScoped
public class NotFoundMapper implements ExceptionMapper<NotFound> {

    @Override
    public Response toResponse(NotFound e) {
        return page(e.getMessage());
    }

    static Response page(String message) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML)
                .entity(View.of("error").with("message", message))
                .build();
    }
}

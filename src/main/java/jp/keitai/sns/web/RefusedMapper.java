package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A {@link Refused} no resource turned into a form page: 400 with the reason, in the handset's charset. */
@Provider
@ApplicationScoped
public class RefusedMapper implements ExceptionMapper<Refused> {

    @Override
    public Response toResponse(Refused e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_HTML)
                .entity(View.of("error").with("message", e.getMessage()))
                .build();
    }
}

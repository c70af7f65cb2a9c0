package jp.keitai.sns.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.system.Settings;

/** The guest top page with the login form; members go to their home. */
@RequestScoped
@Public
@Path("")
public class TopResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    Settings settings;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response top() {
        if (currentMember.isSignedIn()) {
            return Response.seeOther(URI.create(response.encodeRedirectURL("/home")))
                    .build();
        }
        return Response.ok(TopPage.view(settings)).build();
    }

    @Context
    HttpServletResponse response;
}

package jp.keitai.sns.carrier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.View;

/**
 * Test-only pages added to the WAR by {@link HandsetEdgeIT}: a long page, an echo of what JAX-RS received, and a
 * redirect; {@code signedIn=1} plays the sign-in code by setting the session token attribute.
 */
@RequestScoped
@Public
@Path("edge-probe")
public class EdgeProbeResource {

    @Context
    HttpServletRequest request;

    @GET
    @Path("long")
    @Produces(MediaType.TEXT_HTML)
    public View longPage(@QueryParam("n") int n, @QueryParam("signedIn") String signedIn) {
        signIn(signedIn);
        return View.of("edgeprobe/long").with("n", n);
    }

    @GET
    @Path("echo")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> echoQuery(@QueryParam("text") String text) {
        return echo(text);
    }

    @POST
    @Path("echo")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> echoForm(@FormParam("text") String text) {
        return echo(text);
    }

    @GET
    @Path("redirect")
    public Response redirect(@QueryParam("signedIn") String signedIn) {
        signIn(signedIn);
        return Response.seeOther(URI.create("/home")).build();
    }

    private void signIn(String signedIn) {
        if ("1".equals(signedIn)) {
            request.setAttribute(EdgeFilter.SESSION_TOKEN, "T0k3n-abc");
        }
    }

    private static Map<String, String> echo(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put(
                "codepoints",
                text == null
                        ? ""
                        : text.codePoints()
                                .mapToObj(cp -> String.format("U+%04X", cp))
                                .collect(Collectors.joining(" ")));
        return m;
    }
}

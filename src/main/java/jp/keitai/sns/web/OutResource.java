package jp.keitai.sns.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * {@code GET /out?url=…}: the interstitial every link to another host goes through when the session id travels in
 * URLs. Its own URL carries no session id, so the Referer the other site sees holds nothing secret.
 */
@RequestScoped
@Public
@Path("out")
public class OutResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response out(@QueryParam("url") String url) {
        String target = url == null ? "" : url.strip();
        boolean ok = target.length() <= 2048 && isWebUrl(target);
        return Response.status(ok ? 200 : 400)
                .entity(View.of("layout/out").with("url", ok ? target : null))
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static boolean isWebUrl(String s) {
        try {
            URI u = URI.create(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

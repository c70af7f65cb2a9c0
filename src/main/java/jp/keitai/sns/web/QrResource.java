package jp.keitai.sns.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import jp.keitai.sns.system.Settings;

/**
 * QR codes that PC pages show so a phone's camera carries a URL or an address over, as Japanese sites did:
 * {@code GET /qr?path=/diary/12} (this site's page at that path, 携帯で見る) and {@code GET /qr/join} (a mail to
 * {@code get@}, 空メール registration). Only this site's own URLs: the service is no QR code maker for others.
 */
@RequestScoped
@Public
@Path("qr")
public class QrResource {

    /** A path on this site: no scheme, no host, no spaces; short enough for a small code. */
    private static final Pattern PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_\\-.?=&%]{0,200}");

    @Inject
    Settings settings;

    @GET
    @Produces("image/png")
    public Response page(@QueryParam("path") String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new NotFound("no such page");
        }
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        return png(base + path);
    }

    @GET
    @Path("join")
    @Produces("image/png")
    public Response join() {
        return png("mailto:get@" + settings.mailDomain());
    }

    private static Response png(String text) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86400);
        cache.setPrivate(false);
        return Response.ok(QrCodes.png(text)).cacheControl(cache).build();
    }
}

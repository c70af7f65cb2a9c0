package jp.keitai.sns.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * The carrier data console: each carrier's mail-domain allow-list and gateway ranges as in force, changes with a note
 * (validated, audited, effective on every node within seconds), and export as carrier-config files.
 */
@RequestScoped
@MembersOnly
@Path("admin/carriers")
public class AdminCarriersResource {

    @Inject
    Operators operators;

    @Inject
    CarrierRegistry registry;

    @Inject
    CarrierOverlaySync sync;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public View list() {
        operators.require();
        return page();
    }

    @POST
    @Path("{carrier}/domains")
    @Produces(MediaType.TEXT_HTML)
    public Response domain(
            @PathParam("carrier") String carrier,
            @FormParam("domain") String domain,
            @FormParam("action") String action,
            @FormParam("note") String note) {
        return change(carrier, CarrierOverrides.DOMAIN, domain, action, note, false);
    }

    @POST
    @Path("{carrier}/ranges")
    @Produces(MediaType.TEXT_HTML)
    public Response range(
            @PathParam("carrier") String carrier,
            @FormParam("range") String range,
            @FormParam("action") String action,
            @FormParam("note") String note,
            @FormParam("confirm_wide") String confirmWide) {
        return change(carrier, CarrierOverrides.RANGE, range, action, note, "yes".equals(confirmWide));
    }

    @GET
    @Path("{carrier}/export")
    @Produces("text/plain; charset=UTF-8")
    public Response export(@PathParam("carrier") String carrier) {
        operators.require();
        return registry.exportFile(carrier)
                .map(text -> Response.ok(text)
                        .header("Content-Disposition", "attachment; filename=\"" + carrier + ".conf\""))
                .orElse(Response.status(404).entity("no such carrier"))
                .build();
    }

    private Response change(String carrier, String kind, String item, String action, String note, boolean wide) {
        long operator = operators.require();
        if (registry.profile(carrier).isEmpty()) {
            return Response.status(404)
                    .entity(page().with("error", "そのキャリアはありません。"))
                    .build();
        }
        try {
            sync.change(
                    operator, carrier, kind, item, action == null ? "" : action.toUpperCase(Locale.ROOT), note, wide);
        } catch (Refused e) {
            return Response.status(400)
                    .entity(page().with("error", e.getMessage()))
                    .build();
        }
        return Response.ok(page().with("notice", "変更しました。すべてのサーバーに数秒以内に反映されます。"))
                .build();
    }

    private View page() {
        return View.of("admin/carriers")
                .with("profiles", registry.profiles())
                .with("registry", new Lists(registry))
                .with("problems", registry.problems());
    }

    /** Lets the template ask for a carrier's lists by id. */
    public static final class Lists {
        private final CarrierRegistry registry;

        Lists(CarrierRegistry registry) {
            this.registry = registry;
        }

        public java.util.Map<String, java.util.List<String>> getDomains() {
            java.util.Map<String, java.util.List<String>> m = new java.util.LinkedHashMap<>();
            registry.profiles().forEach(p -> m.put(p.getId(), registry.mailDomains(p.getId())));
            return m;
        }

        public java.util.Map<String, java.util.List<jp.keitai.sns.carrier.GatewayRange>> getRanges() {
            java.util.Map<String, java.util.List<jp.keitai.sns.carrier.GatewayRange>> m =
                    new java.util.LinkedHashMap<>();
            registry.profiles().forEach(p -> m.put(p.getId(), registry.gatewayRanges(p.getId())));
            return m;
        }
    }
}

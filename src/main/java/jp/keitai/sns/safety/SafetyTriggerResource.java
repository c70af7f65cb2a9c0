package jp.keitai.sns.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.logging.Logger;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;

/**
 * The configured trigger: {@code POST /safety/trigger} with {@code token} (the setting
 * {@code sns.safety.trigger-token}; empty = no trigger), {@code title}, {@code region} (a label), {@code prefectures} (names or JIS codes, empty for
 * the whole country) and {@code hours} opens a
 * 安否確認 at once, for an earthquake-alert feed or a script. Answers 201 with the check's id as plain text; a wrong
 * token is 404, as if nothing were here. Not a page: no CSRF token, the secret is the token.
 */
@Public
@jp.keitai.sns.web.CsrfExempt
@ApplicationScoped
@Path("safety/trigger")
@Produces(MediaType.TEXT_PLAIN)
public class SafetyTriggerResource {

    private static final Logger LOG = Logger.getLogger(SafetyTriggerResource.class.getName());

    @Inject
    Settings settings;

    @Inject
    SafetyService safety;

    @POST
    public Response trigger(
            @FormParam("token") String token,
            @FormParam("title") String title,
            @FormParam("region") String region,
            @FormParam("prefectures") String prefectures,
            @FormParam("hours") @DefaultValue("72") int hours) {
        String expected = settings.raw("sns.safety.trigger-token").orElse("");
        if (expected.isEmpty() || token == null || !Secrets.matches(token, expected)) {
            return Response.status(404).entity("not found").build();
        }
        try {
            long id = safety.open(null, title, region, prefectures, null, Duration.ofHours(hours));
            LOG.info(() -> "安否確認 #" + id + " opened by the trigger: " + title + " / " + prefectures);
            return Response.status(201).entity(String.valueOf(id)).build();
        } catch (Refused e) {
            return Response.status(400).entity(e.getMessage()).build();
        }
    }
}

package jp.keitai.sns.voice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;
import jp.keitai.sns.web.View;

/**
 * ボイス pages: friends' voices ({@code GET /voice}), posting and replying ({@code POST /voice}), a post with its
 * replies, deleting one's own (keitai pages ask first), イイネ!. Every answer to a POST is a redirect, so a handset posting from the home page
 * is back on the home page with its second page load. A {@code reply_to} that is not a voice id is 400.
 */
@MembersOnly
@ApplicationScoped // one instance: nothing is built or injected per request on pages handsets load often
@Path("voice")
@Produces(MediaType.TEXT_HTML)
public class VoiceResource {

    /** Posts per page on {@code /voice}. */
    static final int PAGE_SIZE = 10;

    @Inject
    CurrentMember currentMember;

    @Inject
    VoiceService voices;

    @Inject
    PostingAddresses addresses;

    @Context
    HttpServletResponse response;

    /** A one-time key for a post form: sending the same form twice (a second press on a slow line) posts once. */
    public static String formKey() {
        return Tokens.random().substring(0, 22);
    }

    @GET
    public View list(@QueryParam("page") @DefaultValue("1") String page) {
        long me = currentMember.memberId();
        return listView(me, parsePage(page));
    }

    @POST
    public Response post(
            @FormParam("body") String body,
            @FormParam("reply_to") VoiceId replyTo,
            @FormParam("key") String key,
            @FormParam("from") String from) {
        long me = currentMember.memberId();
        Long parent = replyTo == null ? null : replyTo.value();
        String sourceKey = key != null && key.matches("[A-Za-z0-9_-]{8,64}") ? "web:" + key : null;
        try {
            voices.post(me, body, parent, sourceKey);
        } catch (Refused refused) {
            Long answered = parent;
            View again = answered == null
                    ? listView(me, 1)
                    : voices.thread(me, answered).map(t -> threadView(t)).orElseGet(() -> listView(me, 1));
            return Response.ok(again.with("error", refused.getMessage()).with("body", body == null ? "" : body))
                    .build();
        }
        if ("home".equals(from)) {
            return redirect("/home");
        }
        return redirect(parent == null ? "/voice" : "/voice/" + parent);
    }

    @GET
    @Path("{id}")
    public View show(@PathParam("id") VoiceId id) {
        long me = currentMember.memberId();
        return voices.thread(me, id.value())
                .map(this::threadView)
                .orElseThrow(() -> new NotFound(VoiceService.NOT_FOUND));
    }

    /**
     * Asks before one's own voice goes (keitai pages link here: a handset's one key press must not delete; the form
     * posts to the same URL). 404 unless the viewer wrote it.
     */
    @GET
    @Path("{id}/delete")
    public View deleteConfirm(@PathParam("id") VoiceId id) {
        long me = currentMember.memberId();
        return voices.own(me, id.value())
                .map(v -> View.of("voice/delete").with("voice", v))
                .orElseThrow(() -> new NotFound(VoiceService.NOT_FOUND));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") VoiceId id) {
        long me = currentMember.memberId();
        VoiceService.Deleted deleted;
        try {
            deleted = voices.delete(me, id.value());
        } catch (Refused refused) {
            return Response.ok(View.of("message").with("message", refused.getMessage()))
                    .build();
        }
        return redirect(deleted.thread() == null ? "/voice" : "/voice/" + deleted.thread());
    }

    @POST
    @Path("{id}/like")
    public Response like(@PathParam("id") VoiceId id, @FormParam("from") String from) {
        return likeOrNot(id, from, true);
    }

    @POST
    @Path("{id}/unlike")
    public Response unlike(@PathParam("id") VoiceId id, @FormParam("from") String from) {
        return likeOrNot(id, from, false);
    }

    private Response likeOrNot(VoiceId voice, String from, boolean like) {
        long me = currentMember.memberId();
        String problem = null;
        if (like) {
            problem = voices.like(me, voice.value());
        } else {
            voices.unlike(me, voice.value());
        }
        if (problem != null) {
            return Response.ok(View.of("message").with("message", problem)).build();
        }
        if ("home".equals(from)) {
            return redirect("/home");
        }
        if ("list".equals(from)) {
            return redirect("/voice");
        }
        return redirect("/voice/" + voice.value());
    }

    private View listView(long me, int page) {
        VoicePage p = voices.timeline(me, page, PAGE_SIZE);
        return View.of("voice/index")
                .with("page", p)
                .with("mailAddress", addresses.addressOf(me, PostingAddresses.Kind.VOICE))
                .with("key", formKey());
    }

    private View threadView(VoiceItem thread) {
        return View.of("voice/show").with("voice", thread).with("key", formKey());
    }

    private Response redirect(String path) {
        return Response.seeOther(URI.create(response.encodeRedirectURL(path))).build();
    }

    private static int parsePage(String page) {
        try {
            int p = Integer.parseInt(page.strip());
            return p < 1 || p > 1000 ? 1 : p;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

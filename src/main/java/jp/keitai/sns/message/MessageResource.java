package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;
import jp.keitai.sns.web.View;

/**
 * メッセージ pages: the inbox ({@code GET /messages}) and sent box, one message (opening marks it read), the form
 * ({@code GET /messages/new?to=} or {@code ?reply=} with the quoted text), sending ({@code POST /messages}: {@code to},
 * {@code title}, {@code body}, optional {@code reply_to}; PC and smartphone forms may attach photos as multipart),
 * deleting one's own copy, and a message's photos. Rules are {@link MessageService}'s (sending) and {@link MessageBoxService}'s (reading).
 */
@MembersOnly
@ApplicationScoped
@Path("messages")
@Produces(MediaType.TEXT_HTML)
public class MessageResource {

    static final int PAGE_SIZE = 10;

    @Inject
    CurrentMember currentMember;

    @Inject
    MessageService messages;

    @Inject
    MessageBoxService boxes;

    @Inject
    MemberService members;

    @Inject
    Photos photos;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public View inbox(@QueryParam("page") @DefaultValue("1") String page) {
        return View.of("message/box")
                .with("box", boxes.box(currentMember.memberId(), false, parsePage(page), PAGE_SIZE));
    }

    @GET
    @Path("sent")
    public View sent(@QueryParam("page") @DefaultValue("1") String page) {
        return View.of("message/box")
                .with("box", boxes.box(currentMember.memberId(), true, parsePage(page), PAGE_SIZE));
    }

    @GET
    @Path("new")
    public View newForm(@QueryParam("to") String to, @QueryParam("reply") String reply) {
        long me = currentMember.memberId();
        Long replyTo = id(reply);
        if (replyTo != null) {
            Map<String, String> draft =
                    boxes.replyDraft(me, replyTo).orElseThrow(() -> new NotFound(MessageService.NOT_FOUND));
            long other = Long.parseLong(draft.get("to"));
            return form(me, other, replyTo).with("title", draft.get("title")).with("body", draft.get("body"));
        }
        Long other = id(to);
        if (other == null || members.find(other).isEmpty()) {
            throw new NotFound("宛先のメンバーが見つかりません。");
        }
        return form(me, other, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(
            @FormParam("to") String to,
            @FormParam("title") String title,
            @FormParam("body") String body,
            @FormParam("reply_to") String replyTo,
            @FormParam("key") String key) {
        return sent(to, title, body, replyTo, key, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response sendWithPhotos(@HeaderParam("Content-Type") String type, InputStream in) {
        Photos.Form form;
        try {
            form = photos.readForm(type, in, Handset.of(request).getCharset());
        } catch (Refused e) {
            return Response.ok(View.of("message").with("message", e.getMessage()))
                    .build();
        }
        return sent(
                form.field("to"),
                form.field("title"),
                form.field("body"),
                form.field("reply_to"),
                form.field("key"),
                form.files());
    }

    private Response sent(String to, String title, String body, String replyTo, String key, List<byte[]> files) {
        long me = currentMember.memberId();
        Long recipient = id(to);
        Long answering = id(replyTo);
        String sourceKey = key != null && key.matches("[A-Za-z0-9_-]{8,64}") ? "web:" + key : null;
        try {
            long id = messages.send(me, recipient, title, body, files, answering, sourceKey);
            return Response.seeOther(URI.create(response.encodeRedirectURL("/messages/sent?sent=" + id)))
                    .build();
        } catch (Refused e) {
            if (recipient == null && answering == null) {
                throw e;
            }
            long other = recipient != null ? recipient : 0;
            return Response.ok(form(me, other, answering)
                            .with("title", title == null ? "" : title)
                            .with("body", body == null ? "" : body)
                            .with("error", e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("{id: \\d+}")
    public View show(@PathParam("id") long id) {
        long me = currentMember.memberId();
        MessageBoxService.Item item = boxes.open(me, id).orElseThrow(() -> new NotFound(MessageService.NOT_FOUND));
        return View.of("message/show").with("m", item);
    }

    @POST
    @Path("{id: \\d+}/delete")
    public Response delete(@PathParam("id") long id) {
        if (!boxes.delete(currentMember.memberId(), id)) {
            throw new NotFound(MessageService.NOT_FOUND);
        }
        return Response.seeOther(URI.create(response.encodeRedirectURL("/messages")))
                .build();
    }

    /** A photo of a message of the viewer's ({@code ?size=thumb} for the small one); 404 for anyone else. */
    @GET
    @Path("{id: \\d+}/photos/{n: \\d}")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    public Response photo(@PathParam("id") long id, @PathParam("n") int n, @QueryParam("size") String size) {
        Optional<Photos.Photo> photo = boxes.photo(currentMember.memberId(), id, n);
        Optional<Photos.Copy> copy;
        try {
            copy = photo.flatMap(p -> photos.serve(p, Handset.of(request), "thumb".equals(size)));
        } catch (Refused busy) {
            return Response.status(503)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .header("Retry-After", "5")
                    .entity(busy.getMessage())
                    .build();
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return copy.map(c -> Response.ok(c.bytes(), c.contentType())
                        .cacheControl(noStore)
                        .build())
                .orElseGet(() -> Response.status(404)
                        .type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("not found")
                        .build());
    }

    private View form(long me, long other, Long replyTo) {
        return View.of("message/new")
                .with("to", other)
                .with("toName", members.nicknames(List.of(other)).getOrDefault(other, ""))
                .with("replyTo", replyTo == null ? "" : String.valueOf(replyTo))
                .with("allowed", other != 0 && messages.canSend(me, other))
                .with("maxPhotoCount", Photos.MAX)
                .with("key", Tokens.random().substring(0, 22));
    }

    private static Long id(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value.strip());
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

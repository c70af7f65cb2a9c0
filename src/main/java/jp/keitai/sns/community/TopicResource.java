package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.diary.Uploads;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * Topic pages: new topic or event, a topic with one page of numbered comments, comment (with photos on PC and
 * smartphone), edit and delete, 参加 and キャンセル, photos, the topic as JSON, the posting address, reports. A topic the
 * viewer may not read answers 404 everywhere, like one that does not exist.
 */
@ApplicationScoped
@Path("communities/{id: \\d+}/topics")
@Produces(MediaType.TEXT_HTML)
public class TopicResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    TopicService topics;

    @Inject
    TopicPages pages;

    @Inject
    TopicComments comments;

    @Inject
    TopicEvents events;

    @Inject
    TopicMail mail;

    @Inject
    CommunityService communities;

    @Inject
    ReportService reports;

    @Inject
    PhotoService photos;

    @Context
    HttpServletRequest request;

    @GET
    @Path("new")
    @MembersOnly
    public View newForm(@PathParam("id") long id, @QueryParam("event") String event) {
        return form(id).with("event", event != null);
    }

    private View form(long id) {
        CommunityViews.Page p = communities
                .page(currentMember.memberId(), id)
                .orElseThrow(() -> new NotFound(CommunityService.NOT_FOUND));
        return View.of("community/topic_new").with("community", p.card()).with("maxPhotos", TopicService.MAX_PHOTOS);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @MembersOnly
    public Response create(
            @PathParam("id") long id,
            @FormParam("title") String title,
            @FormParam("body") String body,
            @FormParam("event_date") String date,
            @FormParam("place") String place,
            @FormParam("capacity") String capacity,
            @FormParam("deadline") String deadline) {
        return created(id, title, body, new TopicService.EventForm(date, place, capacity, deadline), List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MembersOnly
    public Response createWithPhotos(
            @PathParam("id") long id, @HeaderParam("Content-Type") String type, InputStream in) {
        Uploads f = uploads(type, in);
        if (f == null) {
            return Response.ok(form(id).with("error", tooLarge())).build();
        }
        return created(
                id,
                f.field("title"),
                f.field("body"),
                new TopicService.EventForm(
                        f.field("event_date"), f.field("place"), f.field("capacity"), f.field("deadline")),
                f.files());
    }

    private Response created(long id, String title, String body, TopicService.EventForm event, List<byte[]> files) {
        long topic;
        try {
            topic = topics.create(currentMember.memberId(), id, title, body, event, files);
        } catch (Refused e) {
            return Response.ok(form(id).with("title", title)
                            .with("body", body)
                            .with("event", event.given())
                            .with("eventForm", event)
                            .with("error", e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + topic))
                .build();
    }

    @GET
    @Path("{tid: \\d+}")
    @MembersOnly
    public View show(
            @PathParam("id") long id,
            @PathParam("tid") long tid,
            @QueryParam("page") Integer page,
            @QueryParam("reply") Integer reply,
            @QueryParam("notice") String notice) {
        TopicViews.Page p = pages.page(currentMember.memberId(), id, tid, page)
                .orElseThrow(() -> new NotFound(TopicService.NOT_FOUND));
        return View.of("community/topic")
                .with("page", p)
                .with("reply", reply == null ? "" : ">>" + reply + "\n")
                .with("notice", "reported".equals(notice) ? "通報しました。運営が確認します。" : null);
    }

    @GET
    @Path("{tid: \\d+}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Public
    public Response json(@PathParam("id") long id, @PathParam("tid") long tid) {
        Map<String, Object> missing = Map.of("error", "not found");
        return pages.json(currentMember.id().orElse(null), id, tid)
                .map(j -> Response.ok(j, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Response.status(404)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(missing)
                        .build());
    }

    @POST
    @Path("{tid: \\d+}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @MembersOnly
    public Response comment(@PathParam("id") long id, @PathParam("tid") long tid, @FormParam("body") String body) {
        return commented(id, tid, body, List.of());
    }

    @POST
    @Path("{tid: \\d+}/comments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MembersOnly
    public Response commentWithPhotos(
            @PathParam("id") long id,
            @PathParam("tid") long tid,
            @HeaderParam("Content-Type") String type,
            InputStream in) {
        Uploads f = uploads(type, in);
        if (f == null) {
            return again(id, tid, "", tooLarge());
        }
        return commented(id, tid, f.field("body"), f.files());
    }

    private Response commented(long id, long tid, String body, List<byte[]> files) {
        int n;
        try {
            n = comments.comment(currentMember.memberId(), id, tid, body, files);
        } catch (Refused e) {
            return again(id, tid, body, e.getMessage());
        }
        int page = (n - 1) / TopicService.PAGE + 1;
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid + "?page=" + page + "#c" + n))
                .build();
    }

    /** The topic page again with the reason and the text typed (a refused comment changes nothing). */
    private Response again(long id, long tid, String body, String error) {
        TopicViews.Page p = pages.page(currentMember.memberId(), id, tid, null)
                .orElseThrow(() -> new NotFound(TopicService.NOT_FOUND));
        return Response.ok(View.of("community/topic")
                        .with("page", p)
                        .with("reply", body == null ? "" : body)
                        .with("error", error))
                .build();
    }

    @GET
    @Path("{tid: \\d+}/comments/{n: \\d+}/edit")
    @MembersOnly
    public View editForm(@PathParam("id") long id, @PathParam("tid") long tid, @PathParam("n") int n) {
        String body = comments.ownComment(currentMember.memberId(), id, tid, n)
                .orElseThrow(() -> new NotFound("コメントが見つかりません。"));
        return View.of("community/comment_edit")
                .with("communityId", id)
                .with("topicId", tid)
                .with("number", n)
                .with("body", body);
    }

    @POST
    @Path("{tid: \\d+}/comments/{n: \\d+}/edit")
    @MembersOnly
    public Response edit(
            @PathParam("id") long id,
            @PathParam("tid") long tid,
            @PathParam("n") int n,
            @FormParam("body") String body) {
        try {
            comments.editComment(currentMember.memberId(), id, tid, n, body);
        } catch (Refused e) {
            return Response.ok(View.of("community/comment_edit")
                            .with("communityId", id)
                            .with("topicId", tid)
                            .with("number", n)
                            .with("body", body)
                            .with("error", e.getMessage()))
                    .build();
        }
        return toComment(id, tid, n);
    }

    @POST
    @Path("{tid: \\d+}/comments/{n: \\d+}/delete")
    @MembersOnly
    public Response deleteComment(@PathParam("id") long id, @PathParam("tid") long tid, @PathParam("n") int n) {
        comments.deleteComment(currentMember.memberId(), id, tid, n);
        return toComment(id, tid, n);
    }

    private static Response toComment(long id, long tid, int n) {
        int page = (n - 1) / TopicService.PAGE + 1;
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid + "?page=" + page + "#c" + n))
                .build();
    }

    @POST
    @Path("{tid: \\d+}/delete")
    @MembersOnly
    public Response delete(@PathParam("id") long id, @PathParam("tid") long tid) {
        topics.deleteTopic(currentMember.memberId(), id, tid);
        return Response.seeOther(URI.create("/communities/" + id)).build();
    }

    @POST
    @Path("{tid: \\d+}/{answer: attend|cancel}")
    @MembersOnly
    public Response rsvp(@PathParam("id") long id, @PathParam("tid") long tid, @PathParam("answer") String answer) {
        try {
            if ("attend".equals(answer)) {
                events.attend(currentMember.memberId(), id, tid);
            } else {
                events.cancel(currentMember.memberId(), id, tid);
            }
        } catch (Refused e) {
            // full, closed or answered already: the page again with the reason, nothing changed
            return Response.fromResponse(again(id, tid, "", e.getMessage()))
                    .status(409)
                    .build();
        }
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid))
                .build();
    }

    /** Shows the member's posting address for the topic: issued now if it was not yet. */
    @POST
    @Path("{tid: \\d+}/mail")
    @MembersOnly
    public Response issueAddress(@PathParam("id") long id, @PathParam("tid") long tid) {
        mail.issueAddress(currentMember.memberId(), id, tid);
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid + "#mail"))
                .build();
    }

    @POST
    @Path("{tid: \\d+}/mail/rotate")
    @MembersOnly
    public Response rotate(@PathParam("id") long id, @PathParam("tid") long tid) {
        mail.rotateAddress(currentMember.memberId(), id, tid);
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid + "#mail"))
                .build();
    }

    @POST
    @Path("{tid: \\d+}/report")
    @MembersOnly
    public Response report(
            @PathParam("id") long id,
            @PathParam("tid") long tid,
            @FormParam("number") @jakarta.ws.rs.DefaultValue("0") int number,
            @FormParam("reason") String reason) {
        reports.report(currentMember.memberId(), id, tid, number, reason);
        return Response.seeOther(URI.create("/communities/" + id + "/topics/" + tid + "?notice=reported"))
                .build();
    }

    /** A photo of the topic ({@code n} = 0) or of comment {@code n}, at the handset's size; 404 unless readable. */
    @GET
    @Path("{tid: \\d+}/photos/{n: \\d+}/{pos: [1-3]}")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Public
    public Response photo(
            @PathParam("id") long id,
            @PathParam("tid") long tid,
            @PathParam("n") int n,
            @PathParam("pos") int pos,
            @QueryParam("size") String size) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        try {
            return comments.photo(
                            currentMember.id().orElse(null), id, tid, n, pos, Handset.of(request), "thumb".equals(size))
                    .map(p -> Response.ok(p.bytes(), p.contentType())
                            .cacheControl(noStore)
                            .build())
                    .orElseGet(() -> Response.status(404)
                            .type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("not found")
                            .build());
        } catch (PhotoService.Busy e) {
            return Response.status(503)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .header("Retry-After", "5")
                    .entity(e.getMessage())
                    .build();
        }
    }

    private Uploads uploads(String type, InputStream in) {
        try {
            return Uploads.read(
                    type,
                    in,
                    Handset.of(request).getCharset(),
                    (long) photos.maxBytes() * TopicService.MAX_PHOTOS + 256 * 1024);
        } catch (Uploads.TooLarge e) {
            return null;
        } catch (IOException e) {
            throw new jakarta.ws.rs.BadRequestException(e);
        }
    }

    private String tooLarge() {
        return "写真が大きすぎます（1枚" + photos.maxBytes() / 1024 + "KBまで、" + TopicService.MAX_PHOTOS + "枚まで）。";
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.diary.Uploads;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * Community pages: search and my communities, create, a community with its newest topics, join and leave, the
 * members page with the administrators' actions, handover, succession and claim. Rules are {@link CommunityService}'s;
 * topics are {@link TopicResource}'s.
 */
@ApplicationScoped
@MembersOnly
@Path("communities")
@Produces(MediaType.TEXT_HTML)
public class CommunityResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    CommunityService communities;

    @Inject
    CommunityMembership membership;

    @Inject
    CommunityAdministration admins;

    @Inject
    PhotoService photos;

    @Context
    HttpServletRequest request;

    @GET
    public View list(
            @QueryParam("q") String q,
            @QueryParam("category") String category,
            @QueryParam("page") @DefaultValue("1") int page) {
        long me = currentMember.memberId();
        boolean searching = q != null || category != null;
        List<CommunityViews.Found> found = searching ? communities.search(me, q, category, page) : List.of();
        boolean more = found.size() > CommunityService.SEARCH_PAGE;
        return View.of("community/list")
                .with("q", q == null ? "" : q)
                .with("category", category == null ? "" : category)
                .with("categories", Community.CATEGORIES)
                .with("searching", searching)
                .with("found", more ? found.subList(0, CommunityService.SEARCH_PAGE) : found)
                .with("pageNumber", Math.max(1, page))
                .with("more", more)
                .with(
                        "mine",
                        searching
                                ? List.of()
                                : communities.mine(me).stream()
                                        .map(CommunityViews::card)
                                        .toList());
    }

    @GET
    @Path("new")
    public View newForm() {
        return form(null);
    }

    private View form(Long id) {
        return View.of("community/new")
                .with("id", id)
                .with("categories", Community.CATEGORIES)
                .with("joinPolicy", "open")
                .with("topicPolicy", "all")
                .with("readPolicy", "everyone");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @FormParam("name") String name,
            @FormParam("category") String category,
            @FormParam("description") String description,
            @FormParam("join_policy") String join,
            @FormParam("topic_policy") String topics,
            @FormParam("read_policy") String read) {
        return created(name, category, description, join, topics, read, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createWithImage(@HeaderParam("Content-Type") String type, InputStream in) {
        Uploads f = uploads(type, in);
        if (f == null) {
            return Response.ok(form(null).with("error", tooLarge())).build();
        }
        return created(
                f.field("name"),
                f.field("category"),
                f.field("description"),
                f.field("join_policy"),
                f.field("topic_policy"),
                f.field("read_policy"),
                f.files().isEmpty() ? null : f.files().get(0));
    }

    private Response created(
            String name, String category, String description, String join, String topics, String read, byte[] image) {
        long id;
        try {
            id = communities.create(
                    currentMember.memberId(),
                    name,
                    category,
                    description,
                    orDefault(join, "open"),
                    orDefault(topics, "all"),
                    orDefault(read, "everyone"),
                    image);
        } catch (Refused e) {
            return Response.ok(form(null)
                            .with("name", name)
                            .with("category", category)
                            .with("description", description)
                            .with("joinPolicy", join)
                            .with("topicPolicy", topics)
                            .with("readPolicy", read)
                            .with("error", e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/communities/" + id)).build();
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v;
    }

    @GET
    @Path("{id: \\d+}")
    public View show(@PathParam("id") long id, @QueryParam("notice") String notice) {
        CommunityViews.Page p = communities
                .page(currentMember.memberId(), id)
                .orElseThrow(() -> new NotFound(CommunityService.NOT_FOUND));
        return View.of("community/show").with("page", p).with("notice", notice(notice));
    }

    private static String notice(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case "joined" -> "コミュニティに参加しました。";
            case "asked" -> "参加を申請しました。管理人が承認すると参加できます。";
            case "left" -> CommunityMembership.LEFT;
            case "withdrawn" -> CommunityMembership.WITHDRAWN;
            case "done" -> "変更しました。";
            default -> null;
        };
    }

    @GET
    @Path("{id: \\d+}/edit")
    public View edit(@PathParam("id") long id) {
        Community c = communities.find(id).orElseThrow(() -> new NotFound(CommunityService.NOT_FOUND));
        if (c.adminId() == null || c.adminId() != currentMember.memberId()) {
            throw new NotFound(CommunityService.NOT_FOUND);
        }
        return form(id).with("name", c.name())
                .with("category", c.category())
                .with("description", c.description())
                .with("joinPolicy", c.joinPolicy())
                .with("topicPolicy", c.topicPolicy())
                .with("readPolicy", c.readPolicy());
    }

    @POST
    @Path("{id: \\d+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveEdit(
            @PathParam("id") long id,
            @FormParam("name") String name,
            @FormParam("category") String category,
            @FormParam("description") String description,
            @FormParam("join_policy") String join,
            @FormParam("topic_policy") String topics,
            @FormParam("read_policy") String read) {
        return edited(id, name, category, description, join, topics, read, null);
    }

    @POST
    @Path("{id: \\d+}/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveEditWithImage(
            @PathParam("id") long id, @HeaderParam("Content-Type") String type, InputStream in) {
        Uploads f = uploads(type, in);
        if (f == null) {
            return Response.ok(form(id).with("error", tooLarge())).build();
        }
        return edited(
                id,
                f.field("name"),
                f.field("category"),
                f.field("description"),
                f.field("join_policy"),
                f.field("topic_policy"),
                f.field("read_policy"),
                f.files().isEmpty() ? null : f.files().get(0));
    }

    private Response edited(
            long id,
            String name,
            String category,
            String description,
            String join,
            String topics,
            String read,
            byte[] image) {
        try {
            communities.edit(currentMember.memberId(), id, name, category, description, join, topics, read, image);
        } catch (Refused e) {
            return Response.ok(form(id).with("name", name)
                            .with("category", category)
                            .with("description", description)
                            .with("joinPolicy", join)
                            .with("topicPolicy", topics)
                            .with("readPolicy", read)
                            .with("error", e.getMessage()))
                    .build();
        }
        return back(id, "done");
    }

    /** The community image; for members (guests get 404), not for banned ones. */
    @GET
    @Path("{id: \\d+}/image")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    public Response image(@PathParam("id") long id, @QueryParam("size") String size) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        try {
            return communities
                    .image(currentMember.id().orElse(null), id, Handset.of(request), "thumb".equals(size))
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

    @POST
    @Path("{id: \\d+}/join")
    public Response join(@PathParam("id") long id) {
        String said = membership.join(currentMember.memberId(), id);
        return back(id, said.startsWith("参加を申請") ? "asked" : "joined");
    }

    @POST
    @Path("{id: \\d+}/leave")
    public Response leave(@PathParam("id") long id) {
        String said = membership.leave(currentMember.memberId(), id);
        return back(id, CommunityMembership.WITHDRAWN.equals(said) ? "withdrawn" : "left");
    }

    @GET
    @Path("{id: \\d+}/members")
    public View members(@PathParam("id") long id, @QueryParam("page") @DefaultValue("1") int page) {
        return View.of("community/members").with("page", communities.members(currentMember.memberId(), id, page));
    }

    /** The administrators' actions on one member: approve, reject, remove, ban, subadmin, unsubadmin, handover. */
    @POST
    @Path("{id: \\d+}/members/{member: \\d+}/{action: [a-z]+}")
    public Response act(
            @PathParam("id") long id, @PathParam("member") long member, @PathParam("action") String action) {
        long me = currentMember.memberId();
        switch (action) {
            case "approve" -> membership.decide(me, id, member, true);
            case "reject" -> membership.decide(me, id, member, false);
            case "remove" -> membership.remove(me, id, member);
            case "ban" -> membership.ban(me, id, member);
            case "subadmin" -> admins.setSubAdmin(me, id, member, true);
            case "unsubadmin" -> admins.setSubAdmin(me, id, member, false);
            case "handover" -> admins.offerHandover(me, id, member);
            default -> throw new NotFound(CommunityService.NOT_FOUND);
        }
        return Response.seeOther(URI.create("/communities/" + id + "/members")).build();
    }

    @POST
    @Path("{id: \\d+}/handover/{answer: accept|decline}")
    public Response handover(@PathParam("id") long id, @PathParam("answer") String answer) {
        admins.answerHandover(currentMember.memberId(), id, "accept".equals(answer));
        return back(id, "done");
    }

    @POST
    @Path("{id: \\d+}/volunteer")
    public Response volunteer(@PathParam("id") long id) {
        admins.volunteer(currentMember.memberId(), id);
        return back(id, "done");
    }

    @POST
    @Path("{id: \\d+}/claim")
    public Response claim(@PathParam("id") long id) {
        admins.claim(currentMember.memberId(), id);
        return back(id, "done");
    }

    @GET
    @Path("settings")
    public View settings() {
        return View.of("community/settings").with("commentMail", communities.commentMail(currentMember.memberId()));
    }

    @POST
    @Path("settings")
    public View saveSettings(@FormParam("comment_mail") String commentMail) {
        communities.saveCommentMail(currentMember.memberId(), "on".equals(commentMail));
        return settings().with("notice", "保存しました。");
    }

    private static Response back(long id, String notice) {
        return Response.seeOther(URI.create("/communities/" + id + "?notice=" + notice))
                .build();
    }

    /** The multipart form, or null when it is larger than an image may be. */
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
        return "写真が大きすぎます（1枚" + photos.maxBytes() / 1024 + "KBまで）。";
    }
}

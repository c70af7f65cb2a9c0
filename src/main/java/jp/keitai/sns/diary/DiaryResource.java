package jp.keitai.sns.diary;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * Diary pages: write, read with comments, edit, delete, photos, and the same diary as JSON. A diary the viewer may
 * not see (by {@link DiaryReader}, which asks the access policy) answers 404 on every one of them, like a diary that
 * does not exist. Writing is {@link DiaryService}'s, comments {@link CommentService}'s.
 */
@ApplicationScoped // one instance: the hot diary page builds and injects no resource per request
@Path("diary")
@Produces(MediaType.TEXT_HTML)
public class DiaryResource {

    static final String NOT_FOUND = "日記が見つかりません。";
    static final String COMMENT_NOT_FOUND = "コメントが見つかりません。";

    @Inject
    CurrentMember currentMember;

    @Inject
    DiaryService diaries;

    @Inject
    DiaryReader reader;

    @Inject
    CommentService comments;

    @Inject
    jp.keitai.sns.footprint.Footprints footprints;

    @Inject
    PhotoStore photos;

    @Context
    HttpServletRequest request;

    @GET
    @Path("new")
    @MembersOnly
    public View newForm() {
        long me = currentMember.memberId();
        return form(null).with("visibility", diaries.settings(me).getDefaultVisibility());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @MembersOnly
    public Response create(
            @FormParam("title") String title,
            @FormParam("body") String body,
            @FormParam("visibility") String visibility) {
        return created(title, body, visibility, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MembersOnly
    public Response createWithPhotos(@HeaderParam("Content-Type") String type, InputStream in) {
        Uploads form;
        try {
            form = uploads(type, in);
        } catch (Uploads.TooLarge e) {
            return Response.ok(form(null).with("error", tooLarge())).build();
        }
        return created(form.field("title"), form.field("body"), form.field("visibility"), form.files());
    }

    private Response created(String title, String body, String visibility, List<byte[]> files) {
        long me = currentMember.memberId();
        long id;
        try {
            id = diaries.create(me, title, body, visibility, files, false);
        } catch (Refused e) {
            return Response.ok(form(null)
                            .with("title", title)
                            .with("body", body)
                            .with("visibility", visibility)
                            .with("error", e.getMessage()))
                    .build();
        }
        return Response.seeOther(URI.create("/diary/" + id)).build();
    }

    @GET
    @Path("{id: \\d+}")
    @MembersOnly
    public Response show(@PathParam("id") DiaryId diary, @QueryParam("reply") Integer reply) {
        long id = diary.value();
        long me = currentMember.memberId();
        return reader.page(me, id)
                .map(p -> {
                    footprints.record(me, p.getAuthorId()); // あしあと (none on one's own diary, across blocks or 忍び足)
                    return p;
                })
                .map(p -> Response.ok(View.of("diary/show")
                                .with("page", p)
                                .with("reply", reply == null ? "" : ">>" + reply + "\n"))
                        .build())
                .orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    @GET
    @Path("{id: \\d+}")
    @Produces("application/json;qs=0.5")
    @Public
    public Response showJson(@PathParam("id") DiaryId diary) {
        return json(diary);
    }

    @GET
    @Path("{id: \\d+}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Public
    public Response json(@PathParam("id") DiaryId diary) {
        long id = diary.value();
        Map<String, Object> missing = Map.of("error", "not found");
        return reader.json(currentMember.id().orElse(null), id)
                .map(j -> Response.ok(j, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Response.status(404)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(missing)
                        .build());
    }

    @GET
    @Path("{id: \\d+}/edit")
    @MembersOnly
    public Response edit(@PathParam("id") DiaryId diary) {
        long id = diary.value();
        long me = currentMember.memberId();
        return reader.page(me, id)
                .filter(DiaryViews.Page::isMine)
                .map(p -> Response.ok(form(p).with("title", p.getDiary().getTitle())
                                .with("body", p.getDiary().getBody())
                                .with("visibility", p.getDiary().getVisibility()))
                        .build())
                .orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    @POST
    @Path("{id: \\d+}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @MembersOnly
    public Response saveEdit(
            @PathParam("id") DiaryId diary,
            @FormParam("title") String title,
            @FormParam("body") String body,
            @FormParam("visibility") String visibility,
            @FormParam("remove_photo") List<Integer> remove) {
        return edited(diary.value(), title, body, visibility, new HashSet<>(remove), List.of());
    }

    @POST
    @Path("{id: \\d+}/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MembersOnly
    public Response saveEditWithPhotos(
            @PathParam("id") DiaryId diary, @HeaderParam("Content-Type") String type, InputStream in) {
        Uploads form;
        try {
            form = uploads(type, in);
        } catch (Uploads.TooLarge e) {
            return edit(diary);
        }
        Set<Integer> remove = new HashSet<>();
        for (String v : form.all("remove_photo")) {
            if (v.matches("[1-9]")) {
                remove.add(Integer.parseInt(v));
            }
        }
        return edited(
                diary.value(), form.field("title"), form.field("body"), form.field("visibility"), remove, form.files());
    }

    private Response edited(
            long id, String title, String body, String visibility, Set<Integer> remove, List<byte[]> files) {
        long me = currentMember.memberId();
        try {
            diaries.edit(me, id, title, body, visibility, remove, files);
        } catch (Refused e) {
            return reader.page(me, id)
                    .filter(DiaryViews.Page::isMine)
                    .map(p -> Response.ok(form(p).with("title", title)
                                    .with("body", body)
                                    .with("visibility", visibility)
                                    .with("error", e.getMessage()))
                            .build())
                    .orElseThrow(() -> new NotFound(NOT_FOUND));
        }
        return Response.seeOther(URI.create("/diary/" + id)).build();
    }

    @GET
    @Path("{id: \\d+}/delete")
    @MembersOnly
    public Response deleteConfirm(@PathParam("id") DiaryId diary) {
        long id = diary.value();
        long me = currentMember.memberId();
        return reader.page(me, id)
                .filter(DiaryViews.Page::isMine)
                .map(p -> Response.ok(View.of("diary/delete").with("page", p)).build())
                .orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    @POST
    @Path("{id: \\d+}/delete")
    @MembersOnly
    public Response delete(@PathParam("id") DiaryId diary) {
        long id = diary.value();
        long me = currentMember.memberId();
        if (!diaries.delete(me, id)) {
            throw new NotFound(NOT_FOUND);
        }
        return Response.seeOther(URI.create("/members/" + me + "/diary")).build();
    }

    @POST
    @Path("{id: \\d+}/comments")
    @MembersOnly
    public Response comment(@PathParam("id") DiaryId diary, @FormParam("body") String body) {
        long id = diary.value();
        long me = currentMember.memberId();
        if (reader.visible(me, id).isEmpty()) {
            throw new NotFound(NOT_FOUND);
        }
        int number;
        try {
            number = comments.comment(me, id, body);
        } catch (Refused e) {
            return reader.page(me, id)
                    .map(p -> Response.ok(View.of("diary/show")
                                    .with("page", p)
                                    .with("reply", body == null ? "" : body)
                                    .with("error", e.getMessage()))
                            .build())
                    .orElseThrow(() -> new NotFound(NOT_FOUND));
        }
        return Response.seeOther(URI.create("/diary/" + id + "#c" + number)).build();
    }

    /** Asks before a comment goes (keitai pages link here; the POST below deletes). 404 unless the viewer may delete it. */
    @GET
    @Path("{id: \\d+}/comments/{n: \\d+}/delete")
    @MembersOnly
    public Response deleteCommentConfirm(@PathParam("id") DiaryId diary, @PathParam("n") int n) {
        long me = currentMember.memberId();
        return reader.page(me, diary.value())
                .flatMap(p -> p.getComments().stream()
                        .filter(c -> c.getNumber() == n && c.isCanDelete())
                        .findFirst()
                        .map(c -> Response.ok(View.of("diary/comment_delete")
                                        .with("page", p)
                                        .with("comment", c))
                                .build()))
                .orElseThrow(() -> new NotFound(COMMENT_NOT_FOUND));
    }

    @POST
    @Path("{id: \\d+}/comments/{n: \\d+}/delete")
    @MembersOnly
    public Response deleteComment(@PathParam("id") DiaryId diary, @PathParam("n") int n) {
        long id = diary.value();
        if (!comments.deleteComment(currentMember.memberId(), id, n)) {
            throw new NotFound(NOT_FOUND);
        }
        return Response.seeOther(URI.create("/diary/" + id)).build();
    }

    /** A photo at the handset's size ({@code ?size=thumb} for the small one); 404 unless the diary is visible. */
    @GET
    @Path("{id: \\d+}/photos/{n: \\d+}")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Public
    public Response photo(@PathParam("id") DiaryId diary, @PathParam("n") int n, @QueryParam("size") String size) {
        long id = diary.value();
        Handset handset = Handset.of(request);
        boolean thumb = "thumb".equals(size);
        PhotoStore.Size s =
                switch (handset.getFamily()) {
                    case KEITAI -> thumb ? PhotoStore.Size.KEITAI_THUMB : PhotoStore.Size.KEITAI;
                    case SMARTPHONE -> thumb ? PhotoStore.Size.SMARTPHONE_THUMB : PhotoStore.Size.SMARTPHONE;
                    case PC -> thumb ? PhotoStore.Size.PC_THUMB : PhotoStore.Size.PC;
                };
        List<String> formats = handset.getProfile() == null
                ? List.of("jpeg", "png", "gif")
                : handset.getProfile().getImageFormats();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        Optional<PhotoStore.Served> served;
        try {
            served = reader.photo(currentMember.id().orElse(null), id, n, s, formats);
        } catch (PhotoStore.Busy e) {
            // the decode budget is taken: refused now rather than risking the heap; the handset may reload
            return Response.status(503)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .header("Retry-After", "5")
                    .entity(e.getMessage())
                    .build();
        }
        return served.map(p -> Response.ok(p.bytes(), p.contentType())
                        .cacheControl(noStore)
                        .build())
                .orElseGet(() -> Response.status(404)
                        .type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("not found")
                        .build());
    }

    private View form(DiaryViews.Page page) {
        return View.of("diary/new")
                .with("page", page)
                .with("levels", DiaryViews.levels())
                .with("maxPhotoCount", DiaryService.MAX_PHOTOS);
    }

    private Uploads uploads(String type, InputStream in) throws Uploads.TooLarge {
        try {
            return Uploads.read(
                    type,
                    in,
                    Handset.of(request).getCharset(),
                    (long) photos.maxBytes() * DiaryService.MAX_PHOTOS + 256 * 1024);
        } catch (IOException e) {
            throw new jakarta.ws.rs.BadRequestException(e);
        }
    }

    private String tooLarge() {
        return "写真が大きすぎます（1枚" + photos.maxBytes() / 1024 + "KBまで、" + DiaryService.MAX_PHOTOS + "枚まで）。";
    }
}

package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jp.keitai.sns.diary.CommentService;
import jp.keitai.sns.diary.DiaryReader;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/diaries} and {@code /api/v1/members/{id}/diaries}: reading ({@link DiaryReader}, which asks {@code
 * AccessPolicy}), writing ({@link DiaryService}) and commenting ({@link CommentService}).
 */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1")
@Produces(Api.JSON)
@Tag(name = "diaries", description = "日記とコメント")
@SecurityRequirement(name = "bearer")
public class ApiDiaryResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    ApiCaller caller;

    @Inject
    DiaryReader reader;

    @Inject
    DiaryService diaries;

    @Inject
    CommentService comments;

    @GET
    @Path("members/{id: \\d{1,18}}/diaries")
    @Operation(summary = "メンバーの日記一覧", description = "見る権限のある日記だけ、新しい順、10件ずつ。ブロックや停止中のメンバーは404。")
    @APIResponse(
            responseCode = "200",
            description = "日記の一覧",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.DiaryList.class)))
    @APIResponse(responseCode = "400", description = "page が正しくない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "404", description = "見られないメンバー", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.DiaryList list(@PathParam("id") long owner, @QueryParam("page") String page) {
        int p = caller.page(page);
        var found = caller.found(me -> reader.list(me, owner, null, p));
        ApiViews.MemberRef ownerRef = new ApiViews.MemberRef(found.getOwnerId(), found.getOwnerNickname());
        List<ApiViews.DiaryLine> lines = found.getEntries().stream()
                .map(e -> new ApiViews.DiaryLine(
                        e.getId(),
                        e.getTitle(),
                        new ApiViews.MemberRef(e.getAuthorId(), e.getAuthorNickname()),
                        e.getCommentCount(),
                        e.getVisibilityLabel(),
                        e.getWhen()))
                .toList();
        return new ApiViews.DiaryList(
                ownerRef, lines, found.getTotalCount(), found.getPageNumber(), found.getPageCount());
    }

    @GET
    @Path("diaries/{id: \\d{1,18}}")
    @Operation(summary = "日記を読む", description = "本文、写真のURL、コメント。見る権限がなければ404（ないのと同じ）。")
    @APIResponse(
            responseCode = "200",
            description = "日記",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Diary.class)))
    @APIResponse(responseCode = "404", description = "ないか見る権限がない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Diary show(@PathParam("id") long id) {
        // the diary page's own JSON (DiaryReader.json), read into the API's record
        var data = caller.found(me -> reader.json(me, id));
        return JSONB.fromJson(JSONB.toJson(data), ApiViews.Diary.class);
    }

    @POST
    @Path("diaries")
    @Consumes(Api.JSON)
    @Operation(
            summary = "日記を書く",
            description = "visibility: everyone（全体に公開）, friends_of_friends（友人の友人まで）, friends（マイミクまで）, private（非公開）。")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.DiaryPost.class)))
    @APIResponse(
            responseCode = "201",
            description = "書きました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Created.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "書けない（長すぎる等）", content = @Content(mediaType = Api.PROBLEM))
    public Response write(String json) {
        ApiViews.DiaryPost in = caller.body(json, ApiViews.DiaryPost.class);
        long id = caller.call(me -> diaries.create(me, in.title(), in.body(), in.visibility(), List.of(), false));
        return Api.created("/api/v1/diaries", id);
    }

    @POST
    @Path("diaries/{id: \\d{1,18}}/comments")
    @Consumes(Api.JSON)
    @Operation(summary = "日記にコメントする")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.CommentPost.class)))
    @APIResponse(
            responseCode = "201",
            description = "コメントしました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.CommentCreated.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(
            responseCode = "422",
            description = "コメントできない（見られない日記、空、長すぎる）",
            content = @Content(mediaType = Api.PROBLEM))
    public Response comment(@PathParam("id") long id, String json) {
        ApiViews.CommentPost in = caller.body(json, ApiViews.CommentPost.class);
        int number = caller.call(me -> comments.comment(me, id, in.body()));
        return Api.created("/api/v1/diaries/" + id, new ApiViews.CommentCreated(number));
    }
}

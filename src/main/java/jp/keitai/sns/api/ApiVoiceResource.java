package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.voice.VoiceService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/voices}: the voice timeline, one voice with its replies, posting, replying, イイネ!. */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1/voices")
@Produces(Api.JSON)
@Tag(name = "voices", description = "ボイス")
@SecurityRequirement(name = "bearer")
public class ApiVoiceResource {

    @Inject
    ApiCaller caller;

    @Inject
    VoiceService voices;

    @GET
    @Operation(summary = "ボイスのタイムライン", description = "マイミクと自分のボイス、新しい順、20件ずつ。")
    @APIResponse(
            responseCode = "200",
            description = "ボイスの一覧",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.VoiceList.class)))
    @APIResponse(responseCode = "400", description = "page が正しくない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.VoiceList list(@QueryParam("page") String page) {
        int p = caller.page(page);
        var found = caller.call(me -> voices.timeline(me, p, Api.PAGE_SIZE));
        return new ApiViews.VoiceList(
                found.getItems().stream().map(ApiViews.Voice::of).toList(), found.getPage(), found.isHasNext());
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "ボイスと返信", description = "見る権限のあるボイス（返信ならその元のボイス）と返信。")
    @APIResponse(
            responseCode = "200",
            description = "ボイス",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Voice.class)))
    @APIResponse(responseCode = "404", description = "ないか見る権限がない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Voice show(@PathParam("id") long id) {
        return ApiViews.Voice.of(caller.found(me -> voices.thread(me, id)));
    }

    @POST
    @Consumes(Api.JSON)
    @Operation(summary = "ボイスを投稿・返信", description = "replyTo を付けると返信。write のトークンが必要。")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.VoicePost.class)))
    @APIResponse(
            responseCode = "201",
            description = "投稿しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Created.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "空・長すぎる・返信先が見えない", content = @Content(mediaType = Api.PROBLEM))
    public Response post(String json) {
        ApiViews.VoicePost in = caller.body(json, ApiViews.VoicePost.class);
        VoiceService.Posted posted = caller.call(me -> voices.post(me, in.body(), in.replyTo(), null));
        return Api.created("/api/v1/voices", posted.id());
    }

    @POST
    @Path("{id: \\d{1,18}}/like")
    @Operation(summary = "イイネ!する")
    @APIResponse(
            responseCode = "200",
            description = "イイネ!しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Voice.class)))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "404", description = "ないか見る権限がない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Voice like(@PathParam("id") long id) {
        if (caller.call(me -> voices.like(me, id)) != null) {
            throw caller.notFound();
        }
        return show(id);
    }

    @DELETE
    @Path("{id: \\d{1,18}}/like")
    @Operation(summary = "イイネ!を取り消す")
    @APIResponse(
            responseCode = "200",
            description = "取り消しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Voice.class)))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "404", description = "ないか見る権限がない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Voice unlike(@PathParam("id") long id) {
        caller.found(me -> voices.visible(me, id));
        caller.run(me -> voices.unlike(me, id));
        return show(id);
    }
}

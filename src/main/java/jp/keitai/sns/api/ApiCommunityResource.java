package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.community.CommunityMembership;
import jp.keitai.sns.community.CommunityService;
import jp.keitai.sns.community.TopicComments;
import jp.keitai.sns.community.TopicPages;
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
 * {@code /api/v1/communities}: the caller's communities, one community's page ({@link CommunityService}), a topic and
 * commenting on it ({@link TopicPages} and {@link TopicComments}, which decide who may read: members only, where the
 * community says so); joining and leaving ({@link CommunityMembership}, as the community page does).
 */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1/communities")
@Produces(Api.JSON)
@Tag(name = "communities", description = "コミュニティ")
@SecurityRequirement(name = "bearer")
public class ApiCommunityResource {

    @Inject
    ApiCaller caller;

    @Inject
    CommunityService communities;

    @Inject
    CommunityMembership memberships;

    @Inject
    TopicPages topics;

    @Inject
    TopicComments comments;

    @GET
    @Operation(summary = "参加しているコミュニティ")
    @APIResponse(
            responseCode = "200",
            description = "コミュニティ",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Communities.class)))
    public ApiViews.Communities mine() {
        return new ApiViews.Communities(caller.call(communities::mine).stream()
                .map(c -> new ApiViews.CommunityLine(c.id(), c.name(), c.category(), c.memberCount()))
                .toList());
    }

    @GET
    @Path("{id: \\d{1,18}}")
    @Operation(summary = "コミュニティ", description = "説明と新しいトピック。メンバー限定のコミュニティのトピックはメンバーだけに（canRead）。")
    @APIResponse(
            responseCode = "200",
            description = "コミュニティ",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Community.class)))
    @APIResponse(responseCode = "404", description = "ない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Community show(@PathParam("id") long id) {
        var page = caller.found(me -> communities.page(me, id));
        return new ApiViews.Community(page.card(), page.standing(), page.canRead(), page.topics());
    }

    @POST
    @Path("{id: \\d{1,18}}/join")
    @Operation(
            summary = "コミュニティに参加する",
            description = "だれでも参加できるコミュニティにはすぐ参加（200、standing: member）。"
                    + "管理人の承認が要るコミュニティには参加を申請（202、standing: pending）。コミュニティのページの「参加する」と同じ規則。")
    @APIResponse(
            responseCode = "200",
            description = "参加しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Membership.class)))
    @APIResponse(
            responseCode = "202",
            description = "参加を申請しました（管理人の承認待ち）",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Membership.class)))
    @APIResponse(responseCode = "404", description = "ない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(
            responseCode = "422",
            description = "参加できない（参加済み・申請中・参加を断られている）",
            content = @Content(mediaType = Api.PROBLEM))
    public Response join(@PathParam("id") long id) {
        exists(id);
        String said = caller.call(me -> memberships.join(me, id));
        ApiViews.Membership m = membership(id, said);
        return Response.status("pending".equals(m.standing()) ? 202 : 200)
                .entity(m)
                .build();
    }

    @POST
    @Path("{id: \\d{1,18}}/leave")
    @Operation(summary = "コミュニティを退会する", description = "参加の申請中なら申請を取り下げます。管理人が退会すると、コミュニティは管理人不在になります（ページと同じ）。")
    @APIResponse(
            responseCode = "200",
            description = "退会しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Membership.class)))
    @APIResponse(responseCode = "404", description = "ない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "参加していない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Membership leave(@PathParam("id") long id) {
        exists(id);
        return membership(id, caller.call(me -> memberships.leave(me, id)));
    }

    /** 404 before the service, which refuses an unknown community as a rule (422) for the pages' sake. */
    private void exists(long id) {
        caller.found(me -> communities.find(id));
    }

    /** The caller's standing as it now is, with the service's answer. */
    private ApiViews.Membership membership(long id, String message) {
        return new ApiViews.Membership(
                id, communities.standing(id, caller.memberId()).value(), message);
    }

    @GET
    @Path("{id: \\d{1,18}}/topics/{topic: \\d{1,18}}")
    @Operation(summary = "トピックを読む", description = "コメントの最初のページまで。読めないコミュニティのトピックは404。")
    @APIResponse(
            responseCode = "200",
            description = "トピック",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Topic.class)))
    @APIResponse(responseCode = "404", description = "ないか読めない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Topic topic(@PathParam("id") long id, @PathParam("topic") long topic) {
        // the topic page's own JSON (TopicPages.json), read into the API's record
        Map<String, Object> t = caller.found(me -> topics.json(me, id, topic));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cs = (List<Map<String, Object>>) t.get("comments");
        return new ApiViews.Topic(
                ((Number) t.get("id")).longValue(),
                id,
                (String) t.get("title"),
                (String) t.get("author"),
                ((Number) t.get("comment_count")).intValue(),
                cs.stream()
                        .map(c -> new ApiViews.TopicComment(
                                ((Number) c.get("number")).intValue(),
                                (String) c.get("author"),
                                Boolean.TRUE.equals(c.get("deleted")),
                                Boolean.TRUE.equals(c.get("deleted")) ? null : (String) c.get("body")))
                        .toList());
    }

    @POST
    @Path("{id: \\d{1,18}}/topics/{topic: \\d{1,18}}/comments")
    @Consumes(Api.JSON)
    @Operation(summary = "トピックにコメントする")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.CommentPost.class)))
    @APIResponse(
            responseCode = "201",
            description = "コメントしました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.CommentCreated.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "404", description = "ないか読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "コメントできない", content = @Content(mediaType = Api.PROBLEM))
    public Response comment(@PathParam("id") long id, @PathParam("topic") long topic, String json) {
        ApiViews.CommentPost in = caller.body(json, ApiViews.CommentPost.class);
        int number = caller.call(me -> comments.comment(me, id, topic, in.body(), List.of()));
        return Api.created("/api/v1/communities/" + id + "/topics/" + topic, new ApiViews.CommentCreated(number));
    }
}

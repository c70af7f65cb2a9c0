package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import jp.keitai.sns.friend.FriendService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/friends} and {@code /api/v1/friend-requests}: マイミク and requests, through {@link FriendService}. */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1")
@Produces(Api.JSON)
@Tag(name = "friends", description = "マイミクとマイミク申請")
@SecurityRequirement(name = "bearer")
public class ApiFriendResource {

    @Inject
    ApiCaller caller;

    @Inject
    FriendService friends;

    @GET
    @Path("friends")
    @Operation(summary = "自分のマイミク", description = "ニックネーム順、100人ずつ。")
    @APIResponse(
            responseCode = "200",
            description = "マイミク",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Friends.class)))
    @APIResponse(responseCode = "400", description = "page が正しくない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Friends list(@QueryParam("page") String page) {
        int p = caller.page(page);
        List<FriendService.Friend> found = caller.call(me -> friends.friends(me, (p - 1) * 100, 100));
        return new ApiViews.Friends(
                found.stream()
                        .limit(100)
                        .map(f -> new ApiViews.MemberRef(f.id(), f.nickname()))
                        .toList(),
                caller.call(friends::friendsCount));
    }

    @GET
    @Path("friend-requests")
    @Operation(summary = "マイミク申請", description = "届いた申請と送った申請（返事待ち）。")
    @APIResponse(
            responseCode = "200",
            description = "申請",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.FriendRequests.class)))
    public ApiViews.FriendRequests requests() {
        long me = caller.memberId();
        return new ApiViews.FriendRequests(view(friends.incoming(me), true), view(friends.outgoing(me), false));
    }

    @POST
    @Path("friend-requests")
    @Consumes(Api.JSON)
    @Operation(summary = "マイミク申請を送る")
    @RequestBody(
            required = true,
            content =
                    @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.FriendRequestPost.class)))
    @APIResponse(
            responseCode = "200",
            description = "送りました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Done.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "申請できない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Done ask(String json) {
        ApiViews.FriendRequestPost in = caller.body(json, ApiViews.FriendRequestPost.class);
        if (in.memberId() == null) {
            throw caller.badRequest("memberId がありません。", "memberId is missing.");
        }
        return new ApiViews.Done(caller.call(me -> friends.request(me, in.memberId(), in.message())));
    }

    @POST
    @Path("friend-requests/{id: \\d{1,18}}/approve")
    @Operation(summary = "届いた申請を承認する")
    @APIResponse(
            responseCode = "200",
            description = "マイミクになりました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Done.class)))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "承認できない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Done approve(@PathParam("id") long id) {
        return new ApiViews.Done(caller.call(me -> friends.approve(me, id)));
    }

    @POST
    @Path("friend-requests/{id: \\d{1,18}}/reject")
    @Operation(summary = "届いた申請を断る")
    @APIResponse(
            responseCode = "200",
            description = "断りました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Done.class)))
    @APIResponse(responseCode = "403", description = "read のトークン", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "断れない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Done reject(@PathParam("id") long id) {
        return new ApiViews.Done(caller.call(me -> friends.reject(me, id)));
    }

    private static List<ApiViews.FriendRequest> view(List<FriendService.Request> requests, boolean incoming) {
        return requests.stream()
                .map(r -> new ApiViews.FriendRequest(
                        r.id(),
                        new ApiViews.MemberRef(incoming ? r.fromId() : r.toId(), r.nickname()),
                        r.message(),
                        r.createdAt()))
                .toList();
    }
}

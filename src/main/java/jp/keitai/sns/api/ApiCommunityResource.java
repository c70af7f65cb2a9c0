package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jp.keitai.sns.community.CommunityService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/communities}: the caller's communities and one community's page ({@link CommunityService}). */
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

    @GET
    @Operation(summary = "参加しているコミュニティ")
    @APIResponse(
            responseCode = "200",
            description = "コミュニティ",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Communities.class)))
    public ApiViews.Communities mine() {
        return new ApiViews.Communities(communities.mine(caller.memberId()).stream()
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
        var page = communities.page(caller.memberId(), id).orElseThrow(() -> Api.notFound("/api/v1/communities/" + id));
        return new ApiViews.Community(page.card(), page.standing(), page.canRead(), page.topics());
    }
}

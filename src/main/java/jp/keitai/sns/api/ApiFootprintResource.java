package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.footprint.Footprints;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/footprints}: who visited the caller's pages, as {@code /footprints} shows it. */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1/footprints")
@Produces(Api.JSON)
@Tag(name = "footprints", description = "あしあと")
@SecurityRequirement(name = "bearer")
public class ApiFootprintResource {

    @Inject
    ApiCaller caller;

    @Inject
    Footprints footprints;

    @Inject
    MemberService members;

    @GET
    @Operation(
            summary = "自分のあしあと",
            description = "新しい順、20件ずつ。忍び足の間は見られません（stealth: true、一覧は空）。ページと同じく、1ページ目を読むと新着が既読になります。")
    @APIResponse(
            responseCode = "200",
            description = "あしあと",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Footprints.class)))
    @APIResponse(responseCode = "400", description = "page が正しくない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Footprints list(@QueryParam("page") String page) {
        long me = caller.memberId();
        int p = caller.page(page);
        if (footprints.isStealth(me)) {
            return new ApiViews.Footprints(List.of(), p, false, true);
        }
        Footprints.Page found = footprints.page(me, p);
        Map<Long, MemberSummary> visitors = members.findAll(
                found.items().stream().map(Footprints.Footprint::visitorId).toList());
        if (p == 1) {
            footprints.markSeen(me, jp.keitai.sns.system.Clock.now());
        }
        return new ApiViews.Footprints(
                found.items().stream()
                        .map(f -> new ApiViews.Footprint(
                                new ApiViews.MemberRef(
                                        f.visitorId(),
                                        visitors.containsKey(f.visitorId())
                                                ? visitors.get(f.visitorId()).nickname()
                                                : "?"),
                                f.at()))
                        .toList(),
                p,
                found.hasNext(),
                false);
    }
}

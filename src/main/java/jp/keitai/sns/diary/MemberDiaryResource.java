package jp.keitai.sns.diary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.View;

/**
 * {@code /members/{id}/diary}: a member's diaries the viewer may see, newest first, ten a page, with the monthly
 * archive. A root resource of its own path: JAX-RS picks the root class by the longest literal path and never backs
 * out of it, so this must not be a sub-path of the profile's {@code @Path("members")} class.
 */
@MembersOnly
@RequestScoped
@Path("members/{id: \\d+}/diary")
@Produces(MediaType.TEXT_HTML)
public class MemberDiaryResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    DiaryReader reader;

    @GET
    public Response list(
            @PathParam("id") MemberId ownerId, @QueryParam("page") Integer page, @QueryParam("month") Integer month) {
        long owner = ownerId.value();
        long me = currentMember.memberId();
        Integer m = month != null && month >= 190001 && month <= 999912 && month % 100 >= 1 && month % 100 <= 12
                ? month
                : null;
        return reader.list(me, owner, m, page == null ? 1 : page)
                .map(p -> Response.ok(View.of("diary/list").with("list", p).with("mine", owner == me))
                        .build())
                .orElseThrow(() -> new NotFound("メンバーが見つかりません。"));
    }
}

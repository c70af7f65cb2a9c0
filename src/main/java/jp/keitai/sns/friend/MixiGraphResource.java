package jp.keitai.sns.friend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.profile.ProfilePage;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.View;

/** A member's mixiGraph ({@code /members/{id}/graph}): a picture on PC, text on keitai; 404 as the profile is. */
@RequestScoped
@MembersOnly
@Path("members/{id}/graph")
@Produces(MediaType.TEXT_HTML)
public class MixiGraphResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ProfilePage profiles;

    @Inject
    MixiGraph mixiGraph;

    @GET
    public View graph(@PathParam("id") MemberId id) {
        long viewer = currentMember.memberId();
        MemberService.Profile owner = profiles.visibleMember(viewer, id);
        return View.of("friend/graph")
                .with("owner", owner)
                .with("self", viewer == owner.id())
                .with("graph", mixiGraph.picture(viewer, owner.id()));
    }
}

package jp.keitai.sns.friend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** Blocking: the list of members I block, the confirmation step, blocking and unblocking. */
@RequestScoped
@MembersOnly
@Path("blocks")
@Produces(MediaType.TEXT_HTML)
public class BlocksResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    FriendService friends;

    @GET
    public View list() {
        return View.of("friend/blocks").with("blocked", friends.blocked(currentMember.memberId()));
    }

    @GET
    @Path("new")
    public View confirm(@QueryParam("member_id") MemberId memberId) {
        return Optional.ofNullable(memberId)
                .flatMap(id -> friends.shownTo(currentMember.memberId(), id.value()))
                .map(m -> View.of("friend/block_new").with("target", m))
                .orElseThrow(() -> new NotFound(FriendsResource.NOT_FOUND));
    }

    @POST
    public View block(@FormParam("member_id") MemberId memberId) {
        long other = FriendsResource.required(memberId).value();
        try {
            return FriendsResource.done(true, friends.block(currentMember.memberId(), other));
        } catch (Refused e) {
            return FriendsResource.done(false, e.getMessage());
        }
    }

    @POST
    @Path("{id}/remove")
    public View unblock(@PathParam("id") MemberId memberId) {
        try {
            return FriendsResource.done(true, friends.unblock(currentMember.memberId(), memberId.value()));
        } catch (Refused e) {
            return FriendsResource.done(false, e.getMessage());
        }
    }
}

package jp.keitai.sns.friend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** マイミク pages: my friends, requests (asking, approving, rejecting) and ending a friendship. */
@RequestScoped
@MembersOnly
@Path("friends")
@Produces(MediaType.TEXT_HTML)
public class FriendsResource {

    static final int PAGE_SIZE = 20;

    /** A confirmation page's answer for a member there is none of, or one the viewer may not see. */
    static final String NOT_FOUND = "メンバーが見つかりません。";

    @Inject
    CurrentMember currentMember;

    @Inject
    FriendService friends;

    @GET
    public View list(@QueryParam("page") @DefaultValue("1") int page) {
        long me = currentMember.memberId();
        int p = Math.max(1, page);
        List<FriendService.Friend> found = friends.friends(me, (p - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        return View.of("friend/list")
                .with("friends", found.subList(0, Math.min(PAGE_SIZE, found.size())))
                .with("page", p)
                .with("hasNext", found.size() > PAGE_SIZE)
                .with("count", friends.friendsCount(me));
    }

    @GET
    @Path("requests")
    public View requests() {
        long me = currentMember.memberId();
        return View.of("friend/requests").with("incoming", friends.incoming(me)).with("outgoing", friends.outgoing(me));
    }

    /** The confirmation step before asking: who, and an optional message. */
    @GET
    @Path("requests/new")
    public View ask(@QueryParam("member_id") MemberId memberId) {
        return Optional.ofNullable(memberId)
                .flatMap(id -> friends.shownTo(currentMember.memberId(), id.value()))
                .map(m -> View.of("friend/request_new").with("target", m))
                .orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    @POST
    @Path("requests")
    public View send(@FormParam("member_id") MemberId memberId, @FormParam("message") String message) {
        long to = required(memberId).value();
        try {
            return done(true, friends.request(currentMember.memberId(), to, message));
        } catch (Refused e) {
            return done(false, e.getMessage());
        }
    }

    @POST
    @Path("requests/{id}/approve")
    public View approve(@PathParam("id") RequestId id) {
        try {
            return done(true, friends.approve(currentMember.memberId(), id.value()));
        } catch (Refused e) {
            return done(false, e.getMessage());
        }
    }

    @POST
    @Path("requests/{id}/reject")
    public View reject(@PathParam("id") RequestId id) {
        try {
            return done(true, friends.reject(currentMember.memberId(), id.value()));
        } catch (Refused e) {
            return done(false, e.getMessage());
        }
    }

    /** The confirmation step before ending a friendship. */
    @GET
    @Path("{id}/end")
    public View confirmEnd(@PathParam("id") MemberId friendId) {
        return friends.shownTo(currentMember.memberId(), friendId.value())
                .map(m -> View.of("friend/end").with("target", m))
                .orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    @POST
    @Path("{id}/end")
    public View end(@PathParam("id") MemberId friendId) {
        try {
            return done(true, friends.end(currentMember.memberId(), friendId.value()));
        } catch (Refused e) {
            return done(false, e.getMessage());
        }
    }

    /** A form's member: one that names nobody is refused with 400, as one that does not parse is by JAX-RS. */
    static MemberId required(MemberId memberId) {
        if (memberId == null) {
            throw new Refused("メンバーが見つかりません。");
        }
        return memberId;
    }

    static View done(boolean ok, String message) {
        return View.of("friend/done").with(ok ? "notice" : "error", message);
    }
}

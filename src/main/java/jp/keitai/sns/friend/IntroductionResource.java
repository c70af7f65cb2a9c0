package jp.keitai.sns.friend;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.profile.ProfilePage;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * 紹介文 of a member ({@code /members/{id}/introduction}): the form on a page of its own (keitai pages keep the profile
 * short), writing and deleting. Answers redraw the profile; a member one may not deal with is 404, as the profile is;
 * a {@code writer_id} that is not a member id is 400.
 */
@RequestScoped
@MembersOnly
@Path("members/{id}/introduction")
@Produces(MediaType.TEXT_HTML)
public class IntroductionResource {

    static final String NO_INTRODUCTION = "紹介文が見つかりません。";

    @Inject
    CurrentMember currentMember;

    @Inject
    ProfilePage profiles;

    @Inject
    FriendGraph graph;

    @Inject
    Introductions introductions;

    @GET
    public View introductionForm(@PathParam("id") MemberId id, @Context HttpServletRequest request) {
        long viewer = currentMember.memberId();
        MemberService.Profile owner = profiles.visibleMember(viewer, id);
        if (!graph.areFriends(viewer, owner.id())) {
            return profiles.view(request, viewer, owner).with("error", "紹介文を書けるのはマイミクだけです。");
        }
        return form(
                owner,
                introductions
                        .find(owner.id(), viewer)
                        .map(Introductions.Introduction::body)
                        .orElse(""));
    }

    @POST
    public View writeIntroduction(
            @PathParam("id") MemberId id, @FormParam("body") String body, @Context HttpServletRequest request) {
        long viewer = currentMember.memberId();
        MemberService.Profile owner = profiles.visibleMember(viewer, id);
        try {
            introductions.write(viewer, owner.id(), body);
        } catch (Refused refused) {
            if (graph.areFriends(viewer, owner.id())) {
                return form(owner, body).with("error", refused.getMessage()); // back to the form with what was typed
            }
            return profiles.view(request, viewer, owner).with("error", refused.getMessage());
        }
        return profiles.view(request, viewer, owner).with("notice", "紹介文を書きました。");
    }

    /**
     * Asks before a 紹介文 goes (keitai profiles link here; the form posts to the same URL). 404 unless the viewer may
     * delete it: the member it is about, or its writer.
     */
    @GET
    @Path("delete")
    public View deleteConfirm(@PathParam("id") MemberId id, @QueryParam("writer_id") MemberId writer) {
        long viewer = currentMember.memberId();
        MemberService.Profile owner = profiles.visibleMember(viewer, id);
        if (writer == null || (viewer != owner.id() && viewer != writer.value())) {
            throw new NotFound(NO_INTRODUCTION);
        }
        return introductions.of(owner.id(), viewer).stream()
                .filter(i -> i.writerId() == writer.value())
                .findFirst()
                .map(i -> View.of("friend/introduction_delete")
                        .with("owner", owner)
                        .with("introduction", i))
                .orElseThrow(() -> new NotFound(NO_INTRODUCTION));
    }

    @POST
    @Path("delete")
    public View deleteIntroduction(
            @PathParam("id") MemberId id,
            @FormParam("writer_id") MemberId writer,
            @Context HttpServletRequest request) {
        long viewer = currentMember.memberId();
        MemberService.Profile owner = profiles.visibleMember(viewer, id);
        if (writer == null) {
            return profiles.view(request, viewer, owner).with("error", "削除する紹介文を選んでください。");
        }
        boolean done = introductions.delete(viewer, owner.id(), writer.value());
        return profiles.view(request, viewer, owner)
                .with(done ? "notice" : "error", done ? "紹介文を削除しました。" : "削除できる紹介文がありません。");
    }

    private static View form(MemberService.Profile owner, String text) {
        return View.of("friend/introduction").with("owner", owner).with("myIntroduction", text);
    }
}

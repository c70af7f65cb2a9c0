package jp.keitai.sns.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.View;

/** A member's settings: profile, password, withdrawal. */
@RequestScoped
@MembersOnly
@Path("settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    AccountService accounts;

    @Inject
    SignIn signIn;

    @Inject
    AddressChangeService addressChanges;

    @Inject
    MembershipMails membershipMails;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public View menu() {
        long id = currentMember.memberId();
        return View.of("member/settings")
                .with("me", me())
                .with(
                        "lastSignIn",
                        members.lastSignIn(id)
                                .map(t -> java.time.format.DateTimeFormatter.ofPattern("yyyy/M/d HH:mm")
                                        .withZone(jp.keitai.sns.system.Clock.JAPAN)
                                        .format(t))
                                .orElse(""));
    }

    @GET
    @Path("profile")
    public View profile() {
        return profileView();
    }

    @POST
    @Path("profile")
    public View saveProfile(
            @FormParam("nickname") String nickname,
            @FormParam("self_intro") String selfIntro,
            @FormParam("self_intro_visibility") String visibility,
            @FormParam("prefecture") String prefecture) {
        try {
            // a form without the field (an older page) keeps the prefecture
            accounts.updateProfile(currentMember.memberId(), nickname, selfIntro, visibility, prefecture);
        } catch (Refused e) {
            return profileView().with("error", e.getMessage());
        }
        return profileView().with("notice", "プロフィールを保存しました。");
    }

    private View profileView() {
        return View.of("member/settings_profile").with("me", me()).with("prefectures", Prefecture.all());
    }

    @GET
    @Path("password")
    public View password() {
        return View.of("member/settings_password");
    }

    @POST
    @Path("password")
    public Response changePassword(
            @FormParam("current_password") String current, @FormParam("new_password") String next) {
        long me = currentMember.memberId();
        try {
            accounts.changePassword(me, current, next);
        } catch (Refused e) {
            return Response.ok(View.of("member/settings_password").with("error", e.getMessage()))
                    .build();
        }
        // every session ended with the old password; this device continues under a new one
        signIn.signIn(me, request, response);
        return Response.ok(View.of("message").with("message", "パスワードを変更しました。ほかの端末はログアウトされました。"))
                .build();
    }

    @GET
    @Path("address")
    public View address() {
        return View.of("member/settings_address").with("me", me());
    }

    /** Changing an address asks for the password, then proves the new address by a mailed link. */
    @POST
    @Path("address")
    public View changeAddress(
            @FormParam("kind") String kind, @FormParam("email") String email, @FormParam("password") String password) {
        StepDone asked;
        try {
            asked = addressChanges.request(currentMember.memberId(), password, kind, email);
        } catch (Refused e) {
            return View.of("member/settings_address").with("me", me()).with("error", e.getMessage());
        }
        membershipMails.send(asked.mails());
        return View.of("member/settings_address").with("me", me()).with("notice", asked.message());
    }

    @GET
    @Path("withdraw")
    public View withdrawConfirm() {
        return View.of("member/settings_withdraw");
    }

    @POST
    @Path("withdraw")
    public Response withdraw(@FormParam("password") String password) {
        try {
            accounts.withdraw(currentMember.memberId(), password);
        } catch (Refused e) {
            return Response.ok(View.of("member/settings_withdraw").with("error", e.getMessage()))
                    .build();
        }
        signIn.signOut(request, response);
        return Response.ok(View.of("message").with("message", "退会しました。ご利用ありがとうございました。"))
                .build();
    }

    private Member me() {
        return members.entity(currentMember.memberId()).orElseThrow();
    }
}

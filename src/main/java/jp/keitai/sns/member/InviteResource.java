package jp.keitai.sns.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** Members and operators invite friends by mail. */
@RequestScoped
@MembersOnly
@Path("invite")
@Produces(MediaType.TEXT_HTML)
public class InviteResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    InvitationService invitations;

    @Inject
    MembershipMails mails;

    @GET
    public View form() {
        return View.of("member/invite");
    }

    @POST
    public View invite(@FormParam("email") String email) {
        StepDone sent;
        try {
            sent = invitations.invite(currentMember.memberId(), email);
        } catch (Refused e) {
            return View.of("member/invite").with("error", e.getMessage()).with("email", email);
        }
        mails.send(sent.mails());
        return View.of("member/invite").with("notice", sent.message()).with("email", "");
    }
}

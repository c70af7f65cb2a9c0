package jp.keitai.sns.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.View;

/** The member's home page. */
@RequestScoped
@Path("home")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @GET
    public View home() {
        long me = currentMember.requireId();
        return View.of("member/home").with("me", members.find(me).orElseThrow());
    }
}

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.Tokens;
import jp.keitai.sns.web.View;

/** The registration pages behind the mailed links. */
@RequestScoped
@Public
@Path("register")
@Produces(MediaType.TEXT_HTML)
public class RegisterResource {

    @Inject
    RegistrationService registrations;

    @Inject
    MembershipMails mails;

    @Inject
    SignIn signIn;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public Response form(@QueryParam("token") String token) {
        Registration opened;
        try {
            opened = registrations.open(token, device());
        } catch (Refused e) {
            return message(e.getMessage(), 400);
        }
        if (opened.getStep() != Registration.Step.FORM) {
            return message("携帯電話に送った確認メールのURLを開いてください。", 200);
        }
        return Response.ok(View.of("member/register").with("token", token).with("registration", opened))
                .build();
    }

    @POST
    public Response submit(
            @FormParam("token") String token,
            @FormParam("nickname") String nickname,
            @FormParam("password") String password,
            @FormParam("pc_email") String pcEmail,
            @FormParam("mobile_email") String mobileEmail) {
        try {
            return finish(registrations.submit(token, device(), nickname, password, pcEmail, mobileEmail));
        } catch (Refused refused) {
            Registration opened;
            try {
                opened = registrations.open(token, device());
            } catch (Refused linkUnusable) {
                return message(refused.getMessage(), 400);
            }
            return Response.ok(View.of("member/register")
                            .with("token", token)
                            .with("registration", opened)
                            .with("error", refused.getMessage())
                            .with("nickname", nickname)
                            .with("pcEmail", pcEmail)
                            .with("mobileEmail", mobileEmail))
                    .build();
        }
    }

    @GET
    @Path("confirm")
    public Response confirm(@QueryParam("token") String token) {
        StepDone done;
        try {
            done = registrations.confirm(token, device());
        } catch (Refused e) {
            return message(e.getMessage(), 400);
        }
        return finish(done);
    }

    private Response finish(StepDone done) {
        mails.send(done.mails());
        if (done.memberId() != null) {
            signIn.signIn(done.memberId(), request, response);
            return Response.seeOther(URI.create(response.encodeRedirectURL("/home")))
                    .build();
        }
        return message(done.message(), 200);
    }

    private Response message(String text, int status) {
        return Response.status(status)
                .entity(View.of("message").with("message", text))
                .build();
    }

    /** The device that opened a link: its carrier and User-Agent (a registration link belongs to one device). */
    private String device() {
        return Tokens.sha256(Handset.of(request).getCarrier() + "|" + request.getHeader("User-Agent"));
    }
}

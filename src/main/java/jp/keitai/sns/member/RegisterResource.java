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
        RegistrationService.Opened opened = registrations.open(token, device());
        if (opened.refusal() != null) {
            return message(opened.refusal(), 400);
        }
        if (opened.registration().getStep() != Registration.Step.FORM) {
            return message("携帯電話に送った確認メールのURLを開いてください。", 200);
        }
        return Response.ok(View.of("member/register").with("token", token).with("registration", opened.registration()))
                .build();
    }

    @POST
    public Response submit(
            @FormParam("token") String token,
            @FormParam("nickname") String nickname,
            @FormParam("password") String password,
            @FormParam("pc_email") String pcEmail,
            @FormParam("mobile_email") String mobileEmail) {
        Outcome outcome = registrations.submit(token, device(), nickname, password, pcEmail, mobileEmail);
        if (!outcome.ok()) {
            RegistrationService.Opened opened = registrations.open(token, device());
            if (opened.refusal() != null) {
                return message(outcome.message(), 400);
            }
            return Response.ok(View.of("member/register")
                            .with("token", token)
                            .with("registration", opened.registration())
                            .with("error", outcome.message())
                            .with("nickname", nickname)
                            .with("pcEmail", pcEmail)
                            .with("mobileEmail", mobileEmail))
                    .build();
        }
        return finish(outcome);
    }

    @GET
    @Path("confirm")
    public Response confirm(@QueryParam("token") String token) {
        Outcome outcome = registrations.confirm(token, device());
        if (!outcome.ok()) {
            return message(outcome.message(), 400);
        }
        return finish(outcome);
    }

    private Response finish(Outcome outcome) {
        mails.send(outcome.mails());
        if (outcome.memberId() != null) {
            signIn.signIn(outcome.memberId(), request, response);
            return Response.seeOther(URI.create(response.encodeRedirectURL("/home")))
                    .build();
        }
        return message(outcome.message(), 200);
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

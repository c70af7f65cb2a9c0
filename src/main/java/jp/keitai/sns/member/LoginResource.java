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
import java.net.URI;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.TopPage;

/** Sign in with either address and the password, or by かんたんログイン; sign out. */
@RequestScoped
@Public
@Path("")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @Inject
    LoginService logins;

    @Inject
    SignIn signIn;

    @Inject
    EasyLoginService easyLogins;

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    Settings settings;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Path("login")
    public Response login(@FormParam("email") String email, @FormParam("password") String password) {
        long memberId;
        try {
            memberId = logins.check(email, password, Handset.of(request).getClientIp());
        } catch (Refused refused) {
            return Response.ok(TopPage.view(settings)
                            .with("error", refused.getMessage())
                            .with("email", email))
                    .build();
        }
        signIn.signIn(memberId, request, response);
        // an operator signs in to work: the console, whose navigation leads back to the member pages
        boolean operator = members.find(memberId).map(MemberSummary::operator).orElse(false);
        return Response.seeOther(URI.create(response.encodeRedirectURL(operator ? "/admin" : "/home")))
                .build();
    }

    /** かんたんログイン: the handset's cookie token, else its verified subscriber ID (docomo sends it with guid=ON). */
    @GET
    @Path("easy-login")
    public Response easyLogin() {
        Handset handset = Handset.of(request);
        long memberId;
        try {
            memberId = easyLogins.login(easyLoginCookie(), handset.getCarrier(), handset.verifiedSubscriberId());
        } catch (Refused refused) {
            return Response.ok(TopPage.view(settings).with("error", refused.getMessage()))
                    .build();
        }
        signIn.signIn(memberId, request, response);
        return Response.seeOther(URI.create(response.encodeRedirectURL("/home")))
                .build();
    }

    private String easyLoginCookie() {
        if (request.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie c : request.getCookies()) {
            if (EasyLoginSettingsResource.COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    @POST
    @Path("logout")
    public Response logout() {
        signIn.signOut(request, response);
        return Response.seeOther(URI.create("/")).build();
    }
}

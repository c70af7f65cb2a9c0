package jp.keitai.sns.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.SignIn;
import jp.keitai.sns.web.View;

/**
 * かんたんログイン in the settings: binding this handset (after the password) or removing bindings. Signing in with it is
 * {@code GET /easy-login} in {@link LoginResource}.
 */
@RequestScoped
@MembersOnly
@Path("settings/easy-login")
@Produces(MediaType.TEXT_HTML)
public class EasyLoginSettingsResource {

    /** The cookie holding the easy-login token. */
    static final String COOKIE = "el";

    static final int COOKIE_SECONDS = 365 * 24 * 3600;

    @Inject
    EasyLoginService easyLogin;

    @Inject
    CurrentMember currentMember;

    @Inject
    AccountService accounts;

    @Inject
    SignIn signIn;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    public View settings() {
        return page();
    }

    @POST
    public View bind(@FormParam("password") String password) {
        long me = currentMember.memberId();
        if (!accounts.passwordMatches(me, password)) {
            return page().with("error", AccountService.WRONG_PASSWORD);
        }
        Handset handset = Handset.of(request);
        if (handset.isCookies()) {
            Cookie c = new Cookie(COOKIE, easyLogin.bindCookie(me, handset.getCarrier()));
            c.setPath("/");
            c.setHttpOnly(true);
            c.setSecure(request.isSecure());
            c.setMaxAge(COOKIE_SECONDS);
            response.addCookie(c);
            return page().with("notice", "この端末を登録しました。次からは「かんたんログイン」でログインできます。");
        }
        if (handset.verifiedSubscriberId().isEmpty()) {
            return page().with("error", EasyLoginService.NO_ID);
        }
        try {
            easyLogin.bindSubscriber(
                    me, handset.getCarrier(), handset.verifiedSubscriberId().get());
        } catch (Refused e) {
            return page().with("error", e.getMessage());
        }
        return page().with("notice", "この端末を登録しました。次からは「かんたんログイン」でログインできます。");
    }

    @POST
    @Path("{id}/remove")
    public View remove(@PathParam("id") BindingId id) {
        boolean removed = easyLogin.unbind(currentMember.memberId(), id.value());
        return page().with(removed ? "notice" : "error", removed ? "登録を解除しました。" : "解除できませんでした。");
    }

    private View page() {
        return View.of("member/easy_login").with("bindings", easyLogin.bindings(currentMember.memberId()));
    }
}

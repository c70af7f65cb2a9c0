package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.keitai.sns.carrier.Handset;

/**
 * Starts and ends the session of a request: a cookie where the handset keeps cookies, otherwise a token the edge
 * writes into every URL. Login and easy login both end here.
 */
@ApplicationScoped
public class SignIn {

    @Inject
    SessionStore sessions;

    protected SignIn() {}

    public SignIn(SessionStore sessions) {
        this.sessions = sessions;
    }

    public void signIn(long memberId, HttpServletRequest request, HttpServletResponse response) {
        boolean cookies = Handset.of(request).isCookies();
        String token = sessions.start(memberId, !cookies, cookies ? null : SessionBinding.of(Handset.of(request)));
        if (cookies) {
            Cookie c = new Cookie(SessionFilter.COOKIE, token);
            c.setPath("/");
            c.setHttpOnly(true);
            c.setSecure(request.isSecure());
            c.setMaxAge((int) SessionStore.COOKIE_IDLE.toSeconds());
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
        // from now on this response's URLs carry the new session (the edge reads this for cookieless handsets)
        request.setAttribute(SessionFilter.TOKEN_ATTRIBUTE, token);
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Object token = request.getAttribute(SessionFilter.TOKEN_ATTRIBUTE);
        if (token instanceof String t) {
            sessions.end(t);
        }
        request.removeAttribute(SessionFilter.TOKEN_ATTRIBUTE);
        request.removeAttribute(SessionFilter.SESSION_ATTRIBUTE);
        Cookie c = new Cookie(SessionFilter.COOKIE, "");
        c.setPath("/");
        c.setMaxAge(0);
        response.addCookie(c);
    }

    /** Ends every session of the member, on every node (password change, withdrawal, suspension). */
    public void endAll(long memberId) {
        sessions.endAll(memberId);
    }

    /**
     * Members with a session seen within {@code within}, most recently seen first, at most {@code limit}; their
     * sessions are loaded into memory on the way (the home page's start-up priming).
     */
    public java.util.List<Long> recentMembers(java.time.Duration within, int limit) {
        return sessions.prime(within, limit);
    }
}

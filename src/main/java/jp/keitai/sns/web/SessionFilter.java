package jp.keitai.sns.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the signed-in session of a request: the {@code sid} cookie, or for cookieless handsets the {@code sid} query
 * parameter. A token is believed only through the channel its session was started for, so a cookie session's token
 * pasted into a URL signs nobody in, and a URL session only from what it was started on ({@link SessionBinding}).
 * Runs after the edge (web.xml), which writes the token into URLs where needed.
 */
public class SessionFilter extends HttpFilter {

    public static final String COOKIE = "sid";
    public static final String PARAMETER = "sid";
    /** The raw token; the edge reads it to rewrite URLs for cookieless handsets and to send no-store headers. */
    public static final String TOKEN_ATTRIBUTE = jp.keitai.sns.carrier.EdgeFilter.SESSION_TOKEN;

    static final String SESSION_ATTRIBUTE = "jp.keitai.sns.web.session";

    @Inject
    SessionStore sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String cookie = cookie(request);
        String url = queryParameter(request.getQueryString(), PARAMETER);
        Optional<SessionStore.Session> session = Optional.empty();
        String token = null;
        if (cookie != null) {
            session = sessions.find(cookie).filter(s -> !s.viaUrl());
            token = cookie;
        }
        if (session.isEmpty() && url != null) {
            // a URL session only for what it was started on: its carrier and subscriber ID or gateway
            jp.keitai.sns.carrier.Handset handset = jp.keitai.sns.carrier.Handset.of(request);
            session = sessions.find(url).filter(s -> s.viaUrl() && SessionBinding.matches(s.boundTo(), handset));
            token = url;
        }
        if (session.isPresent()) {
            request.setAttribute(SESSION_ATTRIBUTE, session.get());
            request.setAttribute(TOKEN_ATTRIBUTE, token);
        }
        chain.doFilter(request, response);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Reads one parameter from the query string only: reading the form body here would take it from JAX-RS. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}

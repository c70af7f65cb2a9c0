package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is signed in on this request, and the token their forms carry. {@link MembersOnly} resources read the id with
 * {@link #memberId()}; {@link CsrfFilter} checks the token.
 *
 * <p>One instance for all requests (the busiest pages ask on every view): it keeps nothing of its own, and reads the
 * request's session through the injected request (CDI's proxy for the current one).
 */
@ApplicationScoped
public class CurrentMember {

    /** The form field every member form carries. */
    public static final String CSRF_FIELD = "_csrf";

    @Inject
    HttpServletRequest request;

    private Optional<SessionStore.Session> session() {
        Object s = request.getAttribute(SessionFilter.SESSION_ATTRIBUTE);
        return s instanceof SessionStore.Session session ? Optional.of(session) : Optional.empty();
    }

    public Optional<Long> id() {
        return session().map(SessionStore.Session::memberId);
    }

    public boolean isSignedIn() {
        return session().isPresent();
    }

    /**
     * The signed-in member's id, on a {@link MembersOnly} resource (whose filter has already sent guests to sign in);
     * a guest here is a resource that forgot to say so, and fails loudly.
     */
    public long memberId() {
        return id().orElseThrow(() -> new IllegalStateException("not @MembersOnly: no member on this request"));
    }

    @Inject
    Csrf csrf;

    /** The token to put in the {@code _csrf} hidden field: the session's, or a signed guest token ({@link Csrf}). */
    public String csrfToken() {
        return sessionCsrfToken().orElseGet(() -> csrf.guestToken(jp.keitai.sns.system.Clock.now()));
    }

    /** The signed-in session's own CSRF token. */
    Optional<String> sessionCsrfToken() {
        return session().map(SessionStore.Session::csrfToken);
    }

    /** The raw session token of this request, for the login and logout resources only. */
    Optional<String> token() {
        return Optional.ofNullable((String) request.getAttribute(SessionFilter.TOKEN_ATTRIBUTE));
    }
}

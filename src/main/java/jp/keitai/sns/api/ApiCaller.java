package jp.keitai.sns.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who the JSON API request speaks for: the member of its bearer token, set by {@link ApiAuthFilter} before any {@link
 * ApiAccess} resource runs. Never the browser session ({@code web.CurrentMember}).
 */
@ApplicationScoped
public class ApiCaller {

    static final String ATTRIBUTE = "jp.keitai.sns.api.caller";

    @Inject
    HttpServletRequest request;

    /** The member id; a resource reached without the filter fails loudly. */
    public long memberId() {
        Object c = request.getAttribute(ATTRIBUTE);
        if (c instanceof ApiTokens.Caller caller) {
            return caller.memberId();
        }
        throw new IllegalStateException("not @ApiAccess: no token on this request");
    }
}

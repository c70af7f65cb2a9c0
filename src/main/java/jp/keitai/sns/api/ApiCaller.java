package jp.keitai.sns.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Who the JSON API request speaks for: the member of its bearer token, set by {@link ApiAuthFilter} before any {@link
 * ApiAccess} resource runs. Never the browser session ({@code web.CurrentMember}).
 *
 * <p>Also what every resource method does around its one service call, with this request's path as the problem's
 * {@code instance}: reading the body and the page number, the call as the caller ({@link Api#call}: refusals 422), and
 * 404 for what the caller may not see. So a resource method is: parse, call, map to its view.
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

    /** This request's path below the application ({@code /api/v1/…}), without the query. */
    String path() {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The service call as the caller: {@code Refused} becomes 422, {@code NotFound} 404. */
    <T> T call(LongFunction<T> work) {
        long me = memberId();
        return Api.call(path(), () -> work.apply(me));
    }

    /** A service call with no answer of its own (the resource answers from what it then reads). */
    void run(LongConsumer work) {
        call(me -> {
            work.accept(me);
            return null;
        });
    }

    /** A read as the caller; nothing (or nothing the caller may see) is 404. */
    <T> T found(LongFunction<Optional<T>> read) {
        return call(read).orElseThrow(this::notFound);
    }

    /** The {@code page} query parameter (see {@link Api#page}). */
    int page(String text) {
        return Api.page(path(), text);
    }

    /** The JSON body as a record (see {@link Api#body}). */
    <T> T body(String json, Class<T> type) {
        return Api.body(path(), json, type);
    }

    WebApplicationException notFound() {
        return Api.notFound(path());
    }

    WebApplicationException badRequest(String japanese, String english) {
        return Api.badRequest(path(), japanese, english);
    }
}

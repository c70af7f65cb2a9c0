package jp.keitai.sns.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Problem;

/**
 * The JSON API's door, before any {@link ApiAccess} resource: the {@code Authorization: Bearer} token (nothing else:
 * cookies and {@code sid} parameters are not looked at, so no page a member has open can call the API on their behalf),
 * then the token's rate limit ({@code sns.api.requests-per-window} per {@code sns.api.window-seconds}: 429 with {@code
 * Retry-After}), then its scope (a read token may only GET: 403).
 */
@Provider
@ApplicationScoped
@ApiAccess
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiAuthFilter implements ContainerRequestFilter {

    public static final String REQUESTS_KEY = "sns.api.requests-per-window";
    public static final String WINDOW_KEY = "sns.api.window-seconds";

    @Inject
    ApiTokens tokens;

    @Inject
    Settings settings;

    @Context
    HttpServletRequest servletRequest;

    private RateLimiter limiter;

    /** Every so many requests, buckets nobody used for a window are dropped (memory follows the active tokens). */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    @PostConstruct
    void init() {
        int requests = settings.intValue(REQUESTS_KEY, 300, 1, 1_000_000);
        int seconds = settings.intValue(WINDOW_KEY, 300, 1, 86_400);
        limiter = new RateLimiter(requests, Duration.ofSeconds(seconds));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath();
        String header = request.getHeaderString("Authorization");
        Optional<String> bearer = bearer(header);
        if (bearer.isEmpty()) {
            request.abortWith(unauthorized(
                    path,
                    "Bearer realm=\"keitai-sns\"",
                    "アクセストークンがありません",
                    "Authorization: Bearer でアクセストークンを送ってください。ログイン中のブラウザのクッキーではAPIを使えません。",
                    "No access token",
                    "Send a personal access token as Authorization: Bearer. A browser session cookie does not"
                            + " authenticate the API."));
            return;
        }
        Optional<ApiTokens.Caller> caller = tokens.authenticate(bearer.get());
        if (caller.isEmpty()) {
            request.abortWith(unauthorized(
                    path,
                    "Bearer realm=\"keitai-sns\", error=\"invalid_token\"",
                    "アクセストークンが無効です",
                    "トークンが間違っているか、無効にされています。設定の「アプリ連携」で確かめてください。",
                    "Invalid access token",
                    "The token is unknown or was revoked; see アプリ連携 in the settings."));
            return;
        }
        java.time.Instant now = Clock.now();
        if (requests.incrementAndGet() % 10_000 == 0) {
            limiter.forgetIdle(now);
        }
        RateLimiter.Decision d = limiter.acquire(caller.get().tokenId(), now);
        if (!d.allowed()) {
            request.abortWith(Problem.of(
                            429,
                            "rate-limited",
                            "リクエストが多すぎます",
                            "Too many requests",
                            d.retryAfterSeconds() + "秒後にもう一度お試しください。",
                            "Retry after " + d.retryAfterSeconds() + " seconds.",
                            path)
                    .response()
                    .header("Retry-After", String.valueOf(d.retryAfterSeconds()))
                    .header("RateLimit-Limit", String.valueOf(limiter.capacity()))
                    .header("RateLimit-Remaining", "0")
                    .build());
            return;
        }
        if (!caller.get().scope().allows(request.getMethod())) {
            request.abortWith(Problem.of(
                            403,
                            "insufficient-scope",
                            "このトークンでは書き込めません",
                            "Insufficient scope",
                            "読み取りのみのトークンです。書き込むには「読み取りと書き込み」のトークンを作ってください。",
                            "This token is read-only; create a read and write token to post.",
                            path)
                    .response()
                    .header("WWW-Authenticate", "Bearer realm=\"keitai-sns\", error=\"insufficient_scope\"")
                    .build());
            return;
        }
        servletRequest.setAttribute(ApiCaller.ATTRIBUTE, caller.get());
    }

    static Optional<String> bearer(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = h.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response unauthorized(
            String path, String challenge, String title, String detail, String titleEn, String detailEn) {
        return Problem.of(401, "unauthorized", title, titleEn, detail, detailEn, path)
                .response()
                .header("WWW-Authenticate", challenge)
                .build();
    }
}

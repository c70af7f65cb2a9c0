package jp.keitai.sns.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Personal access tokens for the JSON API (アプリ連携): a member makes one in settings with a name and a scope, sees
 * it once, and revokes it there. Only the token's SHA-256 is stored: a token is 32 random bytes, so a hash that cannot
 * be reversed needs no salt or stretching, and a lookup is one indexed query.
 */
@ApplicationScoped
public class ApiTokens {

    /** Every token begins so, which lets secret scanners and people recognise one. */
    public static final String PREFIX = "ksns_";

    public static final int MAX_NAME = 50;
    public static final int MAX_ACTIVE = 20;

    /** last_used_at is written at most this often per token (not on every request). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** Who a valid token speaks for. */
    public record Caller(long tokenId, long memberId, ApiScope scope) {}

    /** A token just made: the only time its text exists outside the client. */
    public record Created(long id, String token, ApiScope scope) {}

    /** A token as the settings page lists it. */
    public record Listed(long id, String name, String scope, String created, String lastUsed, boolean revoked) {}

    @Inject
    Database database;

    @Inject
    MemberService members;

    private final SecureRandom random = new SecureRandom();
    private ApiTokenStore store;

    protected ApiTokens() {}

    public ApiTokens(Database database, MemberService members) {
        this.database = database;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        store = new ApiTokenStore(database);
    }

    /** Makes a token for the member; throws {@link Refused} with the reason in Japanese. */
    public Created create(long member, String name, String scope) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new Refused("トークンの名前を入力してください。");
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            throw new Refused("トークンの名前は" + MAX_NAME + "文字までです。");
        }
        ApiScope s = ApiScope.parse(scope).orElseThrow(() -> new Refused("権限を選んでください。"));
        if (!members.isActive(member)) {
            throw new Refused("アカウントが停止されているためトークンを作れません。");
        }
        if (store.countActive(member) >= MAX_ACTIVE) {
            throw new Refused("トークンは" + MAX_ACTIVE + "個までです。使っていないものを無効にしてください。");
        }
        String token = newToken();
        long id = store.insert(member, n, s.value(), hash(token), Clock.now());
        return new Created(id, token, s);
    }

    public List<Listed> list(long member) {
        return store.byMember(member).stream()
                .map(r -> new Listed(
                        r.id(),
                        r.name(),
                        ApiScope.parse(r.scope()).map(ApiScope::label).orElse(r.scope()),
                        Clock.japanMinute(r.createdAt()),
                        r.lastUsedAt() == null ? "未使用" : Clock.japanMinute(r.lastUsedAt()),
                        r.revokedAt() != null))
                .toList();
    }

    /** Revokes one of the member's own tokens at once; false when it is not theirs or already revoked. */
    public boolean revoke(long member, long id) {
        return store.revoke(member, id, Clock.now());
    }

    /**
     * The caller a bearer token speaks for: empty for an unknown or revoked token, or one whose member is suspended or
     * withdrawn.
     */
    public Optional<Caller> authenticate(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        Optional<ApiTokenStore.Row> row = store.byHash(hash(token));
        if (row.isEmpty()
                || row.get().revokedAt() != null
                || !members.isActive(row.get().memberId())) {
            return Optional.empty();
        }
        ApiTokenStore.Row r = row.get();
        Optional<ApiScope> scope = ApiScope.parse(r.scope());
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Clock.now();
        if (r.lastUsedAt() == null || r.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            store.touch(r.id(), now);
        }
        return Optional.of(new Caller(r.id(), r.memberId(), scope.get()));
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: SHA-256, lower-case hex. */
    static String hash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shape of a token ({@code ksns_} and 43 base64url characters); anything else is not looked up. */
    static boolean wellFormed(String token) {
        return token != null
                && token.length() == PREFIX.length() + 43
                && token.startsWith(PREFIX)
                && token.substring(PREFIX.length()).chars().allMatch(ApiTokens::base64url);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}

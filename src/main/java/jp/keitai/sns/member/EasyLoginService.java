package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.Tokens;

/**
 * かんたんログイン. A handset that keeps cookies gets a random long-lived cookie token; one that does not may use its
 * carrier subscriber ID, but only as the edge verified it (from that carrier's own gateway range, over plain HTTP).
 * Both are stored only as hashes. A member who has a cookie token can no longer be signed in by subscriber ID alone:
 * that is what stopped the 2010 spoofing attacks on sites that trusted the ID header.
 */
@ApplicationScoped
public class EasyLoginService {

    public static final String COOKIE_KIND = "COOKIE";
    public static final String SUBSCRIBER_KIND = "SUBSCRIBER";

    static final String NOT_BOUND = "この端末はかんたんログインに登録されていません。メールアドレスとパスワードでログインしてください。";
    static final String REFUSED = "この端末ではかんたんログインを利用できません。";
    static final String NEEDS_COOKIE = "このアカウントは端末のCookieでかんたんログインします。登録した端末・ブラウザからお試しください。";
    static final String OTHER_ACCOUNT = "この端末はほかのアカウントのかんたんログインに登録されています。";
    static final String NO_ID = "この端末からは端末情報を受け取れませんでした（Wi-Fi接続やHTTPSでは利用できません）。";

    @Inject
    Database database;

    @Inject
    EasyLoginStore store;

    @Inject
    MemberStore members;

    protected EasyLoginService() {}

    public EasyLoginService(Database database) {
        this.database = database;
        this.store = new EasyLoginStore(database);
        this.members = new MemberStore(database);
    }

    /** A binding as the member (and operators) see it: never the ID itself. */
    public static final class Binding {
        private final long id;
        private final String kind;
        private final String carrier;
        private final Instant createdAt;

        Binding(long id, String kind, String carrier, Instant createdAt) {
            this.id = id;
            this.kind = kind;
            this.carrier = carrier;
            this.createdAt = createdAt;
        }

        public long getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getCarrier() {
            return carrier;
        }

        /** The day it was bound, in Japan. */
        public String getCreatedAt() {
            return createdAt.atZone(Clock.JAPAN).toLocalDate().toString();
        }
    }

    static String subscriberHash(String carrier, String subscriberId) {
        return Tokens.sha256("subscriber:" + carrier + ":" + subscriberId);
    }

    /** Binds a new cookie token; returns the token to set in the cookie. */
    public String bindCookie(long memberId, String carrier) {
        String token = Tokens.random();
        insert(memberId, COOKIE_KIND, carrier, Tokens.sha256("cookie:" + token));
        return token;
    }

    /** Binds a verified subscriber ID (again: nothing changes); throws {@link Refused} with the reason it may not. */
    public void bindSubscriber(long memberId, String carrier, String verifiedSubscriberId) {
        String hash = subscriberHash(carrier, verifiedSubscriberId);
        database.run(em -> {
            if (store.isBlacklisted(hash)) {
                throw new Refused(REFUSED);
            }
            Optional<Long> owner = store.ownerOf(hash);
            if (owner.isPresent() && owner.get() != memberId) {
                throw new Refused(OTHER_ACCOUNT);
            }
            if (owner.isEmpty()) {
                insert(memberId, SUBSCRIBER_KIND, carrier, hash);
            }
        });
    }

    /**
     * Signs in by the cookie token when there is one, else by the verified subscriber ID: the member's id, or
     * {@link Refused} with the reason.
     */
    public long login(String cookieToken, String carrier, Optional<String> verifiedSubscriberId) {
        if (cookieToken != null && !cookieToken.isEmpty()) {
            Optional<Long> owner = store.ownerOf(Tokens.sha256("cookie:" + cookieToken));
            if (owner.isPresent()) {
                return active(owner.get());
            }
        }
        if (verifiedSubscriberId.isEmpty()) {
            throw new Refused(cookieToken == null ? NO_ID : NOT_BOUND);
        }
        String hash = subscriberHash(carrier, verifiedSubscriberId.get());
        if (store.isBlacklisted(hash)) {
            throw new Refused(REFUSED);
        }
        Optional<Long> owner = store.ownerOf(hash);
        if (owner.isEmpty()) {
            throw new Refused(NOT_BOUND);
        }
        if (kinds(owner.get()).contains(COOKIE_KIND)) {
            throw new Refused(NEEDS_COOKIE);
        }
        return active(owner.get());
    }

    public List<Binding> bindings(long memberId) {
        return store.bindings(memberId);
    }

    /** Removes one of the member's bindings. */
    public boolean unbind(long memberId, long bindingId) {
        return store.delete(memberId, bindingId);
    }

    /** An operator blacklists a binding: its handset can never be bound or sign anyone in again. */
    public boolean blacklist(long bindingId, long operatorId, String note) {
        return store.blacklist(bindingId, operatorId, note == null ? "" : note.strip(), Clock.now());
    }

    private long active(long memberId) {
        boolean active = members.find(memberId)
                .map(m -> m.getStatus() == MemberStatus.ACTIVE)
                .orElse(false);
        if (!active) {
            throw new Refused(LoginService.SUSPENDED);
        }
        return memberId;
    }

    private void insert(long memberId, String kind, String carrier, String hash) {
        store.insert(memberId, kind, carrier, hash, Clock.now());
    }

    private List<String> kinds(long memberId) {
        return bindings(memberId).stream().map(Binding::getKind).toList();
    }
}

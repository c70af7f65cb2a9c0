package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
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
    static final String NO_ID = "この端末からは端末情報を受け取れませんでした（Wi-Fi接続やHTTPSでは利用できません）。";

    @Inject
    Database database;

    protected EasyLoginService() {}

    public EasyLoginService(Database database) {
        this.database = database;
    }

    /** memberId null means refused, with a message. */
    public record Result(Long memberId, String message) {}

    /** A binding as the member (and operators) see it: never the ID itself. */
    public static final class Binding {
        private final long id;
        private final String kind;
        private final String carrier;
        private final String createdAt;

        Binding(long id, String kind, String carrier, String createdAt) {
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

        public String getCreatedAt() {
            return createdAt;
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

    /** Binds a verified subscriber ID; null when bound, else the reason it was not. */
    public String bindSubscriber(long memberId, String carrier, String verifiedSubscriberId) {
        String hash = subscriberHash(carrier, verifiedSubscriberId);
        return database.tx(em -> {
            if (isBlacklisted(hash)) {
                return REFUSED;
            }
            Optional<Long> owner = ownerOf(hash);
            if (owner.isPresent() && owner.get() != memberId) {
                return "この端末はほかのアカウントのかんたんログインに登録されています。";
            }
            if (owner.isEmpty()) {
                insert(memberId, SUBSCRIBER_KIND, carrier, hash);
            }
            return null;
        });
    }

    /** Signs in by the cookie token when there is one, else by the verified subscriber ID. */
    public Result login(String cookieToken, String carrier, Optional<String> verifiedSubscriberId) {
        if (cookieToken != null && !cookieToken.isEmpty()) {
            Optional<Long> owner = ownerOf(Tokens.sha256("cookie:" + cookieToken));
            if (owner.isPresent()) {
                return active(owner.get());
            }
        }
        if (verifiedSubscriberId.isEmpty()) {
            return new Result(null, cookieToken == null ? NO_ID : NOT_BOUND);
        }
        String hash = subscriberHash(carrier, verifiedSubscriberId.get());
        if (isBlacklisted(hash)) {
            return new Result(null, REFUSED);
        }
        Optional<Long> owner = ownerOf(hash);
        if (owner.isEmpty()) {
            return new Result(null, NOT_BOUND);
        }
        if (kinds(owner.get()).contains(COOKIE_KIND)) {
            return new Result(null, NEEDS_COOKIE);
        }
        return active(owner.get());
    }

    public List<Binding> bindings(long memberId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, kind, carrier, created_at from easy_login where member_id = ? order by id")) {
                ps.setLong(1, memberId);
                List<Binding> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Binding(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4)
                                        .toInstant()
                                        .atZone(Clock.JAPAN)
                                        .toLocalDate()
                                        .toString()));
                    }
                }
                return out;
            }
        });
    }

    /** Removes one of the member's bindings. */
    public boolean unbind(long memberId, long bindingId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from easy_login where id = ? and member_id = ?")) {
                ps.setLong(1, bindingId);
                ps.setLong(2, memberId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** An operator blacklists a binding: its handset can never be bound or sign anyone in again. */
    public boolean blacklist(long bindingId, long operatorId, String note) {
        return database.jdbc(c -> {
            String hash;
            String carrier;
            try (PreparedStatement ps = c.prepareStatement("select id_hash, carrier from easy_login where id = ?")) {
                ps.setLong(1, bindingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    hash = rs.getString(1);
                    carrier = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into easy_login_blacklist"
                    + " (id_hash, carrier, note, operator_id, created_at) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, hash);
                ps.setString(2, carrier);
                ps.setString(3, note == null ? "" : note.strip());
                ps.setLong(4, operatorId);
                ps.setTimestamp(5, Timestamp.from(Clock.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from easy_login where id_hash = ?")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            return true;
        });
    }

    private Result active(long memberId) {
        boolean active = database.read(em -> em.find(Member.class, memberId).getStatus() == MemberStatus.ACTIVE);
        return active ? new Result(memberId, null) : new Result(null, LoginService.SUSPENDED);
    }

    private void insert(long memberId, String kind, String carrier, String hash) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into easy_login"
                    + " (member_id, kind, carrier, id_hash, created_at) values (?, ?, ?, ?, ?)")) {
                ps.setLong(1, memberId);
                ps.setString(2, kind);
                ps.setString(3, carrier);
                ps.setString(4, hash);
                ps.setTimestamp(5, Timestamp.from(Clock.now()));
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Long> ownerOf(String hash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id from easy_login where id_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    private List<String> kinds(long memberId) {
        return bindings(memberId).stream().map(Binding::getKind).toList();
    }

    private boolean isBlacklisted(String hash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from easy_login_blacklist where id_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}

package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Signed-in sessions, kept in the database under a hash of their token. Sessions carried in URLs (cookieless
 * handsets) expire sooner than cookie sessions, since a URL can be bookmarked or shown to someone.
 */
@ApplicationScoped
public class SessionStore {

    static final Duration COOKIE_IDLE = Duration.ofDays(14);
    static final Duration URL_IDLE = Duration.ofHours(3);
    /** last_seen is written at most this often, so reading a page is not a write every time. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    @Inject
    Database database;

    protected SessionStore() {}

    public SessionStore(Database database) {
        this.database = database;
    }

    /** A signed-in session: who, and the token forms must echo. */
    public record Session(long memberId, String csrfToken, boolean viaUrl) {}

    /** Starts a session and returns its token (shown once, to the handset; only its hash is kept). */
    public String start(long memberId, boolean viaUrl) {
        String token = Tokens.random();
        Instant now = Clock.now();
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into member_session"
                    + " (token_hash, member_id, csrf_token, via_url, created_at, last_seen_at)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.sha256(token));
                ps.setLong(2, memberId);
                ps.setString(3, Tokens.random());
                ps.setBoolean(4, viaUrl);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        Instant now = Clock.now();
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select s.member_id, s.csrf_token, s.via_url, s.last_seen_at"
                    + " from member_session s join member m on m.id = s.member_id"
                    + " where s.token_hash = ? and m.status = 'ACTIVE'")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    Session s = new Session(rs.getLong(1), rs.getString(2), rs.getBoolean(3));
                    Instant lastSeen = rs.getTimestamp(4).toInstant();
                    if (lastSeen.plus(s.viaUrl() ? URL_IDLE : COOKIE_IDLE).isBefore(now)) {
                        return Optional.<Session>empty();
                    }
                    if (lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
                        try (PreparedStatement up =
                                c.prepareStatement("update member_session set last_seen_at = ? where token_hash = ?")) {
                            up.setTimestamp(1, Timestamp.from(now));
                            up.setString(2, hash);
                            up.executeUpdate();
                        }
                    }
                    return Optional.of(s);
                }
            }
        });
    }

    public void end(String token) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from member_session where token_hash = ?")) {
                ps.setString(1, Tokens.sha256(token));
                return ps.executeUpdate();
            }
        });
    }

    /** Ends every session of a member (password change, suspension, withdrawal). */
    public void endAll(long memberId) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from member_session where member_id = ?")) {
                ps.setLong(1, memberId);
                return ps.executeUpdate();
            }
        });
    }
}

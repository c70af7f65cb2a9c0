package jp.keitai.sns.web;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Purge;
import jp.keitai.sns.system.ReadCache;
import jp.keitai.sns.system.Settings;

/**
 * Signed-in sessions, kept in the database under a hash of their token. Sessions carried in URLs (cookieless
 * handsets) expire sooner than cookie sessions, since a URL can be bookmarked or shown to someone.
 *
 * <p>Every page asks for its session, so sessions are also kept in memory: a session is read from the
 * database once per node, ended sessions are dropped on every node ({@link jp.keitai.sns.system.Changes}), and the
 * last-seen time is written back in batches (at most once a minute per session, every few seconds for all of them),
 * not on the page that noticed it. A session that looks expired here is read again before it is refused, since
 * another node may have seen it since.
 *
 * <p>Besides the idle limits, every session ends {@code sns.session.max-age-days} (default 30) after it started,
 * however often it is used. Sessions past either limit are deleted by the hourly housekeeping ({@link #purge}).
 */
@ApplicationScoped
public class SessionStore implements Purge {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    static final Duration COOKIE_IDLE = Duration.ofDays(14);
    static final Duration URL_IDLE = Duration.ofHours(3);
    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    /** last_seen is written at most this often, so reading a page is not a write every time. */
    private static final long TOUCH_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

    private static final String MEMBER_ENDED = "sessions-of-member";
    private static final long FLUSH_MILLIS = 5_000;

    @Inject
    Database database;

    @Inject
    Settings settings;

    /** The absolute lifetime of a session, whatever its use. */
    private Duration maxAge = DEFAULT_MAX_AGE;

    /**
     * Sessions by the first 8 bytes of their token's hash (a long key: an entry costs a few bytes of table, not a
     * 64-character string and two map nodes). Tokens are random, so those bytes are too; the entry keeps the rest of the
     * hash, and one that does not match is a miss.
     */
    private ReadCache<Long, KnownSession> known;
    /** Last-seen times not yet written, by token hash. */
    private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

    private ScheduledExecutorService flusher;

    /** The container's threads; null outside a container. */
    @Resource
    ManagedThreadFactory threads;

    protected SessionStore() {}

    public SessionStore(Database database) {
        this(database, DEFAULT_MAX_AGE);
    }

    public SessionStore(Database database, Duration maxAge) {
        this.database = database;
        this.maxAge = maxAge;
        init();
    }

    /**
     * A signed-in session: who, the token forms must echo, and for a URL session what it is bound to
     * ({@link SessionBinding}; null for cookie sessions).
     */
    public record Session(long memberId, String csrfToken, boolean viaUrl, String boundTo) {}

    /** The cache key of a token hash: its first 8 bytes. */
    static long key(byte[] hash) {
        return KnownSession.key(hash);
    }

    @PostConstruct
    void init() {
        if (settings != null) {
            maxAge = Duration.ofDays(settings.intValue("sns.session.max-age-days", 30, 1, 3650));
        }
        known = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.SESSIONS.get());
        // a logout or a password change: every node drops that member's sessions and reads the ones still alive again
        database.changes().subscribe(MEMBER_ENDED, this::dropSessionsOf);
        // a suspended member's sessions end with the status change, on every node
        database.changes().subscribe("member", this::dropSessionsOf);
        database.changes().onReset(known::clear);
        flusher = Executors.newSingleThreadScheduledExecutor(
                task -> BackgroundThreads.newThread(threads, "sns-session-touch", task));
        flusher.scheduleWithFixedDelay(this::flushSafely, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Drops this node's copies of the member's sessions; those still alive are read again on their next use. */
    private void dropSessionsOf(long member) {
        known.invalidateIf((key, k) -> k.memberId == member);
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushSafely();
    }

    /** Starts a session and returns its token (shown once, to the handset; only its hash is kept). */
    public String start(long memberId, boolean viaUrl) {
        return start(memberId, viaUrl, null);
    }

    /** Starts a session bound to {@code boundTo} (see {@link SessionBinding}) and returns its token. */
    public String start(long memberId, boolean viaUrl, String boundTo) {
        String token = Tokens.random();
        Instant now = Clock.now();
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into member_session"
                    + " (token_hash, member_id, csrf_token, via_url, created_at, last_seen_at, bound_to)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.sha256(token));
                ps.setLong(2, memberId);
                ps.setString(3, Tokens.random());
                ps.setBoolean(4, viaUrl);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setString(7, boundTo);
                ps.executeUpdate();
            }
            // the last sign-in, shown in the member's settings and read by the inactivity rule (退会のお知らせ)
            try (PreparedStatement ps = c.prepareStatement("update member set last_signed_in_at = ? where id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, memberId);
                return ps.executeUpdate();
            }
        });
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return find(Tokens.sha256Bytes(token));
    }

    /** The session of a token hash (32 bytes); package-private so that a test can give two hashes one cache key. */
    Optional<Session> find(byte[] hash) {
        Instant now = Clock.now();
        if (database.inTransaction()) {
            return findInTransaction(hash, now);
        }
        long key = key(hash);
        KnownSession k = known.get(key, c -> c.is(hash), id -> load(hash));
        if (k != null && expired(k, now)) {
            known.invalidate(key); // another node may have seen it since: ask the database once more
            k = known.get(key, c -> c.is(hash), id -> load(hash));
        }
        if (k == null || expired(k, now)) {
            return Optional.empty();
        }
        if (due(k, now)) {
            k.lastSeenMillis = now.toEpochMilli();
            touched.put(Tokens.hex(hash), now);
        }
        return Optional.of(k.session());
    }

    private boolean expired(KnownSession k, Instant now) {
        long idle = k.viaUrl ? URL_IDLE.toMillis() : COOKIE_IDLE.toMillis();
        long t = now.toEpochMilli();
        return k.lastSeenMillis + idle < t || k.createdMillis + maxAge.toMillis() < t;
    }

    /** Whether the last-seen time is old enough to be written again. */
    private static boolean due(KnownSession k, Instant now) {
        return k.lastSeenMillis + TOUCH_EVERY_MILLIS < now.toEpochMilli();
    }

    private KnownSession load(byte[] raw) {
        String hash = Tokens.hex(raw);
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select s.member_id, s.csrf_token, s.via_url, s.last_seen_at, s.created_at,"
                            + " s.bound_to"
                            + " from member_session s join member m on m.id = s.member_id"
                            + " where s.token_hash = ? and m.status = 'ACTIVE'")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Instant seen = rs.getTimestamp(4).toInstant();
                    Instant pending = touched.get(hash);
                    return new KnownSession(
                            raw,
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getBoolean(3),
                            rs.getString(6),
                            rs.getTimestamp(5).toInstant(),
                            pending != null && pending.isAfter(seen) ? pending : seen);
                }
            }
        });
    }

    /**
     * Reads the sessions seen within {@code within} (at most {@code limit}, most recent first) into memory in one
     * query, for priming at start-up ({@link CachePrimer}). Returns their members, most recent first, each once.
     */
    public List<Long> prime(Duration within, int limit) {
        Instant since = Clock.now().minus(within);
        Set<Long> members = new LinkedHashSet<>();
        known.prime(() -> database.jdbc(c -> {
            Map<Long, KnownSession> out = new LinkedHashMap<>();
            try (PreparedStatement ps =
                    c.prepareStatement("select s.token_hash, s.member_id, s.csrf_token, s.via_url, s.last_seen_at,"
                            + " s.created_at, s.bound_to"
                            + " from member_session s join member m on m.id = s.member_id"
                            + " where s.last_seen_at > ? and m.status = 'ACTIVE' order by s.last_seen_at desc")) {
                ps.setTimestamp(1, Timestamp.from(since));
                ps.setMaxRows(limit);
                ps.setFetchSize(Math.min(1000, limit)); // H2 refuses a fetch size above the row limit
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] hash = hashBytes(rs.getString(1));
                        if (hash == null) {
                            continue; // not a token hash: no token finds it
                        }
                        KnownSession k = new KnownSession(
                                hash,
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getString(7),
                                rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(5).toInstant());
                        // two hashes with one key: the more recent session is cached, the other is read when used
                        out.putIfAbsent(key(hash), k);
                        members.add(k.memberId);
                    }
                }
            }
            return out;
        }));
        return List.copyOf(members);
    }

    /** A stored token hash (64 hex digits) as its 32 bytes, or null if it is not one. */
    private static byte[] hashBytes(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes the last-seen times gathered since the last flush, in one batch. */
    void flush() {
        if (touched.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String hash : List.copyOf(touched.keySet())) {
            Instant at = touched.remove(hash);
            if (at != null) {
                batch.put(hash, at);
            }
        }
        database.jdbc(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "update member_session set last_seen_at = ? where token_hash = ? and last_seen_at < ?")) {
                for (Map.Entry<String, Instant> e : batch.entrySet()) {
                    Timestamp at = Timestamp.from(e.getValue());
                    up.setTimestamp(1, at);
                    up.setString(2, e.getKey());
                    up.setTimestamp(3, at);
                    up.addBatch();
                }
                up.executeBatch();
            }
            return null;
        });
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write session last-seen times; will retry", e);
        }
    }

    /** The old uncached read, kept for reads inside a transaction. */
    private Optional<Session> findInTransaction(byte[] hash, Instant now) {
        KnownSession k = load(hash);
        if (k == null || expired(k, now)) {
            return Optional.empty();
        }
        if (due(k, now)) {
            touched.put(Tokens.hex(hash), now);
        }
        return Optional.of(k.session());
    }

    public void end(String token) {
        byte[] raw = Tokens.sha256Bytes(token);
        String hash = Tokens.hex(raw);
        Long member = database.jdbc(c -> {
            Long owner = null;
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id from member_session where token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    owner = rs.next() ? rs.getLong(1) : null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from member_session where token_hash = ?")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            return owner;
        });
        known.invalidate(key(raw));
        if (member != null) {
            database.changes().publish(MEMBER_ENDED, member);
        }
    }

    @Override
    public String name() {
        return "sessions";
    }

    /**
     * Deletes the sessions past their idle limit or their absolute lifetime at {@code now} (housekeeping). Last-seen
     * times still waiting in memory are written first, so a session in use is not taken for idle.
     */
    @Override
    public int purge(Instant now) {
        flushSafely();
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from member_session where created_at < ?"
                    + " or (via_url = ? and last_seen_at < ?) or (via_url = ? and last_seen_at < ?)")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(maxAge)));
                ps.setBoolean(2, true);
                ps.setTimestamp(3, Timestamp.from(now.minus(URL_IDLE)));
                ps.setBoolean(4, false);
                ps.setTimestamp(5, Timestamp.from(now.minus(COOKIE_IDLE)));
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
        database.changes().publish(MEMBER_ENDED, memberId);
    }
}

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * 紹介文: short words a friend writes on a member's profile. Only a current マイミク may write one (one per writer,
 * writing again replaces it); the member and the writer may delete it; it goes when the friendship ends.
 *
 * <p>Each member's introductions are kept in memory for the profile page (issue 9), dropped on every node by each
 * write here; who may read which is decided on every read (blocks, writers' status and nicknames from memory too).
 */
@ApplicationScoped
public class Introductions {

    /** Longest introduction, in characters (code points). */
    public static final int MAX_LENGTH = 1000;

    @Inject
    Database database;

    @Inject
    FriendGraph graph;

    @Inject
    AccessPolicy policy;

    @Inject
    MemberService members;

    static final String TOPIC = "introductions";

    /** Introductions of each member (writer nickname left empty), newest first. */
    private ReadCache<Long, List<Introduction>> byMember;

    protected Introductions() {}

    public Introductions(Database database, FriendGraph graph, AccessPolicy policy, MemberService members) {
        this.members = members;
        this.database = database;
        this.graph = graph;
        this.policy = policy;
        init();
    }

    @PostConstruct
    void init() {
        byMember = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.PROFILES.get());
        database.changes().subscribe(TOPIC, byMember::invalidate);
        database.changes().onReset(byMember::clear);
    }

    /** An introduction of {@code memberId} by {@code writerId} (whose nickname is {@code writer} in lists). */
    public record Introduction(long memberId, long writerId, String writer, String body, Instant writtenAt) {}

    /**
     * Writes (or rewrites) the writer's introduction of the member.
     *
     * @return null when saved, else the reason in Japanese
     */
    public String write(long writer, long member, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return "紹介文を入力してください。";
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return "紹介文は" + MAX_LENGTH + "文字までです。";
        }
        if (writer == member || !policy.canInteract(writer, member) || !graph.areFriends(writer, member)) {
            return "紹介文を書けるのはマイミクだけです。";
        }
        Instant now = Clock.now();
        String sql = database.isPostgresql()
                ? "insert into introduction (member_id, writer_id, body, written_at) values (?, ?, ?, ?)"
                        + " on conflict (member_id, writer_id)"
                        + " do update set body = excluded.body, written_at = excluded.written_at"
                : "merge into introduction (member_id, writer_id, body, written_at) key (member_id, writer_id)"
                        + " values (?, ?, ?, ?)";
        database.tx(em -> database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                ps.setString(3, text);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
            database.changes().publish(TOPIC, member);
            return null;
        }));
        return null;
    }

    /**
     * Deletes the introduction of {@code member} by {@code writer}, when {@code actor} is one of the two.
     *
     * @return whether one was deleted
     */
    public boolean delete(long actor, long member, long writer) {
        if (actor != member && actor != writer) {
            return false;
        }
        return remove(member, writer) > 0;
    }

    /** The member's introductions the viewer may read, newest first: writers the viewer can deal with only. */
    public List<Introduction> of(long member, long viewer) {
        List<Introduction> all = database.inTransaction() ? load(member) : byMember.get(member, this::load);
        // the same rule as AccessPolicy.canInteract(viewer, writer), for all writers at once (from memory when warm)
        if (all.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> blocked = graph.blockedEitherWay(viewer);
        List<Long> writerIds = all.stream().map(Introduction::writerId).toList();
        java.util.Set<Long> active = members.activeAmong(writerIds);
        java.util.Map<Long, String> names = members.nicknames(writerIds);
        return all.stream()
                .filter(i -> i.writerId() == viewer || !blocked.contains(i.writerId()))
                .filter(i -> i.writerId() == viewer || active.contains(i.writerId()))
                .filter(i -> names.containsKey(i.writerId()))
                .map(i ->
                        new Introduction(i.memberId(), i.writerId(), names.get(i.writerId()), i.body(), i.writtenAt()))
                .toList();
    }

    private List<Introduction> load(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select writer_id, body, written_at from introduction"
                    + " where member_id = ? order by written_at desc, writer_id")) {
                ps.setLong(1, member);
                List<Introduction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Introduction(
                                member,
                                rs.getLong(1),
                                null,
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    /** The writer's current introduction of the member, if any. */
    public java.util.Optional<Introduction> find(long member, long writer) {
        if (!database.inTransaction()) {
            return byMember.get(member, this::load).stream()
                    .filter(i -> i.writerId() == writer)
                    .findFirst();
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select body, written_at from introduction where member_id = ? and writer_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? java.util.Optional.of(new Introduction(
                                    member,
                                    writer,
                                    null,
                                    rs.getString(1),
                                    rs.getTimestamp(2).toInstant()))
                            : java.util.Optional.empty();
                }
            }
        });
    }

    /** When a friendship ends, both sides' introductions of each other go, in the same transaction. */
    void onFriendshipEnded(@Observes FriendshipEnded ended) {
        remove(ended.a(), ended.b());
        remove(ended.b(), ended.a());
    }

    private int remove(long member, long writer) {
        return database.tx(em -> database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from introduction where member_id = ? and writer_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                int n = ps.executeUpdate();
                if (n > 0) {
                    database.changes().publish(TOPIC, member);
                }
                return n;
            }
        }));
    }

    /** Removes a pair's introductions outside CDI (tests, and callers that end friendships without events). */
    public void friendshipEnded(FriendshipEnded ended) {
        onFriendshipEnded(ended);
    }
}

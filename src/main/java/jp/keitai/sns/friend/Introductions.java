package jp.keitai.sns.friend;

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
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * 紹介文: short words a friend writes on a member's profile. Only a current マイミク may write one (one per writer,
 * writing again replaces it); the member and the writer may delete it; it goes when the friendship ends.
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

    protected Introductions() {}

    public Introductions(Database database, FriendGraph graph, AccessPolicy policy) {
        this.database = database;
        this.graph = graph;
        this.policy = policy;
    }

    /** An introduction of {@code memberId} by {@code writerId}. */
    public record Introduction(long memberId, long writerId, String body, Instant writtenAt) {}

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
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, member);
                ps.setLong(2, writer);
                ps.setString(3, text);
                ps.setTimestamp(4, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
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
        List<Introduction> all = database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select writer_id, body, written_at from introduction"
                    + " where member_id = ? order by written_at desc, writer_id")) {
                ps.setLong(1, member);
                List<Introduction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Introduction(
                                member,
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
                return out;
            }
        });
        return all.stream()
                .filter(i -> policy.canInteract(viewer, i.writerId()))
                .toList();
    }

    /** The writer's current introduction of the member, if any. */
    public java.util.Optional<Introduction> find(long member, long writer) {
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
                return ps.executeUpdate();
            }
        }));
    }

    /** Removes a pair's introductions outside CDI (tests, and callers that end friendships without events). */
    public void friendshipEnded(FriendshipEnded ended) {
        onFriendshipEnded(ended);
    }
}

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * マイミク: asking, approving, rejecting, ending, and blocking. Every change about a pair of members first locks both
 * member rows (in id order), so concurrent changes to one pair run one after another: when both ask each other at
 * once, the second request finds the first and they simply become friends.
 */
@ApplicationScoped
public class FriendService {

    /** Longest message that may come with a request. */
    public static final int MESSAGE_MAX = 500;

    /** A request as the pages show it. */
    public record Request(long id, long fromId, long toId, String nickname, String message, Instant createdAt) {}

    /** A member in a list: id and nickname. */
    public record Friend(long id, String nickname) {}

    /** What a change did: {@code ok} with a message for the member, or a refusal. */
    public record Outcome(boolean ok, String message) {
        static Outcome ok(String message) {
            return new Outcome(true, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }

    @Inject
    Database database;

    @Inject
    MemberService members;

    @Inject
    FriendGraph graph;

    @Inject
    AccessPolicy access;

    @Inject
    Event<FriendshipEnded> ended;

    private static final String REQUESTS = "friend-requests";

    /** Pending requests to each member, for the home page (issue 9); dropped whenever a request to them comes or goes. */
    private ReadCache<Long, Integer> incoming;

    protected FriendService() {}

    @PostConstruct
    void init() {
        incoming = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
        database.changes().subscribe(REQUESTS, incoming::invalidate);
        database.changes().onReset(incoming::clear);
    }

    public FriendService(
            Database database,
            MemberService members,
            FriendGraph graph,
            AccessPolicy access,
            Event<FriendshipEnded> ended) {
        this.database = database;
        this.members = members;
        this.graph = graph;
        this.access = access;
        this.ended = ended;
        init();
    }

    /** {@code from} asks {@code to} to become マイミク; if {@code to} has already asked {@code from}, they become friends. */
    public Outcome request(long from, long to, String message) {
        String text = message == null ? "" : message.strip();
        if (text.codePointCount(0, text.length()) > MESSAGE_MAX) {
            return Outcome.refused("メッセージは" + MESSAGE_MAX + "文字までです。");
        }
        if (from == to) {
            return Outcome.refused("自分自身にはマイミク申請できません。");
        }
        return database.tx(em -> {
            members.lock(from, to);
            if (!access.canInteract(from, to)) {
                return Outcome.refused("このメンバーにはマイミク申請できません。");
            }
            if (graph.areFriends(from, to)) {
                return Outcome.refused("すでにマイミクです。");
            }
            return database.jdbc(c -> {
                Long reverse = requestId(c, to, from);
                if (reverse != null) {
                    befriend(c, from, to);
                    return Outcome.ok("マイミクになりました。");
                }
                if (requestId(c, from, to) != null) {
                    return Outcome.refused("すでに申請しています。承認をお待ちください。");
                }
                database.changes().publish(REQUESTS, to);
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into friend_request (from_id, to_id, message, created_at) values (?, ?, ?, ?)")) {
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                    ps.setString(3, text.isEmpty() ? null : text);
                    ps.setTimestamp(4, Timestamp.from(Clock.now()));
                    ps.executeUpdate();
                }
                return Outcome.ok("マイミク申請を送りました。承認されるとマイミクになります。");
            });
        });
    }

    /** The addressee approves a request; the two become friends. */
    public Outcome approve(long me, long requestId) {
        return decide(me, requestId, true);
    }

    /** The addressee rejects a request; the asker is not told. */
    public Outcome reject(long me, long requestId) {
        return decide(me, requestId, false);
    }

    private Outcome decide(long me, long requestId, boolean approve) {
        Request r = find(requestId);
        if (r == null || r.toId() != me) {
            return Outcome.refused("この申請はすでに処理されたか、見つかりません。");
        }
        return database.tx(em -> {
            members.lock(r.fromId(), me);
            return database.jdbc(c -> {
                if (requestId(c, r.fromId(), me) == null) {
                    return Outcome.refused("この申請はすでに処理されたか、見つかりません。");
                }
                if (!approve) {
                    deleteRequests(c, r.fromId(), me);
                    return Outcome.ok("申請をお断りしました。");
                }
                if (!access.canInteract(me, r.fromId())) {
                    deleteRequests(c, r.fromId(), me);
                    return Outcome.refused("このメンバーとはマイミクになれません。");
                }
                befriend(c, me, r.fromId());
                return Outcome.ok("マイミクになりました。");
            });
        });
    }

    /** Ends a friendship, from either side. */
    public Outcome end(long me, long friend) {
        return database.tx(em -> {
            members.lock(me, friend);
            if (!graph.areFriends(me, friend)) {
                return Outcome.refused("マイミクではありません。");
            }
            database.jdbc(c -> {
                unfriend(c, me, friend);
                return null;
            });
            ended.fire(new FriendshipEnded(me, friend));
            return Outcome.ok("マイミクを解除しました。");
        });
    }

    /** {@code me} blocks {@code other}: any friendship and pending requests between them end. */
    public Outcome block(long me, long other) {
        if (me == other || members.find(other).isEmpty()) {
            return Outcome.refused("このメンバーはブロックできません。");
        }
        return database.tx(em -> {
            members.lock(me, other);
            if (graph.hasBlocked(me, other)) {
                return Outcome.refused("すでにブロックしています。");
            }
            boolean wereFriends = graph.areFriends(me, other);
            database.jdbc(c -> {
                deleteRequests(c, me, other);
                if (wereFriends) {
                    unfriend(c, me, other);
                }
                graph.blocksChanged(me, other);
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into member_block (blocker_id, blocked_id, created_at) values (?, ?, ?)")) {
                    ps.setLong(1, me);
                    ps.setLong(2, other);
                    ps.setTimestamp(3, Timestamp.from(Clock.now()));
                    ps.executeUpdate();
                }
                return null;
            });
            if (wereFriends) {
                ended.fire(new FriendshipEnded(me, other));
            }
            return Outcome.ok("ブロックしました。相手はあなたのページを見られず、申請やコメントもできません。");
        });
    }

    public Outcome unblock(long me, long other) {
        int removed = database.tx(em -> database.jdbc(c -> {
            graph.blocksChanged(me, other);
            try (PreparedStatement ps =
                    c.prepareStatement("delete from member_block where blocker_id = ? and blocked_id = ?")) {
                ps.setLong(1, me);
                ps.setLong(2, other);
                return ps.executeUpdate();
            }
        }));
        return removed > 0 ? Outcome.ok("ブロックを解除しました。") : Outcome.refused("ブロックしていません。");
    }

    /** Requests addressed to me, newest first. */
    public List<Request> incoming(long me) {
        return requests("to_id", me, true);
    }

    /** Requests I sent that wait for an answer, newest first. */
    public List<Request> outgoing(long me) {
        return requests("from_id", me, false);
    }

    public int incomingCount(long me) {
        if (!database.inTransaction()) {
            return incoming.get(me, this::countIncoming);
        }
        return countIncoming(me);
    }

    private int countIncoming(long me) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from friend_request where to_id = ?")) {
                ps.setLong(1, me);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** A page of the member's friends by nickname order; {@code limit + 1} are read so callers can tell a next page. */
    public List<Friend> friends(long member, int offset, int limit) {
        return named(graph.friendIds(member), offset, limit);
    }

    public int friendsCount(long member) {
        return graph.friendCount(member);
    }

    /** Members I have blocked. */
    public List<Friend> blocked(long me) {
        List<Long> ids = database.jdbc(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select blocked_id from member_block where blocker_id = ? order by created_at desc")) {
                ps.setLong(1, me);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        return named(ids, 0, Integer.MAX_VALUE);
    }

    private List<Friend> named(List<Long> ids, int offset, int limit) {
        Map<Long, String> names = members.nicknames(ids);
        return ids.stream()
                .filter(names::containsKey)
                .map(id -> new Friend(id, names.get(id)))
                .sorted((a, b) -> a.nickname().compareTo(b.nickname()))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    Request find(long requestId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, from_id, to_id, message, created_at from friend_request where id = ?")) {
                ps.setLong(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? request(rs) : null;
                }
            }
        });
    }

    private List<Request> requests(String column, long me, boolean showSender) {
        List<Request> raw = database.jdbc(c -> {
            List<Request> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, from_id, to_id, message, created_at"
                    + " from friend_request where " + column + " = ? order by created_at desc, id desc")) {
                ps.setLong(1, me);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(request(rs));
                    }
                }
            }
            return out;
        });
        Map<Long, String> names = members.nicknames(
                raw.stream().map(r -> showSender ? r.fromId() : r.toId()).toList());
        return raw.stream()
                .map(r -> new Request(
                        r.id(),
                        r.fromId(),
                        r.toId(),
                        names.getOrDefault(showSender ? r.fromId() : r.toId(), "(退会したメンバー)"),
                        r.message(),
                        r.createdAt()))
                .toList();
    }

    /** A request row (id, from_id, to_id, message, created_at), without the nickname. */
    private static Request request(ResultSet rs) throws SQLException {
        return new Request(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                null,
                rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    private static Long requestId(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select id from friend_request where from_id = ? and to_id = ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private void befriend(Connection c, long a, long b) throws SQLException {
        graph.friendshipChanged(a, b);
        deleteRequests(c, a, b);
        Timestamp now = Timestamp.from(Clock.now());
        try (PreparedStatement ps =
                c.prepareStatement("insert into friendship (member_id, friend_id, created_at) values (?, ?, ?)")) {
            for (long[] pair : new long[][] {{a, b}, {b, a}}) {
                ps.setLong(1, pair[0]);
                ps.setLong(2, pair[1]);
                ps.setTimestamp(3, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void unfriend(Connection c, long a, long b) throws SQLException {
        graph.friendshipChanged(a, b);
        try (PreparedStatement ps = c.prepareStatement(
                "delete from friendship where (member_id = ? and friend_id = ?) or (member_id = ? and friend_id = ?)")) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.setLong(3, b);
            ps.setLong(4, a);
            ps.executeUpdate();
        }
    }

    private void deleteRequests(Connection c, long a, long b) throws SQLException {
        database.changes().publish(REQUESTS, a, b);
        try (PreparedStatement ps = c.prepareStatement(
                "delete from friend_request where (from_id = ? and to_id = ?) or (from_id = ? and to_id = ?)")) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            ps.setLong(3, b);
            ps.setLong(4, a);
            ps.executeUpdate();
        }
    }
}

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * マイミク: asking, approving, rejecting, ending, and blocking. Every change about a pair of members first locks both
 * member rows (in id order), so concurrent changes to one pair run one after another: when both ask each other at
 * once, the second request finds the first and they simply become friends. The tables are {@link RequestStore}'s and
 * {@link FriendStore}'s; the home page's count of waiting requests comes from {@link FriendFeed}.
 */
@ApplicationScoped
public class FriendService {

    /** Longest message that may come with a request. */
    public static final int MESSAGE_MAX = 500;

    /** A request as the pages show it. */
    public record Request(long id, long fromId, long toId, String nickname, String message, Instant createdAt) {}

    /** A member in a list: id and nickname. */
    public record Friend(long id, String nickname) {}

    /** What a change did inside its transaction: a notice for the member, or a refusal thrown once it has ended. */
    private record Outcome(boolean ok, String message) {
        static Outcome ok(String message) {
            return new Outcome(true, message);
        }

        static Outcome refused(String message) {
            return new Outcome(false, message);
        }

        String notice() {
            if (!ok) {
                throw new Refused(message);
            }
            return message;
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

    @Inject
    FriendFeed feed;

    private RequestStore requests;
    private FriendStore friendships;

    protected FriendService() {}

    @PostConstruct
    void init() {
        requests = new RequestStore(database);
        friendships = new FriendStore(database);
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
        this.feed = new FriendFeed(database);
        init();
    }

    /** {@code from} asks {@code to} to become マイミク; if {@code to} has already asked {@code from}, they become friends. */
    public String request(long from, long to, String message) {
        String text = message == null ? "" : message.strip();
        if (text.codePointCount(0, text.length()) > MESSAGE_MAX) {
            throw new Refused("メッセージは" + MESSAGE_MAX + "文字までです。");
        }
        if (from == to) {
            throw new Refused("自分自身にはマイミク申請できません。");
        }
        return database.tx(em -> {
                    members.lock(from, to);
                    if (!access.canInteract(from, to)) {
                        return Outcome.refused("このメンバーにはマイミク申請できません。");
                    }
                    if (graph.areFriends(from, to)) {
                        return Outcome.refused("すでにマイミクです。");
                    }
                    if (requests.id(to, from) != null) {
                        befriend(from, to);
                        return Outcome.ok("マイミクになりました。");
                    }
                    if (requests.id(from, to) != null) {
                        return Outcome.refused("すでに申請しています。承認をお待ちください。");
                    }
                    database.changes().publish(FriendFeed.REQUESTS, to);
                    requests.add(from, to, text.isEmpty() ? null : text, Clock.now());
                    return Outcome.ok("マイミク申請を送りました。承認されるとマイミクになります。");
                })
                .notice();
    }

    /** The addressee approves a request; the two become friends. */
    public String approve(long me, long requestId) {
        return decide(me, requestId, true).notice();
    }

    /** The addressee rejects a request; the asker is not told. */
    public String reject(long me, long requestId) {
        return decide(me, requestId, false).notice();
    }

    private Outcome decide(long me, long requestId, boolean approve) {
        Request r = find(requestId);
        if (r == null || r.toId() != me) {
            return Outcome.refused("この申請はすでに処理されたか、見つかりません。");
        }
        return database.tx(em -> {
            members.lock(r.fromId(), me);
            if (requests.id(r.fromId(), me) == null) {
                return Outcome.refused("この申請はすでに処理されたか、見つかりません。");
            }
            if (!approve) {
                deleteRequests(r.fromId(), me);
                return Outcome.ok("申請をお断りしました。");
            }
            if (!access.canInteract(me, r.fromId())) {
                deleteRequests(r.fromId(), me);
                return Outcome.refused("このメンバーとはマイミクになれません。");
            }
            befriend(me, r.fromId());
            return Outcome.ok("マイミクになりました。");
        });
    }

    /** Ends a friendship, from either side. */
    public String end(long me, long friend) {
        return database.tx(em -> {
                    members.lock(me, friend);
                    if (!graph.areFriends(me, friend)) {
                        return Outcome.refused("マイミクではありません。");
                    }
                    unfriend(me, friend);
                    ended.fire(new FriendshipEnded(me, friend));
                    return Outcome.ok("マイミクを解除しました。");
                })
                .notice();
    }

    /** {@code me} blocks {@code other}: any friendship and pending requests between them end. */
    public String block(long me, long other) {
        if (me == other || members.find(other).isEmpty()) {
            throw new Refused("このメンバーはブロックできません。");
        }
        return database.tx(em -> {
                    members.lock(me, other);
                    if (graph.hasBlocked(me, other)) {
                        return Outcome.refused("すでにブロックしています。");
                    }
                    boolean wereFriends = graph.areFriends(me, other);
                    deleteRequests(me, other);
                    if (wereFriends) {
                        unfriend(me, other);
                    }
                    graph.blocksChanged(me, other);
                    friendships.block(me, other, Clock.now());
                    if (wereFriends) {
                        ended.fire(new FriendshipEnded(me, other));
                    }
                    return Outcome.ok("ブロックしました。相手はあなたのページを見られず、申請やコメントもできません。");
                })
                .notice();
    }

    public String unblock(long me, long other) {
        boolean removed = database.tx(em -> {
            graph.blocksChanged(me, other);
            return friendships.unblock(me, other);
        });
        if (!removed) {
            throw new Refused("ブロックしていません。");
        }
        return "ブロックを解除しました。";
    }

    /** Requests addressed to me, newest first. */
    public List<Request> incoming(long me) {
        return named(requests.to(me), true);
    }

    /** Requests I sent that wait for an answer, newest first. */
    public List<Request> outgoing(long me) {
        return named(requests.from(me), false);
    }

    public int incomingCount(long me) {
        return feed.incomingCount(me);
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
        return named(friendships.blockedBy(me), 0, Integer.MAX_VALUE);
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
        return requests.find(requestId);
    }

    /** The requests with the other member's nickname (the sender's, or the addressee's). */
    private List<Request> named(List<Request> raw, boolean showSender) {
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

    private void befriend(long a, long b) {
        graph.friendshipChanged(a, b);
        deleteRequests(a, b);
        friendships.befriend(a, b, Clock.now());
    }

    private void unfriend(long a, long b) {
        graph.friendshipChanged(a, b);
        friendships.unfriend(a, b);
    }

    private void deleteRequests(long a, long b) {
        database.changes().publish(FriendFeed.REQUESTS, a, b);
        requests.deleteBetween(a, b);
    }
}

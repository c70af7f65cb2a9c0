package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveEvents;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

/**
 * マイミク: asking, approving, rejecting, ending, and blocking. Every change about a pair of members first locks both
 * member rows (in id order), so concurrent changes to one pair run one after another: when both ask each other at
 * once, the second request finds the first and they simply become friends. The tables are {@link RequestStore}'s and
 * {@link FriendStore}'s; the home page's count of waiting requests comes from {@link FriendFeed}.
 *
 * <p>Each change returns its notice for the member or throws {@link Refused} with the reason. A refusal inside a
 * transaction comes before anything is written, so rolling it back loses nothing; the one refusal that follows a write
 * (approving a member one can no longer deal with deletes the request) is thrown once the transaction has committed.
 */
@ApplicationScoped
public class FriendService {

    /** Longest message that may come with a request. */
    public static final int MESSAGE_MAX = 500;

    /** A request as the pages show it. */
    public record Request(long id, long fromId, long toId, String nickname, String message, Instant createdAt) {}

    /** A member in a list: id and nickname. */
    public record Friend(long id, String nickname) {}

    private static final String REQUEST_GONE = "この申請はすでに処理されたか、見つかりません。";

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

    @Inject
    LiveEvents live;

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
        this.feed = new FriendFeed(database, members);
        this.live = new LiveEvents(database);
        init();
    }

    /** {@code from} asks {@code to} to become マイミク; if {@code to} has already asked {@code from}, they become friends. */
    public String request(long from, long to, String message) {
        String text = message == null ? "" : message.strip();
        FormCheck.check(new FriendForm.Request(text));
        if (from == to) {
            throw new Refused("自分自身にはマイミク申請できません。");
        }
        return database.tx(em -> {
            members.lock(from, to);
            if (!access.canInteract(from, to)) {
                throw new Refused("このメンバーにはマイミク申請できません。");
            }
            if (graph.areFriends(from, to)) {
                throw new Refused("すでにマイミクです。");
            }
            if (requests.id(to, from) != null) {
                befriend(from, to);
                return "マイミクになりました。";
            }
            if (requests.id(from, to) != null) {
                throw new Refused("すでに申請しています。承認をお待ちください。");
            }
            database.changes().publish(FriendFeed.REQUESTS, to);
            requests.add(from, to, text.isEmpty() ? null : text, Clock.now());
            live.record(LiveEvent.REQUEST, from, to, null);
            return "マイミク申請を送りました。承認されるとマイミクになります。";
        });
    }

    /** The addressee approves a request; the two become friends. */
    public String approve(long me, long requestId) {
        Request r = pending(me, requestId);
        boolean befriended = database.tx(em -> {
            members.lock(r.fromId(), me);
            if (requests.id(r.fromId(), me) == null) {
                throw new Refused(REQUEST_GONE);
            }
            if (!access.canInteract(me, r.fromId())) {
                deleteRequests(r.fromId(), me);
                return false;
            }
            befriend(me, r.fromId());
            return true;
        });
        if (!befriended) {
            // thrown once the transaction has committed: the request goes even though the approval is refused
            throw new Refused("このメンバーとはマイミクになれません。");
        }
        return "マイミクになりました。";
    }

    /** The addressee rejects a request; the asker is not told. */
    public String reject(long me, long requestId) {
        Request r = pending(me, requestId);
        database.run(em -> {
            members.lock(r.fromId(), me);
            if (requests.id(r.fromId(), me) == null) {
                throw new Refused(REQUEST_GONE);
            }
            deleteRequests(r.fromId(), me);
        });
        return "申請をお断りしました。";
    }

    /** The request, when it is addressed to {@code me}; else throws {@link Refused}. */
    private Request pending(long me, long requestId) {
        Request r = find(requestId);
        if (r == null || r.toId() != me) {
            throw new Refused(REQUEST_GONE);
        }
        return r;
    }

    /** Ends a friendship, from either side. */
    public String end(long me, long friend) {
        return database.tx(em -> {
            members.lock(me, friend);
            if (!graph.areFriends(me, friend)) {
                throw new Refused("マイミクではありません。");
            }
            unfriend(me, friend);
            ended.fire(new FriendshipEnded(me, friend));
            return "マイミクを解除しました。";
        });
    }

    /** {@code me} blocks {@code other}: any friendship and pending requests between them end. */
    public String block(long me, long other) {
        if (me == other || members.find(other).isEmpty()) {
            throw new Refused("このメンバーはブロックできません。");
        }
        return database.tx(em -> {
            members.lock(me, other);
            if (graph.hasBlocked(me, other)) {
                throw new Refused("すでにブロックしています。");
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
            return "ブロックしました。相手はあなたのページを見られず、申請やコメントもできません。";
        });
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

    /** Requests addressed to me by active members, newest first. */
    public List<Request> incoming(long me) {
        return named(requests.to(me), true);
    }

    /** Requests I sent to active members that wait for an answer, newest first. */
    public List<Request> outgoing(long me) {
        return named(requests.from(me), false);
    }

    /**
     * The member as the viewer may see them on a confirmation page (asking for マイミク, blocking, ending a friendship):
     * empty when there is no such member, when they are suspended or withdrawn, or when they have blocked the viewer —
     * the page then shows nothing about them. (The viewer's own blocks do not hide the member from the viewer.)
     */
    public java.util.Optional<jp.keitai.sns.member.MemberSummary> shownTo(long viewer, long member) {
        if (viewer != member && (!members.isActive(member) || graph.hasBlocked(member, viewer))) {
            return java.util.Optional.empty();
        }
        return members.find(member);
    }

    /** Whether {@code from}'s マイミク申請 to {@code to} still waits for an answer. */
    boolean isPending(long from, long to) {
        return requests.id(from, to) != null;
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

    /**
     * The requests with the other member's nickname (the sender's, or the addressee's); those whose other member is
     * suspended or withdrawn are left out (they wait, and show again if a suspension is lifted).
     */
    private List<Request> named(List<Request> raw, boolean showSender) {
        java.util.Set<Long> active = members.activeAmong(
                raw.stream().map(r -> showSender ? r.fromId() : r.toId()).toList());
        raw = raw.stream()
                .filter(r -> active.contains(showSender ? r.fromId() : r.toId()))
                .toList();
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

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

/**
 * 紹介文: short words a friend writes on a member's profile. Only a current マイミク may write one (one per writer,
 * writing again replaces it); the member and the writer may delete it; it goes when the friendship ends.
 *
 * <p>Each member's introductions are read from memory ({@link FriendFeed}), dropped on every node by each write here;
 * who may read which is decided on every read (blocks, writers' status and nicknames from memory too). The table is
 * {@link IntroductionStore}'s.
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

    @Inject
    FriendFeed feed;

    private IntroductionStore store;

    protected Introductions() {}

    public Introductions(Database database, FriendGraph graph, AccessPolicy policy, MemberService members) {
        this.members = members;
        this.database = database;
        this.graph = graph;
        this.policy = policy;
        this.feed = new FriendFeed(database);
        init();
    }

    @PostConstruct
    void init() {
        store = new IntroductionStore(database);
    }

    /** An introduction of {@code memberId} by {@code writerId} (whose nickname is {@code writer} in lists). */
    public record Introduction(long memberId, long writerId, String writer, String body, Instant writtenAt) {}

    /**
     * Writes (or rewrites) the writer's introduction of the member (stripped).
     *
     * @throws Refused with the reason in Japanese: a blank or too long text, a writer who is not the member's マイミク
     */
    public void write(long writer, long member, String body) {
        String text = body == null ? "" : body.strip();
        FormCheck.check(new FriendForm.Introduction(text));
        if (writer == member || !policy.canInteract(writer, member) || !graph.areFriends(writer, member)) {
            throw new Refused("紹介文を書けるのはマイミクだけです。");
        }
        Instant now = Clock.now();
        database.run(em -> {
            store.save(member, writer, text, now);
            database.changes().publish(FriendFeed.INTRODUCTIONS, member);
        });
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
        List<Introduction> all = feed.introductionsOf(member);
        // the same rule as AccessPolicy.canInteract(viewer, writer), for all writers at once (from memory when warm)
        if (all.isEmpty()) {
            return List.of();
        }
        Set<Long> blocked = graph.blockedEitherWay(viewer);
        List<Long> writerIds = all.stream().map(Introduction::writerId).toList();
        Set<Long> active = members.activeAmong(writerIds);
        Map<Long, String> names = members.nicknames(writerIds);
        return all.stream()
                .filter(i -> i.writerId() == viewer || !blocked.contains(i.writerId()))
                .filter(i -> i.writerId() == viewer || active.contains(i.writerId()))
                .filter(i -> names.containsKey(i.writerId()))
                .map(i ->
                        new Introduction(i.memberId(), i.writerId(), names.get(i.writerId()), i.body(), i.writtenAt()))
                .toList();
    }

    /** The writer's current introduction of the member, if any. */
    public Optional<Introduction> find(long member, long writer) {
        return feed.introduction(member, writer);
    }

    /** When a friendship ends, both sides' introductions of each other go, in the same transaction. */
    void onFriendshipEnded(@Observes FriendshipEnded ended) {
        remove(ended.a(), ended.b());
        remove(ended.b(), ended.a());
    }

    private int remove(long member, long writer) {
        return database.tx(em -> {
            int n = store.delete(member, writer);
            if (n > 0) {
                database.changes().publish(FriendFeed.INTRODUCTIONS, member);
            }
            return n;
        });
    }

    /** Removes a pair's introductions outside CDI (tests, and callers that end friendships without events). */
    public void friendshipEnded(FriendshipEnded ended) {
        onFriendshipEnded(ended);
    }
}

package jp.keitai.sns.friend;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.access.ActiveMembers;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * What the hot pages read of マイミク besides the graph ({@link FriendGraph} keeps that): the number of requests waiting
 * for each member (the home page) and each member's 紹介文 (the profile). Kept in memory, the only place outside the
 * graph that is, and dropped on every node through {@code system.Changes} ({@link #REQUESTS} and
 * {@link #INTRODUCTIONS}, published by the services in the transaction that writes). Inside a transaction every answer
 * is read from the database.
 */
@ApplicationScoped
public class FriendFeed {

    /** The topic of a member's incoming requests. */
    static final String REQUESTS = "friend-requests";
    /** The topic of a member's introductions. */
    static final String INTRODUCTIONS = "introductions";

    @Inject
    Database database;

    @Inject
    ActiveMembers members;

    private RequestStore requests;
    private IntroductionStore introductions;
    /**
     * The senders of the requests waiting for each member, ascending. Kept as ids, not as a count, so that whether
     * each sender is still active is asked at the time (a suspension counts at once, without dropping this).
     */
    private ReadCache<Long, long[]> incoming;
    /** Introductions of each member (writer nickname left empty), newest first. */
    private ReadCache<Long, List<Introductions.Introduction>> byMember;

    protected FriendFeed() {}

    /** Wired by hand (tests), with a member directory of its own. */
    public FriendFeed(Database database) {
        this(database, new MemberService(database));
    }

    public FriendFeed(Database database, ActiveMembers members) {
        this.database = database;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        requests = new RequestStore(database);
        introductions = new IntroductionStore(database);
        incoming = ReadCache.ofIds(CacheSize.MEMBERS.get());
        byMember = ReadCache.ofIds(CacheSize.PROFILES.get());
        database.changes().subscribe(REQUESTS, incoming::invalidate);
        database.changes().subscribe(INTRODUCTIONS, byMember::invalidate);
        database.changes().onReset(() -> {
            incoming.clear();
            byMember.clear();
        });
    }

    /** Requests waiting for the member's answer from active members (neither suspended nor withdrawn). */
    public int incomingCount(long member) {
        long[] senders =
                database.inTransaction() ? requests.sendersTo(member) : incoming.get(member, requests::sendersTo);
        return members.active(senders).length;
    }

    /** The member's introductions, newest first, writers' nicknames left empty. */
    List<Introductions.Introduction> introductionsOf(long member) {
        if (database.inTransaction()) {
            return introductions.of(member);
        }
        return byMember.get(member, introductions::of);
    }

    /** The writer's introduction of the member, if any (nickname left empty). */
    Optional<Introductions.Introduction> introduction(long member, long writer) {
        if (database.inTransaction()) {
            return introductions.find(member, writer);
        }
        return introductionsOf(member).stream()
                .filter(i -> i.writerId() == writer)
                .findFirst();
    }
}

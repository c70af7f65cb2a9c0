package jp.keitai.sns.community;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * What topic pages read of communities, kept in memory; the only class in {@code community} that caches. Four copies,
 * each dropped on every node through {@code system.Changes} when its rows change (the stores publish on every write,
 * so no write path can forget):
 *
 * <ul>
 *   <li>each community's row, by community id ({@link #COMMUNITY_TOPIC});
 *   <li>each member's standings in all their communities, by member id ({@link #MEMBERSHIP_TOPIC}): read rights
 *       ({@link CommunityMembers}) and the topic page ask for it on every view;
 *   <li>each topic's page rows — the topic, its photos, its first attendees, with its text already cut into
 *       segments — by topic id ({@link #TOPIC_TOPIC}: any change to the topic, its comments, photos or 参加 answers);
 *       and apart from them the pages of its comments read so far, each kept for the rows it was read with, so a
 *       page of rows that were dropped is never served again. Both are bounded by their text's estimated bytes
 *       ({@code sns.cache.topics-mb} each) as well as by count: a topic may have thousands of long comments;
 *   <li>each member's posting secrets, by member id ({@link #SECRET_TOPIC});
 *   <li>each community's most recently active topics, by community id ({@link #RECENT_TOPIC}): the home page's
 *       section merges them for the member's communities.
 * </ul>
 *
 * Only rows are kept: who may read them, which writers' comments the viewer may see (blocks, suspended writers) and
 * nicknames are the caller's questions, asked on every view. Inside a transaction every answer comes from the
 * database.
 */
@ApplicationScoped
public class CommunityFeed {

    static final String COMMUNITY_TOPIC = "community";
    static final String MEMBERSHIP_TOPIC = "community-member";
    static final String TOPIC_TOPIC = "community-topic";
    static final String SECRET_TOPIC = "community-secret";
    /** A community's most recently active topics changed (new topic, comment, title, hidden, deleted): its id. */
    static final String RECENT_TOPIC = "community-recent";
    /** Topics kept per community for the home page's section. */
    static final int RECENT = 10;
    /** Attendees an event page lists. */
    static final int ATTENDEES = 200;

    /** A line of the home section as kept: no body (topics' bodies may be long; the section shows titles). */
    record RecentTopic(long id, long communityId, String title, int commentCount, java.time.Instant lastActivityAt) {
        static RecentTopic of(Topic t) {
            return new RecentTopic(t.id(), t.communityId(), t.title(), t.commentCount(), t.lastActivityAt());
        }
    }

    /** A comment as every viewer's page starts from it; who may see it is decided per view. */
    record CommentLine(
            int number,
            long authorId,
            String when,
            List<TopicViews.Segment> segments,
            List<Integer> photos,
            boolean deleted,
            boolean hidden,
            boolean viaMail) {}

    /**
     * A topic's rows as its page shows them (its comments are kept apart, per page: {@link KeptPage}); {@code read}
     * numbers each load of them on this node.
     */
    record TopicRows(
            Topic topic,
            String when,
            List<TopicViews.Segment> body,
            List<Integer> photos,
            List<Long> attendees,
            long read) {}

    /**
     * A page of a topic's comments, kept for the rows it was read with (their {@link TopicRows#read}): other rows of
     * the topic do not use it. By number, not by reference, so a kept page does not hold dropped rows in memory.
     */
    record KeptPage(long rows, List<CommentLine> lines) {}

    /** Numbers the loads of topic rows ({@link TopicRows#read}). */
    private static final AtomicLong READS = new AtomicLong();

    /** Pages of a topic beyond this are read every time (a key holds the page number in its low bits). */
    static final int KEPT_PAGES = 1 << 12;

    @Inject
    Database database;

    @Inject
    CommunityStore communities;

    @Inject
    TopicStore topics;

    @Inject
    CommunityMailStore mail;

    private ReadCache<Long, Community> byCommunity;
    private ReadCache<Long, Map<Long, CommunityStanding>> standings;
    private ReadCache<Long, TopicRows> byTopic;
    private ReadCache<Long, KeptPage> commentPages;
    private ReadCache<Long, Map<Long, String>> secrets;
    private ReadCache<Long, List<RecentTopic>> recent;

    protected CommunityFeed() {}

    CommunityFeed(Database database, CommunityStore communities, TopicStore topics, CommunityMailStore mail) {
        this.database = database;
        this.communities = communities;
        this.topics = topics;
        this.mail = mail;
        init();
    }

    @PostConstruct
    void init() {
        byCommunity = ReadCache.ofIds(CacheSize.DIARIES.get());
        standings = ReadCache.ofIds(CacheSize.MEMBERS.get());
        long topicBytes = CacheSize.TOPICS_MB.get() * 1024L * 1024L;
        byTopic = ReadCache.<TopicRows>ofIds(CacheSize.DIARIES.get(), topicBytes, CommunityFeed::bytesOf);
        commentPages = ReadCache.<KeptPage>ofIds(CacheSize.DIARIES.get(), topicBytes, CommunityFeed::bytesOf);
        secrets = ReadCache.ofIds(CacheSize.MEMBERS.get());
        recent = ReadCache.ofIds(CacheSize.DIARIES.get());
        database.changes().subscribe(COMMUNITY_TOPIC, byCommunity::invalidate);
        database.changes().subscribe(RECENT_TOPIC, recent::invalidate);
        database.changes().subscribe(MEMBERSHIP_TOPIC, standings::invalidate);
        database.changes().subscribe(TOPIC_TOPIC, byTopic::invalidate);
        database.changes().subscribe(SECRET_TOPIC, secrets::invalidate);
        database.changes().onReset(() -> {
            byCommunity.clear();
            standings.clear();
            byTopic.clear();
            commentPages.clear();
            secrets.clear();
            recent.clear();
        });
    }

    /** The community's row. */
    Optional<Community> community(long id) {
        if (database.inTransaction()) {
            return communities.find(id);
        }
        return Optional.ofNullable(byCommunity.get(id, k -> communities.find(k).orElse(null)));
    }

    /** The member's standing in the community ({@code NONE} without a row). */
    CommunityStanding standing(long community, long member) {
        if (database.inTransaction()) {
            return communities.standing(community, member);
        }
        return standings(member).getOrDefault(community, CommunityStanding.NONE);
    }

    /** The member's standing in each community they have a row in (member, pending, banned, …). */
    Map<Long, CommunityStanding> standings(long member) {
        if (database.inTransaction()) {
            return communities.standings(member);
        }
        return standings.get(member, m -> Map.copyOf(communities.standings(m)));
    }

    /** The community's {@link #RECENT} most recently active topics, hidden ones left out. */
    List<RecentTopic> recentTopics(long community) {
        if (database.inTransaction()) {
            return loadRecent(community);
        }
        return recent.get(community, this::loadRecent);
    }

    private List<RecentTopic> loadRecent(long community) {
        return topics.newest(community, RECENT, 0).stream().map(RecentTopic::of).toList();
    }

    /** The topic's row. */
    Optional<Topic> topic(long id) {
        return rows(id).map(TopicRows::topic);
    }

    /** The topic's page rows (a fresh, unkept copy inside a transaction). */
    Optional<TopicRows> rows(long id) {
        if (database.inTransaction()) {
            return Optional.ofNullable(loadTopic(id));
        }
        return Optional.ofNullable(byTopic.get(id, this::loadTopic));
    }

    /** Comments numbered {@code from} to {@code to} of the topic, as page {@code page} holds them. */
    List<CommentLine> comments(TopicRows t, int page, int from, int to) {
        long id = t.topic().id();
        if (page < 0 || page >= KEPT_PAGES || id < 0 || id >= Long.MAX_VALUE / KEPT_PAGES) {
            return readComments(t, from, to);
        }
        return commentPages
                .get(
                        id * KEPT_PAGES + page,
                        kept -> kept.rows() == t.read(),
                        k -> new KeptPage(t.read(), readComments(t, from, to)))
                .lines();
    }

    private List<CommentLine> readComments(TopicRows t, int from, int to) {
        Map<Integer, List<Integer>> photoMap = new HashMap<>();
        for (TopicStore.Photo ph : topics.photos(t.topic().id(), from, to)) {
            photoMap.computeIfAbsent(ph.commentNumber(), k -> new ArrayList<>()).add(ph.position());
        }
        List<CommentLine> lines = new ArrayList<>();
        for (TopicStore.CommentRow r : topics.comments(t.topic().id(), from, to)) {
            lines.add(new CommentLine(
                    r.number(),
                    r.authorId(),
                    CommunityViews.when(r.createdAt()),
                    TopicViews.segments(r.body(), TopicService.PAGE),
                    List.copyOf(photoMap.getOrDefault(r.number(), List.of())),
                    r.deleted(),
                    r.hidden(),
                    r.viaMail()));
        }
        return List.copyOf(lines);
    }

    /**
     * The bytes a kept topic takes, estimated from its text (UTF-16, the raw text and its segments) and a share for
     * its other rows: what {@code sns.cache.topics-mb} counts.
     */
    static int bytesOf(TopicRows t) {
        long bytes = 300
                + 2L * (t.topic().title().length() + t.topic().body().length())
                + segmentBytes(t.body())
                + 8L * t.photos().size()
                + 24L * t.attendees().size();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** {@link #bytesOf(TopicRows)} for a kept page of comments. */
    static int bytesOf(KeptPage p) {
        long bytes = 100;
        for (CommentLine c : p.lines()) {
            bytes += 120 + 8L * c.photos().size() + segmentBytes(c.segments());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long segmentBytes(List<TopicViews.Segment> segments) {
        long bytes = 0;
        for (TopicViews.Segment s : segments) {
            bytes += 64 + 2L * s.text().length();
        }
        return bytes;
    }

    /** The member's posting secret for the topic, if one was issued. */
    Optional<String> secret(long member, long topic) {
        if (database.inTransaction()) {
            return mail.secret(member, topic);
        }
        return Optional.ofNullable(
                secrets.get(member, m -> Map.copyOf(mail.secretsOf(m))).get(topic));
    }

    private TopicRows loadTopic(long id) {
        Optional<Topic> found = topics.find(id);
        if (found.isEmpty()) {
            return null;
        }
        Topic t = found.get();
        List<Integer> photos =
                topics.photos(id, 0, 0).stream().map(TopicStore.Photo::position).toList();
        List<Long> going = t.event() ? List.copyOf(topics.attendees(id, ATTENDEES)) : List.of();
        return new TopicRows(
                t,
                CommunityViews.when(t.createdAt()),
                TopicViews.segments(t.body(), TopicService.PAGE),
                photos,
                going,
                READS.incrementAndGet());
    }

    /** For tests: how many entries each copy holds. */
    Map<String, Long> sizes() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("communities", byCommunity.size());
        out.put("standings", standings.size());
        out.put("topics", byTopic.size());
        out.put("comment pages", commentPages.size());
        out.put("secrets", secrets.size());
        return out;
    }
}

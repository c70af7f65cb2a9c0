package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;

/**
 * What a viewer may read of diaries. Every read takes the viewer and asks {@link AccessPolicy}: single diaries with
 * {@code canSee}, lists and counts with {@code visibleLevels} turned into {@code visibility in (…)}. A diary the viewer
 * may not see is answered exactly like one that does not exist. The hot pages' rows come from {@link DiaryFeed}, and
 * nicknames from the member service's own copy.
 */
@ApplicationScoped
public class DiaryReader {

    public static final int PAGE_SIZE = 10;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    MemberService members;

    @Inject
    PhotoStore photos;

    @Inject
    DiaryStore store;

    @Inject
    DiaryFeed feed;

    protected DiaryReader() {}

    DiaryReader(
            AccessPolicy policy,
            SocialGraph graph,
            MemberService members,
            PhotoStore photos,
            DiaryStore store,
            DiaryFeed feed) {
        this.policy = policy;
        this.graph = graph;
        this.members = members;
        this.photos = photos;
        this.store = store;
        this.feed = feed;
    }

    /** The diary if the viewer (null = guest) may see it. */
    public Optional<Diary> visible(Long viewer, long id) {
        Diary d = feed.diary(id);
        if (d == null || !policy.canSee(viewer, d.getAuthorId(), d.visibility())) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /** A diary's writer and text, for other features (a 通報 keeps them): what {@link #visible} lets through. */
    public record Text(long authorId, String title, String body) {}

    /** The diary's writer and text if the viewer may see it. */
    public Optional<Text> text(Long viewer, long id) {
        return visible(viewer, id).map(d -> new Text(d.getAuthorId(), d.getTitle(), d.getBody()));
    }

    /** A diary's page: text, photos, comments, for a viewer who may see it. */
    public Optional<DiaryViews.Page> page(Long viewer, long id) {
        Optional<Diary> seen = visible(viewer, id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Diary d = seen.get();
        DiaryFeed.PageRows rows = feed.page(d);
        // comments follow the rules of voice replies: none across a block (either way) or by an inactive member
        Set<Long> writers = new HashSet<>();
        rows.comments().forEach(c -> writers.add(c.getAuthorId()));
        Set<Long> reachable = policy.canSeeAmong(viewer, writers, Visibility.EVERYONE);
        Set<Long> names = new HashSet<>(reachable);
        names.add(d.getAuthorId());
        Map<Long, String> nick = members.nicknames(names);
        boolean mine = viewer != null && viewer == d.getAuthorId();
        List<DiaryViews.Comment> shown = rows.comments().stream()
                .filter(c -> reachable.contains(c.getAuthorId()))
                .map(c -> new DiaryViews.Comment(
                        c,
                        nick.getOrDefault(c.getAuthorId(), ""),
                        mine || (viewer != null && c.getAuthorId() == viewer)))
                .toList();
        boolean canComment = viewer != null && policy.canInteract(viewer, d.getAuthorId());
        return Optional.of(
                new DiaryViews.Page(d, nick.getOrDefault(d.getAuthorId(), ""), rows.photos(), shown, mine, canComment));
    }

    /** The diary as JSON data, for a viewer who may see it (the same check as the page). */
    public Optional<Map<String, Object>> json(Long viewer, long id) {
        return page(viewer, id).map(DiaryJson::of);
    }

    /** A served copy of photo {@code position} of a diary, only if the viewer may see the diary. */
    public Optional<PhotoStore.Served> photo(
            Long viewer, long diaryId, int position, PhotoStore.Size size, List<String> formats) {
        if (visible(viewer, diaryId).isEmpty()) {
            return Optional.empty();
        }
        return store.photosOf(diaryId).stream()
                .filter(p -> p.getPosition() == position)
                .findFirst()
                .flatMap(p -> photos.serve(p, size, formats));
    }

    /**
     * A page of the owner's diaries the viewer may see, newest first, optionally one month (yyyymm); empty when the
     * viewer may not deal with the owner at all (a block, a suspended owner).
     */
    public Optional<DiaryViews.ListPage> list(Long viewer, long owner, Integer month, int page) {
        if (!policy.canInteract(viewer, owner)) {
            return Optional.empty();
        }
        Set<Visibility> levels = policy.visibleLevels(viewer, owner);
        String nickname = members.find(owner).map(MemberSummary::nickname).orElse("");
        if (levels.isEmpty()) {
            return Optional.of(new DiaryViews.ListPage(owner, nickname, List.of(), 0, 1, 1, month, List.of()));
        }
        long total = store.count(owner, levels, month);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<DiaryViews.Entry> entries = shownCounts(
                viewer,
                store.page(owner, levels, month, (p - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(d -> new DiaryViews.Entry(d, nickname))
                        .toList());
        List<DiaryViews.Month> months = store.months(owner, levels);
        return Optional.of(new DiaryViews.ListPage(owner, nickname, entries, total, p, pages, month, months));
    }

    /** The owner's latest diaries the viewer may see, newest first (for the profile page). */
    public List<DiaryViews.Entry> latest(Long viewer, long owner, int limit) {
        if (!policy.canInteract(viewer, owner)) {
            return List.of();
        }
        Set<Visibility> allowed = policy.visibleLevels(viewer, owner);
        if (allowed.isEmpty()) {
            return List.of();
        }
        return shownCounts(
                viewer,
                feed.ofAuthor(owner, allowed, limit).stream()
                        .map(l -> new DiaryViews.Entry(l, ""))
                        .toList());
    }

    /**
     * Diaries about a news article that the viewer may see, newest first: the newest {@code scan} about it, each
     * passed through the access policy (one {@code canSeeAmong} per level), at most {@code limit} shown.
     */
    public List<DiaryViews.Entry> aboutNews(Long viewer, long articleId, int limit, int scan) {
        List<Diary> about = store.aboutNews(articleId, scan);
        Map<Visibility, Set<Long>> allowed = new java.util.EnumMap<>(Visibility.class);
        for (Visibility level : Visibility.values()) {
            Set<Long> authors = new HashSet<>();
            about.stream().filter(d -> d.visibility() == level).forEach(d -> authors.add(d.getAuthorId()));
            allowed.put(level, authors.isEmpty() ? Set.of() : policy.canSeeAmong(viewer, authors, level));
        }
        List<Diary> shown = about.stream()
                .filter(d -> allowed.get(d.visibility()).contains(d.getAuthorId()))
                .limit(limit)
                .toList();
        Set<Long> authors = new HashSet<>();
        shown.forEach(d -> authors.add(d.getAuthorId()));
        Map<Long, String> nick = members.nicknames(authors);
        return shownCounts(
                viewer,
                shown.stream()
                        .map(d -> new DiaryViews.Entry(d, nick.getOrDefault(d.getAuthorId(), "")))
                        .toList());
    }

    /** How many of the owner's diaries the viewer may see. */
    public long count(Long viewer, long owner) {
        if (!policy.canInteract(viewer, owner)) {
            return 0;
        }
        Set<Visibility> levels = policy.visibleLevels(viewer, owner);
        return levels.isEmpty() ? 0 : store.count(owner, levels, null);
    }

    /**
     * Friends' latest diaries the viewer may see, newest first. A fixed number of queries whatever the number of
     * friends: from memory the friends' kept lists, or from the database the friend ids, one query over their diaries
     * at the levels a friend may see, then the policy's check per level for the authors shown (at most {@code limit});
     * then their nicknames.
     */
    public List<DiaryViews.Entry> friendsLatest(long viewer, int limit) {
        if (!feed.keeps(limit)) {
            return friendsLatestFromDatabase(viewer, limit);
        }
        // friends see every level but private, so the policy's answer for FRIENDS covers them all
        List<DiaryViews.Line> shown = feed.latest(policy.visibleFriends(viewer), limit);
        Map<Long, String> nick =
                members.nicknames(shown.stream().map(DiaryViews.Line::authorId).toList());
        return shownCounts(
                viewer,
                shown.stream()
                        .map(h -> new DiaryViews.Entry(h, nick.getOrDefault(h.authorId(), "")))
                        .toList());
    }

    private List<DiaryViews.Entry> friendsLatestFromDatabase(long viewer, int limit) {
        List<Long> friends = graph.friendIds(viewer);
        if (friends.isEmpty()) {
            return List.of();
        }
        List<Diary> rows = store.latestOf(friends, AccessPolicy.levelsFor(Relation.FRIEND), limit * 2);
        // the policy answers for all authors at once, per level (at most three): no query per friend
        Set<Long> authors = new LinkedHashSet<>();
        rows.forEach(d -> authors.add(d.getAuthorId()));
        Map<Visibility, Set<Long>> allowed = new EnumMap<>(Visibility.class);
        List<Diary> shown = new ArrayList<>();
        for (Diary d : rows) {
            if (shown.size() == limit) {
                break;
            }
            if (allowed.computeIfAbsent(d.visibility(), level -> policy.canSeeAmong(viewer, authors, level))
                    .contains(d.getAuthorId())) {
                shown.add(d);
            }
        }
        Map<Long, String> nick =
                members.nicknames(shown.stream().map(Diary::getAuthorId).toList());
        return shownCounts(
                viewer,
                shown.stream()
                        .map(d -> new DiaryViews.Entry(d, nick.getOrDefault(d.getAuthorId(), "")))
                        .toList());
    }

    /**
     * The entries with the number of comments the viewer would be shown on each diary's page (none across a block, none
     * by a suspended or withdrawn member): the writers of the listed diaries' comments come from the feed's copy, and
     * the policy answers for all of them at once.
     */
    private List<DiaryViews.Entry> shownCounts(Long viewer, List<DiaryViews.Entry> entries) {
        List<Long> commented = new ArrayList<>();
        for (DiaryViews.Entry e : entries) {
            if (e.getCommentCount() > 0) {
                commented.add(e.getId());
            }
        }
        if (commented.isEmpty()) {
            return entries;
        }
        Map<Long, long[]> writers = feed.commenters(commented);
        Set<Long> all = new HashSet<>();
        writers.values().forEach(ws -> {
            for (long w : ws) {
                all.add(w);
            }
        });
        Set<Long> reachable = policy.canSeeAmong(viewer, all, Visibility.EVERYONE);
        if (reachable.size() == all.size()) {
            return entries;
        }
        return entries.stream()
                .map(e -> {
                    long[] ws = writers.get(e.getId());
                    if (ws == null) {
                        return e;
                    }
                    int n = 0;
                    for (long w : ws) {
                        if (reachable.contains(w)) {
                            n++;
                        }
                    }
                    return e.withCommentCount(n);
                })
                .toList();
    }
}

package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.footprint.Footprints;
import jp.keitai.sns.friend.Introductions;
import jp.keitai.sns.member.AccountService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.testsupport.StatementCounter;
import jp.keitai.sns.testsupport.TestDatabases;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diary pages and profile parts come from memory ({@link DiaryFeed}), and every write drops them. A page read (so
 * cached) and then changed by its owner or a commenter shows the change on the next read, on H2 and PostgreSQL; across
 * two nodes on PostgreSQL once the change notice arrives; what the feed keeps equals what the stores hold; and a warm
 * diary page and a warm profile read no SQL at all.
 */
class DiaryCacheTest {

    record Counted(TestDb db, StatementCounter counter) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }

    static Stream<Named<Counted>> databases() {
        StatementCounter h2 = new StatementCounter();
        Stream<Named<Counted>> out = Stream.of(Named.of("H2", new Counted(TestDb.h2(h2.wrap()), h2)));
        if (Boolean.getBoolean("it.skip.postgresql")) {
            return out;
        }
        StatementCounter pg = new StatementCounter();
        return Stream.concat(out, Stream.of(Named.of("PostgreSQL", new Counted(TestDb.postgresql(pg.wrap()), pg))));
    }

    /** Owner, a friend of the owner, and a friend of that friend (the viewer: a friend of a friend of the owner). */
    record Circle(long owner, long friend, long viewer) {}

    static Circle circle(DiaryRig rig) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long owner = rig.member("owner", "o" + tag + "@docomo.ne.jp");
        long friend = rig.member("friend", "f" + tag + "@docomo.ne.jp");
        long viewer = rig.member("viewer", "v" + tag + "@docomo.ne.jp");
        rig.friends(owner, friend);
        rig.friends(friend, viewer);
        return new Circle(owner, friend, viewer);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCachedPageShowsEveryChangeOnTheNextRead(Counted c) {
        try (c) {
            DiaryRig rig = new DiaryRig(c.db().database());
            Circle o = circle(rig);
            DiaryService d = rig.diaries;
            long id = d.create(o.owner(), "最初", "本文", "friends_of_friends", List.of(), false);

            assertEquals(
                    "最初",
                    rig.reader.page(o.viewer(), id).orElseThrow().getDiary().getTitle());
            assertEquals(
                    "最初",
                    rig.reader.page(o.viewer(), id).orElseThrow().getDiary().getTitle(),
                    "cached");

            d.edit(o.owner(), id, "二番", "本文2", "friends_of_friends", Set.of(), List.of());
            assertEquals(
                    "二番",
                    rig.reader.page(o.viewer(), id).orElseThrow().getDiary().getTitle(),
                    "edit shows at once");

            rig.comments.comment(o.friend(), id, "こんにちは");
            List<DiaryViews.Comment> comments =
                    rig.reader.page(o.viewer(), id).orElseThrow().getComments();
            assertEquals(1, comments.size(), "a new comment shows at once");
            assertEquals("friend", comments.get(0).getAuthorNickname());

            assertTrue(
                    rig.comments.deleteComment(o.friend(), id, comments.get(0).getNumber()));
            assertTrue(
                    rig.reader.page(o.viewer(), id).orElseThrow().getComments().isEmpty(),
                    "a deleted comment goes at once");

            d.edit(o.owner(), id, "二番", "本文2", "friends", Set.of(), List.of());
            assertTrue(
                    rig.reader.page(o.viewer(), id).isEmpty(),
                    "narrowed to friends: the friend of a friend sees nothing");
            assertTrue(rig.reader.page(o.friend(), id).isPresent());

            d.edit(o.owner(), id, "二番", "本文2", "private", Set.of(), List.of());
            assertTrue(rig.reader.page(o.friend(), id).isEmpty(), "private: the friend sees nothing either");
            assertTrue(rig.reader.page(o.owner(), id).isPresent());

            assertTrue(d.delete(o.owner(), id));
            assertTrue(rig.reader.page(o.owner(), id).isEmpty(), "deleted");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theProfilesLatestDiariesAndNamesFollowChanges(Counted c) {
        try (c) {
            DiaryRig rig = new DiaryRig(c.db().database());
            Circle o = circle(rig);
            DiaryService d = rig.diaries;
            assertTrue(d.latest(o.viewer(), o.owner(), 5).isEmpty());
            long a = d.create(o.owner(), "A", "x", "everyone", List.of(), false);
            long b = d.create(o.owner(), "B", "x", "friends", List.of(), false);
            assertEquals(List.of(a), ids(d.latest(o.viewer(), o.owner(), 5)), "a new diary shows at once");
            assertEquals(List.of(b, a), ids(d.latest(o.friend(), o.owner(), 5)));
            d.edit(o.owner(), a, "A", "x", "private", Set.of(), List.of());
            assertEquals(List.of(), ids(d.latest(o.viewer(), o.owner(), 5)), "a level change shows at once");
            d.delete(o.owner(), b);
            assertEquals(List.of(a), ids(d.latest(o.owner(), o.owner(), 5)));

            long e = d.create(o.owner(), "E", "x", "everyone", List.of(), false);
            assertEquals("owner", rig.members.profile(o.owner()).orElseThrow().nickname());
            rig.comments.comment(o.owner(), e, "自分で");
            assertEquals("owner", rig.reader.page(o.viewer(), e).orElseThrow().getAuthorNickname());
            new AccountService(rig.database, null).updateProfile(o.owner(), "新しい名前", "よろしく", "everyone");
            assertEquals("新しい名前", rig.members.profile(o.owner()).orElseThrow().nickname());
            assertEquals("よろしく", rig.members.profile(o.owner()).orElseThrow().selfIntro());
            assertEquals("新しい名前", rig.reader.page(o.viewer(), e).orElseThrow().getAuthorNickname());
            assertEquals(
                    "新しい名前",
                    rig.reader
                            .page(o.viewer(), e)
                            .orElseThrow()
                            .getComments()
                            .get(0)
                            .getAuthorNickname());
        }
    }

    /**
     * The profile's list and the home page's both come from {@link DiaryFeed}'s one copy of each author's diaries (the
     * newest {@link DiaryFeed#DEPTH} of each level): for an author with more than that at every level, interleaved, the
     * profile shows what the database shows to the owner, a friend, a friend of a friend and a stranger, at every
     * length it may ask for, and the home page never shows a private one.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theProfileAndTheHomePageShareOneCopyThatAgreesWithTheDatabase(Counted c) {
        try (c) {
            DiaryRig rig = new DiaryRig(c.db().database());
            Circle o = circle(rig);
            long stranger =
                    rig.member("stranger", "s" + UUID.randomUUID().toString().substring(0, 6) + "@docomo.ne.jp");
            DiaryService d = rig.diaries;
            String[] levels = {"private", "private", "friends", "everyone", "friends_of_friends", "private", "everyone"
            };
            for (int i = 0; i < 4 * DiaryFeed.DEPTH + 3; i++) {
                d.create(o.owner(), "日記" + i, "x", levels[i % levels.length], List.of(), false);
            }
            for (long viewer : new long[] {o.owner(), o.friend(), o.viewer(), stranger}) {
                for (int limit = 1; limit <= DiaryFeed.DEPTH; limit++) {
                    int n = limit;
                    List<Long> fromDatabase = rig.database.tx(em -> ids(d.latest(viewer, o.owner(), n)));
                    assertEquals(fromDatabase, ids(d.latest(viewer, o.owner(), n)), viewer + " at " + n);
                    assertEquals(fromDatabase, ids(d.latest(viewer, o.owner(), n)), viewer + " at " + n + ", warm");
                }
            }
            assertEquals(
                    DiaryFeed.DEPTH,
                    d.latest(o.friend(), o.owner(), DiaryFeed.DEPTH).size());
            List<DiaryViews.Entry> home = d.friendsLatest(o.friend(), DiaryFeed.DEPTH);
            assertEquals(ids(rig.database.tx(em -> d.friendsLatest(o.friend(), DiaryFeed.DEPTH))), ids(home));
            assertEquals(DiaryFeed.DEPTH, home.size());
            assertTrue(home.stream().noneMatch(e -> e.getVisibilityLabel().equals(Visibility.PRIVATE.label())));
        }
    }

    /**
     * {@link DiaryFeed} alone: after each kind of write, what it answers from memory (twice: loaded, then kept) equals
     * what it reads from the stores inside a transaction, for a diary's page rows, the author's newest diaries at every
     * set of levels and length, and the friends' merged list the home page reads.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theFeedsCachedAnswersEqualItsUncachedOnes(Counted c) {
        try (c) {
            DiaryRig rig = new DiaryRig(c.db().database());
            Circle o = circle(rig);
            DiaryService d = rig.diaries;
            DiaryFeed feed = d.feed;
            byte[] photo = DiaryRig.image(20, 20, "png");
            List<Long> ids = new ArrayList<>();
            String[] levels = {"everyone", "private", "friends", "friends_of_friends"};
            for (int i = 0; i < 2 * DiaryFeed.DEPTH + 3; i++) {
                List<byte[]> photos = i % 5 == 0 ? List.of(photo, photo) : List.of();
                ids.add(d.create(o.owner(), "日記" + i, "本文" + i, levels[i % levels.length], photos, false));
            }
            ids.add(d.create(o.friend(), "友人の", "本文", "friends", List.of(), false));
            long first = ids.get(0);
            Runnable same = () -> {
                for (long id : ids) {
                    String stored = rig.database.tx(em -> page(feed, id));
                    assertEquals(stored, page(feed, id), "page " + id);
                    assertEquals(stored, page(feed, id), "page " + id + ", kept");
                }
                for (Set<Visibility> set : levelSets()) {
                    for (int limit : new int[] {1, 3, DiaryFeed.DEPTH}) {
                        String stored = rig.database.tx(em -> lines(feed.ofAuthor(o.owner(), set, limit)));
                        assertEquals(stored, lines(feed.ofAuthor(o.owner(), set, limit)), set + " at " + limit);
                    }
                }
                long[] authors = {o.owner(), o.friend(), o.viewer()};
                String stored = lines(d
                        .store
                        .latestOf(
                                List.of(o.owner(), o.friend(), o.viewer()),
                                AccessPolicy.levelsFor(Relation.FRIEND),
                                DiaryFeed.DEPTH)
                        .stream()
                        .map(DiaryViews.Line::of)
                        .toList());
                assertEquals(stored, lines(feed.latest(authors, DiaryFeed.DEPTH)), "friends' merged list");
            };
            same.run();
            rig.comments.comment(o.friend(), first, "一番");
            rig.comments.comment(o.owner(), first, "二番");
            same.run();
            d.edit(o.owner(), first, "新しい題", "新しい本文", "friends", Set.of(1), List.of(photo));
            same.run();
            assertTrue(rig.comments.deleteComment(o.owner(), first, 1));
            same.run();
            assertTrue(d.delete(o.owner(), ids.get(1)));
            assertTrue(d.delete(o.owner(), ids.get(2)));
            same.run();
            assertEquals("-", page(feed, ids.get(1)), "a deleted diary is gone");
        }
    }

    /** Every non-empty set of levels. */
    private static List<Set<Visibility>> levelSets() {
        Visibility[] all = Visibility.values();
        List<Set<Visibility>> out = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            Set<Visibility> set = EnumSet.noneOf(Visibility.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            out.add(set);
        }
        return out;
    }

    /** A diary's page rows as text ("-": no such diary). */
    private static String page(DiaryFeed feed, long id) {
        Diary d = feed.diary(id);
        if (d == null) {
            return "-";
        }
        DiaryFeed.PageRows rows = feed.page(d);
        StringBuilder out = new StringBuilder();
        out.append(d.getId()).append('|').append(d.getAuthorId()).append('|').append(d.getTitle());
        out.append('|')
                .append(d.getBody())
                .append('|')
                .append(d.getVisibility())
                .append('|');
        out.append(d.getCommentCount()).append('|').append(d.getUpdatedAt().toEpochMilli());
        rows.comments().forEach(k -> out.append("\ncomment ")
                .append(k.getNumber())
                .append('|')
                .append(k.getAuthorId())
                .append('|')
                .append(k.getBody()));
        rows.photos().forEach(p -> out.append("\nphoto ")
                .append(p.getPosition())
                .append('|')
                .append(p.getStorageKey()));
        return out.toString();
    }

    private static String lines(List<DiaryViews.Line> lines) {
        return lines.stream()
                .map(l -> l.id() + "|" + l.authorId() + "|" + l.title() + "|" + l.level() + "|"
                        + l.createdAt().toEpochMilli() + "|" + l.commentCount())
                .collect(Collectors.joining("\n"));
    }

    private static List<Long> ids(List<DiaryViews.Entry> entries) {
        return entries.stream().map(DiaryViews.Entry::getId).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWarmDiaryPageAndAWarmProfileReadNoSql(Counted c) {
        try (c) {
            DiaryRig rig = new DiaryRig(c.db().database());
            Circle o = circle(rig);
            DiaryService d = rig.diaries;
            Introductions intros = new Introductions(rig.database, rig.graph, rig.policy, rig.members);
            Footprints footprints = new Footprints(
                            rig.database, rig.policy, rig.graph, Duration.ofMinutes(5), Duration.ofDays(90))
                    .batching(10_000, 1_000, 1_000);
            try {
                long id = d.create(o.owner(), "日記", "本文", "friends_of_friends", List.of(), false);
                rig.comments.comment(o.friend(), id, "いいね");
                assertDoesNotThrow(() -> intros.write(o.friend(), o.owner(), "いい人です"));

                Runnable diaryPage = () -> {
                    DiaryViews.Page p = rig.reader.page(o.viewer(), id).orElseThrow();
                    footprints.record(o.viewer(), p.getAuthorId());
                    assertEquals(1, p.getComments().size());
                };
                Runnable profile = () -> {
                    // what ProfileResource asks for a friend of a friend's view of the owner, footprint included
                    assertTrue(rig.policy.canInteract(o.viewer(), o.owner()));
                    MemberService.Profile owner = rig.members.profile(o.owner()).orElseThrow();
                    footprints.record(o.viewer(), owner.id());
                    rig.graph.relation(o.viewer(), o.owner());
                    assertEquals(1, intros.of(o.owner(), o.viewer()).size());
                    assertEquals(1, rig.graph.friendCount(o.owner()));
                    assertEquals(1, d.latest(o.viewer(), o.owner(), 5).size());
                    // and as the friend sees it (their own introduction for the form)
                    assertTrue(intros.find(o.owner(), o.friend()).isPresent());
                };
                diaryPage.run();
                profile.run();
                c.counter().reset();
                diaryPage.run();
                profile.run();
                assertEquals(
                        0,
                        c.counter().count(),
                        () -> String.join("\n", c.counter().statements()));
            } finally {
                footprints.close();
            }
        }
    }

    /** Two nodes on one PostgreSQL database: a change written on one shows on the other once its notice arrives. */
    @Test
    void aChangeOnOneNodeShowsOnTheOther() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("it.skip.postgresql"), "PostgreSQL only");
        String admin = System.getProperty("it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getProperty("it.pg.user", "postgres");
        String name =
                "keitai_unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestDatabases.recreate(admin, user, name);
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        try (Database one = Database.open(TestDb.settings(Map.of("sns.db.url", url, "sns.db.user", user)));
                Database two = Database.open(TestDb.settings(Map.of("sns.db.url", url, "sns.db.user", user)))) {
            DiaryRig a = new DiaryRig(one);
            DiaryRig b = new DiaryRig(two);
            Circle o = circle(a);
            two.changes().resetAll(); // the circle was written by SQL
            long id = a.diaries.create(o.owner(), "題", "本文", "friends_of_friends", List.of(), false);
            assertTrue(b.reader.page(o.viewer(), id).isPresent(), "node two reads (and keeps) the page");
            assertEquals(1, b.diaries.latest(o.viewer(), o.owner(), 5).size(), "and the owner's latest diaries");

            a.diaries.edit(o.owner(), id, "題", "本文", "private", Set.of(), List.of());
            assertTrue(a.reader.page(o.viewer(), id).isEmpty(), "node one at once");
            assertTrue(
                    poll(() -> b.reader.page(o.viewer(), id).isEmpty()), "node two once the notice arrived: the page");
            assertTrue(poll(() -> b.diaries.latest(o.viewer(), o.owner(), 5).isEmpty()), "and the latest list");

            a.diaries.edit(o.owner(), id, "新しい題", "本文", "everyone", Set.of(), List.of());
            assertTrue(poll(() -> b.reader
                    .page(o.viewer(), id)
                    .map(p -> p.getDiary().getTitle().equals("新しい題"))
                    .orElse(false)));
            a.comments.comment(o.friend(), id, "届いた?");
            assertTrue(poll(() ->
                    b.reader.page(o.viewer(), id).orElseThrow().getComments().size() == 1));
            assertFalse(
                    b.reader.page(o.viewer(), id).orElseThrow().getComments().isEmpty());
        } finally {
            TestDatabases.drop(admin, user, name);
        }
    }

    /** Polls for up to 20 seconds (the notice usually takes milliseconds); never asserts on time itself. */
    static boolean poll(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }
}

package jp.keitai.sns.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.friend.FriendGraph;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.ScheduledTasks;
import jp.keitai.sns.testsupport.TestDb;
import jp.keitai.sns.testsupport.TestMembers;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The news feature wired by hand over real H2 and PostgreSQL databases, reading feeds from a local HTTP server:
 * polling (new, duplicate, updated, malformed, hanging, back-off, two nodes), comments across a block and hidden by an
 * operator, diaries about an article at every 公開範囲, and the 24-hour rankings.
 */
class NewsServiceTest {

    static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    static FeedServer server;

    @BeforeAll
    static void start() {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The feature over one database. */
    static final class Rig {
        final TestDb db;
        final ArticleStore store;
        final PartnerFeedStore feedStore;
        final NewsFeed feed;
        final AuditLog audit;
        final PartnerFeedService feeds;
        final MemberService members;
        final AccessPolicy policy;
        final DiaryService diaries;
        final NewsService news;
        final long operator;

        Rig(TestDb db) {
            this.db = db;
            var database = db.database();
            store = new ArticleStore(database);
            feedStore = new PartnerFeedStore(database);
            feed = new NewsFeed(database, store, Duration.ZERO);
            audit = new AuditLog(database);
            feeds = new PartnerFeedService(
                    database,
                    feedStore,
                    store,
                    feed,
                    audit,
                    new PartnerFetcher(Duration.ofSeconds(2), Duration.ofSeconds(1), 1_000_000, true));
            members = new MemberService(database);
            policy = new AccessPolicy(new FriendGraph(database), members);
            diaries = new DiaryService(database, policy, new FriendGraph(database), members, null, null);
            news = new NewsService(database, store, feed, policy, members, diaries, audit);
            operator = TestMembers.create(database, "運営さん");
        }

        long member(String nickname) {
            return TestMembers.create(db.database(), nickname);
        }

        PartnerFeedStore.FeedRow feedRow(long id) {
            return feedStore.feed(id).orElseThrow();
        }

        long feed(String name, NewsCategory category, String fixture) {
            String path = "/" + UUID.randomUUID() + "/" + fixture;
            server.put(path, FeedServer.bytes(fixture), "application/xml");
            return feeds.add(operator, name, category.getValue(), server.url(path), "10", NOW);
        }

        Map<String, ArticleStore.ArticleRow> byTitle(NewsCategory c) {
            return store.latest(c, 50).stream()
                    .collect(Collectors.toMap(ArticleStore.ArticleRow::title, Function.identity()));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void pollingKeepsEachArticleOnceUpdatesChangesAndBacksOffFromFailingFeeds(TestDb db) throws Exception {
        try (db) {
            Rig r = new Rig(db);
            long sjis = r.feed("ケータイ新聞", NewsCategory.DOMESTIC, "rss2-sjis.xml");
            long rdf = r.feed("経済タイムズ", NewsCategory.ECONOMY, "rdf-eucjp.xml");
            long atom = r.feed("ITメディアU", NewsCategory.IT, "atom-utf8.xml");
            long broken = r.feed("壊れた新聞", NewsCategory.DOMESTIC, "malformed.xml");
            long hanging = r.feeds.add(r.operator, "黙る新聞", "domestic", server.url("/hang"), "10", NOW);

            // one round polls all five; the broken and the hanging one do not stop the others
            assertEquals(5, r.feeds.pollDue(NOW));
            assertEquals(2, r.feedRow(sjis).articleCount());
            assertEquals(2, r.feedRow(rdf).articleCount());
            assertEquals(2, r.feedRow(atom).articleCount());
            assertTrue(r.byTitle(NewsCategory.DOMESTIC).containsKey("東京で初雪①　気温は～２度"));
            assertTrue(r.byTitle(NewsCategory.ECONOMY).containsKey("日経平均、続伸　円安が追い風"));
            ArticleStore.ArticleRow atomFirst = r.byTitle(NewsCategory.IT).get("𠮷野家のアプリ、絵文字☀️に対応");
            assertEquals("ITメディアU", atomFirst.source());
            assertEquals("https://it.example.jp/e/1.png", atomFirst.imageUrl());
            assertEquals(Instant.parse("2026-12-05T12:00:00Z"), atomFirst.publishedAt());

            PartnerFeedStore.FeedRow b = r.feedRow(broken);
            assertEquals(1, b.failures());
            assertTrue(b.lastError().startsWith("フィードとして読めません"), b.lastError());
            assertEquals(NOW.plus(Duration.ofMinutes(5)), b.nextPollAt(), "first retry after 5 minutes");
            PartnerFeedStore.FeedRow h = r.feedRow(hanging);
            assertEquals(1, h.failures());
            assertTrue(h.lastError().contains("タイムアウト"), h.lastError());
            assertEquals(0, r.feedRow(sjis).failures());
            assertEquals(NOW.plus(Duration.ofMinutes(10)), r.feedRow(sjis).nextPollAt());
            // the console shows them failing
            List<NewsViews.FeedLine> console = r.feeds.consoleFeeds();
            assertTrue(console.stream().filter(NewsViews.FeedLine::failing).count() == 2, console.toString());

            // nothing is due a moment later; after five minutes only the two failing ones, and they back off further
            assertEquals(0, r.feeds.pollDue(NOW.plusSeconds(1)));
            assertEquals(2, r.feeds.pollDue(NOW.plus(Duration.ofMinutes(5))));
            assertEquals(2, r.feedRow(broken).failures());
            assertEquals(
                    NOW.plus(Duration.ofMinutes(5)).plus(Duration.ofMinutes(10)),
                    r.feedRow(broken).nextPollAt());

            // the same feed again: nothing new, nothing stored twice
            PartnerFeedService.PollResult again = r.feeds.pollNow(sjis, NOW.plus(Duration.ofMinutes(6)));
            assertEquals(new PartnerFeedService.PollResult(0, 0, 2, null), again);
            assertEquals(2, r.feedRow(sjis).articleCount());

            // the partner corrects a title and adds an article
            Charset sj = Charset.forName("Windows-31J");
            String text = new String(FeedServer.bytes("rss2-sjis.xml"), sj)
                    .replace("過去最高に", "過去最高に（訂正）")
                    .replace(
                            "</channel>",
                            "<item><title>新着の記事</title><link>http://news.example.jp/a/3</link>"
                                    + "<guid isPermaLink=\"false\">sjis-0003</guid><description>三本目</description>"
                                    + "</item></channel>");
            String path = r.feedRow(sjis).url().substring(r.feedRow(sjis).url().indexOf('/', 8));
            server.put(path, text.getBytes(sj), "application/rss+xml");
            PartnerFeedService.PollResult changed = r.feeds.pollNow(sjis, NOW.plus(Duration.ofMinutes(7)));
            assertEquals(new PartnerFeedService.PollResult(1, 1, 1, null), changed);
            assertEquals(3, r.feedRow(sjis).articleCount());
            Map<String, ArticleStore.ArticleRow> domestic = r.byTitle(NewsCategory.DOMESTIC);
            assertTrue(
                    domestic.containsKey("携帯電話の契約数、過去最高に（訂正）"),
                    domestic.keySet().toString());
            assertFalse(domestic.containsKey("携帯電話の契約数、過去最高に"));
            // an entry without a date counts from when it was first read
            assertEquals(NOW.plus(Duration.ofMinutes(7)), domestic.get("新着の記事").publishedAt());
            // the read model was told: its list shows the change
            assertTrue(r.feed.latest(NewsCategory.DOMESTIC, 5).stream()
                    .anyMatch(a -> a.title().equals("新着の記事")));

            // a paused feed is not polled; console changes are audited
            r.feeds.setActive(r.operator, broken, false, "壊れている", NOW);
            assertEquals(1, r.feeds.pollDue(NOW.plus(Duration.ofDays(1))) - 3, "the hanging one only, with the 3 due");
            assertTrue(
                    r.audit.latest(20, 0).stream().anyMatch(e -> e.getAction().equals("news.feed.add")));
            assertTrue(
                    r.audit.latest(20, 0).stream().anyMatch(e -> e.getAction().equals("news.feed.pause")));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void aRoundRunsOnOneNodeAndAFeedIsNeverPolledTwiceAtOnce(TestDb db) {
        try (db) {
            Rig r = new Rig(db);
            long atom = r.feed("ITメディアU", NewsCategory.IT, "atom-utf8.xml");
            ScheduledTasks tasks = new ScheduledTasks(db.database());
            NewsPoller one = new NewsPoller(tasks, r.feeds, Duration.ofSeconds(60));
            NewsPoller two = new NewsPoller(tasks, r.feeds, Duration.ofSeconds(60));
            assertEquals(1, one.run(NOW));
            assertEquals(-1, two.run(NOW), "the other node skips this round");
            assertEquals(0, two.run(NOW.plusSeconds(60)), "the next round is anyone's; nothing is due");
            // a feed held by one node is not taken by another, even by the console
            assertTrue(r.feedStore.claimFeed(atom, NOW, NOW.plusSeconds(300), true));
            assertThrows(Refused.class, () -> r.feeds.pollNow(atom, NOW.plusSeconds(10)));
            assertEquals(2, r.feedRow(atom).articleCount());
        }
    }

    @Test
    void backOffDoublesUpToSixHours() {
        assertEquals(Duration.ofMinutes(5), PartnerFeedService.backoff(10, 1));
        assertEquals(Duration.ofMinutes(10), PartnerFeedService.backoff(10, 2));
        assertEquals(Duration.ofMinutes(1), PartnerFeedService.backoff(1, 1));
        assertEquals(Duration.ofMinutes(4), PartnerFeedService.backoff(1, 3));
        assertEquals(Duration.ofHours(6), PartnerFeedService.backoff(60, 30));
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void commentsRespectBlocksAndOperatorsHideThem(TestDb db) {
        try (db) {
            Rig r = new Rig(db);
            r.feed("ケータイ新聞", NewsCategory.DOMESTIC, "rss2-sjis.xml");
            r.feeds.pollDue(NOW);
            long article = r.byTitle(NewsCategory.DOMESTIC).get("東京で初雪①　気温は～２度").id();
            long a = r.member("あい");
            long b = r.member("びい");
            long c = r.member("しい");
            TestMembers.block(db.database(), c, a); // c blocks a

            r.news.comment(a, article, "寒いですね", NOW);
            long bc = r.news.comment(b, article, "雪だ！\r\n嬉しい", NOW);
            r.news.comment(c, article, "滑らないように", NOW);
            assertThrows(Refused.class, () -> r.news.comment(a, article, "  ", NOW));
            assertThrows(Refused.class, () -> r.news.comment(a, article, "あ".repeat(1001), NOW));

            NewsViews.Article seenByA = r.news.read(a, article, NOW);
            assertEquals(List.of("あい", "びい"), nicknames(seenByA), "a does not see c's comment (blocked)");
            assertEquals(2, seenByA.commentCount());
            assertEquals(List.of("あい", "びい", "しい"), nicknames(r.news.read(b, article, NOW)));
            assertEquals(List.of("びい", "しい"), nicknames(r.news.read(c, article, NOW)), "nor c a's");

            r.news.hide(r.operator, bc, true, "スパム");
            assertEquals(List.of("あい", "しい"), nicknames(r.news.read(b, article, NOW)));
            assertEquals(2, r.store.article(article).orElseThrow().commentCount());
            var hidden = r.audit.latest(5, 0).get(0);
            assertEquals("news.comment.hide", hidden.getAction());
            assertEquals("news_comment:" + bc, hidden.getTarget());
            assertEquals("スパム", hidden.getNote());
            assertTrue(r.news.latestComments(10, 0).stream().anyMatch(x -> x.id() == bc && x.hidden()));
            r.news.hide(r.operator, bc, false, "誤り");
            assertEquals(3, r.news.read(b, article, NOW).commentCount());
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void diariesAboutAnArticleShowByTheirLevel(TestDb db) {
        try (db) {
            Rig r = new Rig(db);
            r.feed("ケータイ新聞", NewsCategory.DOMESTIC, "rss2-sjis.xml");
            r.feeds.pollDue(NOW);
            long article = r.byTitle(NewsCategory.DOMESTIC).get("東京で初雪①　気温は～２度").id();
            long writer = r.member("書く人");
            long friend = r.member("友人");
            long fof = r.member("友人の友人");
            long member = r.member("会員");
            long blocked = r.member("ブロックされた人");
            TestMembers.befriend(db.database(), writer, friend);
            TestMembers.befriend(db.database(), friend, fof);
            TestMembers.block(db.database(), writer, blocked);
            for (String level : List.of("private", "friends", "friends_of_friends", "everyone")) {
                r.news.writeDiary(writer, article, "雪の日記 " + level, "初雪を見ました", level);
            }
            assertThrows(Refused.class, () -> r.news.writeDiary(writer, article, "", "本文", "everyone"));
            assertThrows(
                    jp.keitai.sns.web.NotFound.class,
                    () -> r.news.writeDiary(writer, article + 999, "題", "本文", "everyone"));

            assertEquals(4, diaries(r, writer, article).size());
            assertEquals(
                    List.of("雪の日記 everyone", "雪の日記 friends_of_friends", "雪の日記 friends"), diaries(r, friend, article));
            assertEquals(List.of("雪の日記 everyone", "雪の日記 friends_of_friends"), diaries(r, fof, article));
            assertEquals(List.of("雪の日記 everyone"), diaries(r, member, article));
            assertEquals(List.of(), diaries(r, blocked, article));
        }
    }

    @ParameterizedTest
    @MethodSource("jp.keitai.sns.testsupport.TestDb#both")
    void rankingsCountTheLast24HoursFromHourlyCounters(TestDb db) {
        try (db) {
            Rig r = new Rig(db);
            r.feed("ケータイ新聞", NewsCategory.DOMESTIC, "rss2-sjis.xml");
            r.feeds.pollDue(NOW);
            long snow = r.byTitle(NewsCategory.DOMESTIC).get("東京で初雪①　気温は～２度").id();
            long phones = r.byTitle(NewsCategory.DOMESTIC).get("携帯電話の契約数、過去最高に").id();
            long a = r.member("読む人");
            // snow: 2 comments, 1 read; phones: 1 comment, 3 reads (one of them 2 hours ago)
            r.news.comment(a, snow, "一", NOW);
            r.news.comment(a, snow, "二", NOW.minus(Duration.ofHours(20)));
            r.news.comment(a, phones, "三", NOW);
            r.news.read(a, snow, NOW);
            r.news.read(a, phones, NOW);
            r.news.read(a, phones, NOW);
            r.news.read(a, phones, NOW.minus(Duration.ofHours(2)));
            // counts older than 24 hours do not rank
            r.store.count(phones, NewsCategory.DOMESTIC, NewsFeed.hourOf(NOW) - 30, 0, 100);

            NewsViews.Category page = r.news.category("domestic", NOW).orElseThrow();
            assertEquals(List.of(snow, phones), ids(page.mostCommented()));
            assertEquals(
                    List.of(2L, 1L),
                    page.mostCommented().stream().map(NewsViews.Line::score).toList());
            assertEquals(List.of(phones, snow), ids(page.mostRead()));
            assertEquals(
                    List.of(3L, 1L),
                    page.mostRead().stream().map(NewsViews.Line::score).toList());
            // a day later the 20-hour-old comment has dropped out
            NewsViews.Category later =
                    r.news.category("domestic", NOW.plus(Duration.ofHours(5))).orElseThrow();
            assertEquals(
                    List.of(1L, 1L),
                    later.mostCommented().stream().map(NewsViews.Line::score).toList());
            assertTrue(r.news.category("economy", NOW).orElseThrow().mostRead().isEmpty());
            assertTrue(r.news.category("nothing", NOW).isEmpty());
            // the hourly housekeeping drops counters older than two days (not the 30-hour-old one)
            r.store.count(phones, NewsCategory.DOMESTIC, NewsFeed.hourOf(NOW) - 50, 1, 0);
            assertEquals(1, new NewsPurge(r.store).purge(NOW));
        }
    }

    private static List<String> nicknames(NewsViews.Article a) {
        return a.comments().stream().map(NewsViews.Comment::nickname).toList();
    }

    private static List<String> diaries(Rig r, long viewer, long article) {
        return r.diaries.aboutNews(viewer, article, 20).stream()
                .map(e -> e.getTitle())
                .toList();
    }

    private static List<Long> ids(List<NewsViews.Line> lines) {
        return lines.stream().map(NewsViews.Line::id).toList();
    }
}

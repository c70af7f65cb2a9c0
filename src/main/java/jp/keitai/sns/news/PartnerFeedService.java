package jp.keitai.sns.news;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * Partner feeds: what operators add, pause and remove in the console (each change audited), and polling them. A poll
 * stores each entry once per feed (by its guid or link), updates it when its content changed, and leaves it alone
 * otherwise. A feed that fails (unreachable, hanging, malformed, too big) is tried again later and later (back-off)
 * and shows as failing in the console; it never holds up the others beyond its own timeouts.
 */
@ApplicationScoped
public class PartnerFeedService {

    private static final Logger LOG = Logger.getLogger(PartnerFeedService.class.getName());

    static final int MIN_INTERVAL = 1;
    static final int MAX_INTERVAL = 1440;
    /** The longest wait after repeated failures. */
    static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** How long a node holds a feed it polls; longer than any fetch can take (its deadline). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** Feeds one round polls at most. */
    static final int ROUND = 50;

    /** What one poll did. */
    public record PollResult(int added, int updated, int unchanged, String error) {
        public boolean isFailed() {
            return error != null;
        }
    }

    @Inject
    Database database;

    @Inject
    PartnerFeedStore store;

    @Inject
    ArticleStore articles;

    @Inject
    NewsFeed feed;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    private PartnerFetcher fetcher;

    protected PartnerFeedService() {}

    PartnerFeedService(
            Database database,
            PartnerFeedStore store,
            ArticleStore articles,
            NewsFeed feed,
            AuditLog audit,
            PartnerFetcher fetcher) {
        this.database = database;
        this.store = store;
        this.articles = articles;
        this.feed = feed;
        this.audit = audit;
        this.fetcher = fetcher;
    }

    @PostConstruct
    void init() {
        fetcher = new PartnerFetcher(
                Duration.ofSeconds(settings.intValue("sns.news.connect-timeout-seconds", 5, 1, 120)),
                Duration.ofSeconds(settings.intValue("sns.news.read-timeout-seconds", 10, 1, 300)),
                settings.intValue("sns.news.max-bytes", 2_097_152, 1024, 104_857_600),
                settings.raw("sns.news.allow-private-hosts")
                        .map(v -> v.strip().equalsIgnoreCase("true"))
                        .orElse(false));
    }

    // ---- the console

    public List<PartnerFeedStore.FeedRow> feeds() {
        return store.feeds();
    }

    /** The feeds as the console lists them. */
    public List<NewsViews.FeedLine> consoleFeeds() {
        return store.feeds().stream().map(NewsViews.FeedLine::of).toList();
    }

    /** Adds a partner feed (polled at once, then every {@code interval} minutes). */
    public long add(long operator, String name, String category, String url, String interval, Instant now) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new Refused("名前は1〜100文字で入力してください。");
        }
        NewsCategory c = NewsCategory.parse(category).orElseThrow(() -> new Refused("カテゴリを選んでください。"));
        String u = PartnerFetcher.webUrl(url);
        if (u == null) {
            throw new Refused("URLは http:// か https:// で始めてください。");
        }
        int minutes;
        try {
            minutes = Integer.parseInt(interval == null ? "" : interval.strip());
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < MIN_INTERVAL || minutes > MAX_INTERVAL) {
            throw new Refused("取得間隔は" + MIN_INTERVAL + "〜" + MAX_INTERVAL + "分で入力してください。");
        }
        int m = minutes;
        return database.tx(em -> {
            long id = store.insertFeed(n, c, u, m, now);
            audit.record(operator, "news.feed.add", "news_feed:" + id, n + " " + u);
            return id;
        });
    }

    public void remove(long operator, long id, String note) {
        database.run(em -> {
            if (!store.deleteFeed(id)) {
                throw new NotFound("フィードが見つかりません。");
            }
            audit.record(operator, "news.feed.remove", "news_feed:" + id, note);
        });
        for (NewsCategory c : NewsCategory.values()) {
            feed.changed(c);
        }
    }

    public void setActive(long operator, long id, boolean active, String note, Instant now) {
        database.run(em -> {
            if (!store.setActive(id, active, now)) {
                throw new NotFound("フィードが見つかりません。");
            }
            audit.record(operator, active ? "news.feed.resume" : "news.feed.pause", "news_feed:" + id, note);
        });
    }

    /** Polls one feed now (the console's 今すぐ取得), unless a node is polling it at this moment. */
    public PollResult pollNow(long id, Instant now) {
        PartnerFeedStore.FeedRow f = store.feed(id).orElseThrow(() -> new NotFound("フィードが見つかりません。"));
        if (!store.claimFeed(id, now, now.plus(LEASE), true)) {
            throw new Refused("このフィードはいま取得中です。しばらくしてから確かめてください。");
        }
        return poll(f, now);
    }

    // ---- the schedule

    /**
     * Polls every due feed that no other node holds, one after another; answers how many were polled. Each feed is
     * claimed on its own, so several nodes running rounds at once never poll one feed twice.
     */
    public int pollDue(Instant now) {
        int polled = 0;
        for (long id : store.dueFeeds(now, ROUND)) {
            if (!store.claimFeed(id, now, now.plus(LEASE), false)) {
                continue;
            }
            Optional<PartnerFeedStore.FeedRow> f = store.feed(id);
            if (f.isPresent()) {
                poll(f.get(), now);
                polled++;
            }
        }
        return polled;
    }

    private PollResult poll(PartnerFeedStore.FeedRow f, Instant now) {
        PollResult result;
        try {
            result = store(f, fetcher.fetch(f.url()), now);
            store.finishPoll(f.id(), now, now.plus(Duration.ofMinutes(f.intervalMinutes())), 0, null);
        } catch (PartnerFetcher.Failed e) {
            result = failed(f, now, e.getMessage());
            LOG.info(() -> "news feed " + f.id() + " (" + f.url() + ") failed: " + e.getMessage());
        } catch (RuntimeException e) {
            result = failed(f, now, "取得中にエラー: " + e.getClass().getSimpleName());
            LOG.log(Level.WARNING, "news feed " + f.id() + " failed", e);
        }
        if (result.added() + result.updated() > 0) {
            feed.changed(f.category());
        }
        return result;
    }

    private PollResult failed(PartnerFeedStore.FeedRow f, Instant now, String reason) {
        int failures = f.failures() + 1;
        store.finishPoll(f.id(), now, now.plus(backoff(f.intervalMinutes(), failures)), failures, reason);
        return new PollResult(0, 0, 0, reason);
    }

    /**
     * The wait after the {@code failures}-th failure in a row: the interval (at most 5 minutes) doubled with each
     * failure, at most {@link #MAX_BACKOFF}.
     */
    static Duration backoff(int intervalMinutes, int failures) {
        long base = Math.min(intervalMinutes, 5);
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        long minutes = base << doublings;
        return minutes >= MAX_BACKOFF.toMinutes() ? MAX_BACKOFF : Duration.ofMinutes(minutes);
    }

    private PollResult store(PartnerFeedStore.FeedRow f, List<PartnerFetcher.Item> items, Instant now) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (PartnerFetcher.Item item : items) {
            String key = sha256(item.key());
            String hash = sha256(item.title()
                    + '\u0000'
                    + item.summary()
                    + '\u0000'
                    + item.link()
                    + '\u0000'
                    + item.imageUrl()
                    + '\u0000'
                    + item.published());
            // an entry dated in the future (a partner's wrong clock) would stay on top: it counts from now
            Instant published = item.published() == null || item.published().isAfter(now) ? now : item.published();
            Optional<String[]> existing = articles.articleByKey(f.id(), key);
            if (existing.isEmpty()) {
                if (articles.insertArticle(f.id(), key, f.category(), item, published, hash, now)) {
                    added++;
                } else {
                    unchanged++; // stored a moment ago by another poll
                }
            } else if (!existing.get()[1].equals(hash)) {
                articles.updateArticle(
                        Long.parseLong(existing.get()[0]),
                        item,
                        item.published() == null ? null : published,
                        hash,
                        now);
                updated++;
            } else {
                unchanged++;
            }
        }
        return new PollResult(added, updated, unchanged, null);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

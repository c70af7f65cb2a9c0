package jp.keitai.sns.news;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * The read model of the news pages: each category's newest articles (dropped on every node through {@code
 * system.Changes} when a poll or a comment changes the category), and the 24-hour rankings, summed from the hourly
 * counters and kept {@code sns.news.ranking-cache-seconds} (a ranking a minute old is fine; a sum per view is not).
 */
@ApplicationScoped
public class NewsFeed {

    static final String TOPIC = "news";
    /** Articles kept per category: the category page's list; the top page shows the first few. */
    static final int KEPT = 20;

    /** One ranked article with its score (comments or reads in the last 24 hours). */
    public record RankedArticle(ArticleStore.ArticleRow article, long score) {}

    private record Ranking(Instant at, List<RankedArticle> rows) {}

    @Inject
    Database database;

    @Inject
    ArticleStore store;

    @Inject
    Settings settings;

    private Duration rankingTtl;
    private final Map<NewsCategory, List<ArticleStore.ArticleRow>> latest = new ConcurrentHashMap<>();
    private final Map<String, Ranking> rankings = new ConcurrentHashMap<>();

    protected NewsFeed() {}

    NewsFeed(Database database, ArticleStore store, Duration rankingTtl) {
        this.database = database;
        this.store = store;
        this.rankingTtl = rankingTtl;
        subscribe();
    }

    @PostConstruct
    void init() {
        rankingTtl = Duration.ofSeconds(settings.intValue("sns.news.ranking-cache-seconds", 60, 0, 3600));
        subscribe();
    }

    private void subscribe() {
        database.changes().subscribe(TOPIC, ordinal -> {
            if (ordinal >= 0 && ordinal < NewsCategory.values().length) {
                latest.remove(NewsCategory.values()[(int) ordinal]);
            }
        });
        database.changes().onReset(latest::clear);
    }

    /** Says that the category's articles or comment counts changed (on every node, after the commit). */
    void changed(NewsCategory category) {
        database.changes().publish(TOPIC, category.ordinal());
    }

    /** The category's newest articles, at most {@code limit} (≤ {@value #KEPT}). */
    List<ArticleStore.ArticleRow> latest(NewsCategory category, int limit) {
        List<ArticleStore.ArticleRow> rows = latest.computeIfAbsent(category, c -> store.latest(c, KEPT));
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /** The category's most commented (or most read) articles of the 24 hours before {@code now}. */
    List<RankedArticle> ranking(NewsCategory category, boolean byComments, Instant now, int limit) {
        String key = category.getValue() + (byComments ? ":comments" : ":reads");
        Ranking r = rankings.get(key);
        if (r == null || !now.isBefore(r.at().plus(rankingTtl)) || now.isBefore(r.at())) {
            r = new Ranking(now, compute(category, byComments, now));
            rankings.put(key, r);
        }
        return r.rows().subList(0, Math.min(limit, r.rows().size()));
    }

    private List<RankedArticle> compute(NewsCategory category, boolean byComments, Instant now) {
        List<ArticleStore.Ranked> ranked = store.ranking(category, hourOf(now) - 23, byComments, 10);
        Map<Long, ArticleStore.ArticleRow> byId = new HashMap<>();
        store.articlesById(ranked.stream().map(ArticleStore.Ranked::articleId).toList())
                .forEach(a -> byId.put(a.id(), a));
        List<RankedArticle> out = new ArrayList<>();
        for (ArticleStore.Ranked x : ranked) {
            ArticleStore.ArticleRow a = byId.get(x.articleId());
            if (a != null) {
                out.add(new RankedArticle(a, x.score()));
            }
        }
        return List.copyOf(out);
    }

    /** The counters' hour of an instant (epoch hours). */
    static long hourOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3600);
    }
}

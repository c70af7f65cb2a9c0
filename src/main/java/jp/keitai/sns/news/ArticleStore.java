package jp.keitai.sns.news;

import static jp.keitai.sns.news.NewsJdbcStore.instant;
import static jp.keitai.sns.news.NewsJdbcStore.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.news.NewsJdbcStore.Binder;
import jp.keitai.sns.system.Database;

/**
 * The news article tables (V19__news.sql): {@code news_article}, {@code news_comment} and the ranking counters
 * {@code news_stat}. The only class that writes them ({@link PartnerFeedStore} owns {@code news_feed}; articles are
 * read joined to it for their source's name). Plain JDBC; inside a transaction every call runs on its connection. No
 * method decides who may see what.
 */
@ApplicationScoped
public class ArticleStore {

    /** One stored article. */
    public record ArticleRow(
            long id,
            long feedId,
            String source,
            NewsCategory category,
            String title,
            String summary,
            String link,
            String imageUrl,
            Instant publishedAt,
            Instant updatedAt,
            int commentCount) {}

    /** One comment; {@code articleTitle} only where the console lists comments of many articles. */
    public record CommentRow(
            long id,
            long articleId,
            long authorId,
            String body,
            boolean hidden,
            Instant createdAt,
            String articleTitle) {}

    /** An article's place in a ranking. */
    public record Ranked(long articleId, long score) {}

    private static final String ARTICLE_COLUMNS = "a.id, a.feed_id, f.name, a.category, a.title, a.summary, a.link,"
            + " a.image_url, a.published_at, a.updated_at, a.comment_count";

    @Inject
    Database database;

    protected ArticleStore() {}

    ArticleStore(Database database) {
        this.database = database;
    }

    // ---- articles

    /** The id and content hash of the feed's article with this key, if stored. */
    Optional<String[]> articleByKey(long feedId, String key) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, content_hash from news_article where feed_id = ? and article_key = ?")) {
                ps.setLong(1, feedId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new String[] {Long.toString(rs.getLong(1)), rs.getString(2)})
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores a new article; false when the same key was stored meanwhile (another node or a console poll at the same
     * moment). Outside a transaction: the losing insert fails on the unique key.
     */
    boolean insertArticle(
            long feedId,
            String key,
            NewsCategory category,
            PartnerFetcher.Item item,
            Instant published,
            String hash,
            Instant now) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into news_article (feed_id, article_key, category,"
                    + " title, summary, link, image_url, published_at, fetched_at, updated_at, content_hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, feedId);
                ps.setString(2, key);
                ps.setString(3, category.getValue());
                ps.setString(4, item.title());
                ps.setString(5, item.summary());
                ps.setString(6, item.link());
                ps.setString(7, item.imageUrl());
                ps.setTimestamp(8, Timestamp.from(published));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setTimestamp(10, Timestamp.from(now));
                ps.setString(11, hash);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    void updateArticle(long id, PartnerFetcher.Item item, Instant published, String hash, Instant now) {
        update(
                database,
                "update news_article set title = ?, summary = ?, link = ?, image_url = ?,"
                        + " published_at = coalesce(?, published_at),"
                        + " content_hash = ?, updated_at = ? where id = ?",
                ps -> {
                    ps.setString(1, item.title());
                    ps.setString(2, item.summary());
                    ps.setString(3, item.link());
                    ps.setString(4, item.imageUrl());
                    ps.setTimestamp(5, published == null ? null : Timestamp.from(published));
                    ps.setString(6, hash);
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.setLong(8, id);
                });
    }

    Optional<ArticleRow> article(long id) {
        List<ArticleRow> rows = articles(
                "select " + ARTICLE_COLUMNS
                        + " from news_article a join news_feed f on f.id = a.feed_id where a.id = ?",
                ps -> ps.setLong(1, id));
        return rows.stream().findFirst();
    }

    /** The category's newest articles. */
    List<ArticleRow> latest(NewsCategory category, int limit) {
        return articles(
                "select " + ARTICLE_COLUMNS + " from news_article a join news_feed f on f.id = a.feed_id"
                        + " where a.category = ? order by a.published_at desc, a.id desc fetch first ? rows only",
                ps -> {
                    ps.setString(1, category.getValue());
                    ps.setInt(2, limit);
                });
    }

    List<ArticleRow> articlesById(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return articles(
                "select " + ARTICLE_COLUMNS
                        + " from news_article a join news_feed f on f.id = a.feed_id where a.id in ("
                        + Database.placeholders(ids.size()) + ")",
                ps -> {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 1, ids.get(i));
                    }
                });
    }

    private List<ArticleRow> articles(String sql, Binder bind) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind.bind(ps);
                List<ArticleRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ArticleRow(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                NewsCategory.parse(rs.getString(4)).orElse(NewsCategory.DOMESTIC),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                instant(rs, 9),
                                instant(rs, 10),
                                rs.getInt(11)));
                    }
                }
                return out;
            }
        });
    }

    // ---- comments

    long insertComment(long articleId, long author, String body, Instant now) {
        long id = database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into news_comment (article_id, author_id, body, created_at) values (?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setLong(1, articleId);
                ps.setLong(2, author);
                ps.setString(3, body);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        addToCommentCount(articleId, 1);
        return id;
    }

    void addToCommentCount(long articleId, int delta) {
        update(database, "update news_article set comment_count = comment_count + ? where id = ?", ps -> {
            ps.setInt(1, delta);
            ps.setLong(2, articleId);
        });
    }

    /** The article's comments that no operator hid, oldest first. */
    List<CommentRow> comments(long articleId) {
        return comments(
                "select c.id, c.article_id, c.author_id, c.body, c.hidden, c.created_at, null from news_comment c"
                        + " where c.article_id = ? and c.hidden = false order by c.created_at, c.id",
                ps -> ps.setLong(1, articleId));
    }

    /** Every comment, hidden ones too, newest first (the console). */
    List<CommentRow> latestComments(int limit, int offset) {
        return comments(
                "select c.id, c.article_id, c.author_id, c.body, c.hidden, c.created_at, a.title from news_comment c"
                        + " join news_article a on a.id = c.article_id order by c.created_at desc, c.id desc"
                        + " offset ? rows fetch next ? rows only",
                ps -> {
                    ps.setInt(1, offset);
                    ps.setInt(2, limit);
                });
    }

    Optional<CommentRow> comment(long id) {
        return comments(
                        "select c.id, c.article_id, c.author_id, c.body, c.hidden, c.created_at, null"
                                + " from news_comment c where c.id = ?",
                        ps -> ps.setLong(1, id))
                .stream()
                .findFirst();
    }

    /** Hides or shows a comment; false when it already was so (or is gone). */
    boolean setHidden(long id, boolean hidden) {
        return update(database, "update news_comment set hidden = ? where id = ? and hidden = ?", ps -> {
                    ps.setBoolean(1, hidden);
                    ps.setLong(2, id);
                    ps.setBoolean(3, !hidden);
                })
                == 1;
    }

    private List<CommentRow> comments(String sql, Binder bind) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind.bind(ps);
                List<CommentRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CommentRow(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getBoolean(5),
                                instant(rs, 6),
                                rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    // ---- ranking counters

    /**
     * Adds to the article's counters of one hour. An UPDATE first (the common case); when the hour has no row yet an
     * INSERT, and if another request inserted it meanwhile, the UPDATE again. Outside a transaction.
     */
    void count(long articleId, NewsCategory category, long hour, int reads, int comments) {
        if (updateCount(articleId, hour, reads, comments) > 0) {
            return;
        }
        boolean inserted = database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into news_stat (article_id, hour_no, category, reads, comments) values (?, ?, ?, ?, ?)")) {
                ps.setLong(1, articleId);
                ps.setLong(2, hour);
                ps.setString(3, category.getValue());
                ps.setInt(4, reads);
                ps.setInt(5, comments);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
        if (!inserted) {
            updateCount(articleId, hour, reads, comments);
        }
    }

    private int updateCount(long articleId, long hour, int reads, int comments) {
        return update(
                database,
                "update news_stat set reads = reads + ?, comments = comments + ? where article_id = ? and hour_no = ?",
                ps -> {
                    ps.setInt(1, reads);
                    ps.setInt(2, comments);
                    ps.setLong(3, articleId);
                    ps.setLong(4, hour);
                });
    }

    /** The category's articles with the most comments (or reads) in hours {@code fromHour} and later. */
    List<Ranked> ranking(NewsCategory category, long fromHour, boolean byComments, int limit) {
        String column = byComments ? "comments" : "reads";
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select article_id, sum(" + column + ") as score"
                    + " from news_stat where category = ? and hour_no >= ? group by article_id having sum(" + column
                    + ") > 0 order by score desc, article_id desc fetch first ? rows only")) {
                ps.setString(1, category.getValue());
                ps.setLong(2, fromHour);
                ps.setInt(3, limit);
                List<Ranked> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ranked(rs.getLong(1), rs.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    /** Deletes counters older than {@code beforeHour} (they can no longer rank). */
    int purgeCounts(long beforeHour) {
        return update(database, "delete from news_stat where hour_no < ?", ps -> ps.setLong(1, beforeHour));
    }

    // ---- plumbing

}

package jp.keitai.sns.news;

import static jp.keitai.sns.news.NewsJdbcStore.instant;
import static jp.keitai.sns.news.NewsJdbcStore.update;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The partner feed table (V19__news.sql) {@code news_feed}: the feeds operators add, and each one's polling state (next
 * poll, lease, failures, last error). The only class that writes it. Plain JDBC; inside a transaction every call runs
 * on its connection. No method decides who may see what; {@link ArticleStore} keeps what the polls bring in.
 */
@ApplicationScoped
public class PartnerFeedStore {

    /** A partner feed as the console shows it. */
    public record FeedRow(
            long id,
            String name,
            NewsCategory category,
            String url,
            int intervalMinutes,
            boolean active,
            Instant nextPollAt,
            int failures,
            String lastError,
            Instant lastPolledAt,
            Instant lastSuccessAt,
            int articleCount) {}

    @Inject
    Database database;

    protected PartnerFeedStore() {}

    PartnerFeedStore(Database database) {
        this.database = database;
    }

    long insertFeed(String name, NewsCategory category, String url, int intervalMinutes, Instant now) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into news_feed (name, category, url, interval_minutes, next_poll_at, created_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, category.getValue());
                ps.setString(3, url);
                ps.setInt(4, intervalMinutes);
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The feeds, each with how many articles it brought in (a read of {@code news_article}, for the console). */
    List<FeedRow> feeds() {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select f.id, f.name, f.category, f.url, f.interval_minutes,"
                    + " f.active, f.next_poll_at, f.failures, f.last_error, f.last_polled_at, f.last_success_at,"
                    + " (select count(*) from news_article a where a.feed_id = f.id) from news_feed f order by f.id")) {
                List<FeedRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FeedRow(
                                rs.getLong(1),
                                rs.getString(2),
                                NewsCategory.parse(rs.getString(3)).orElse(NewsCategory.DOMESTIC),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getBoolean(6),
                                instant(rs, 7),
                                rs.getInt(8),
                                rs.getString(9),
                                instant(rs, 10),
                                instant(rs, 11),
                                rs.getInt(12)));
                    }
                }
                return out;
            }
        });
    }

    Optional<FeedRow> feed(long id) {
        return feeds().stream().filter(f -> f.id() == id).findFirst();
    }

    /** Deletes the feed; the database's cascades take its articles, their comments and counters with it. */
    boolean deleteFeed(long id) {
        return update(database, "delete from news_feed where id = ?", ps -> ps.setLong(1, id)) > 0;
    }

    boolean setActive(long id, boolean active, Instant now) {
        return update(database, "update news_feed set active = ?, next_poll_at = ?, failures = 0 where id = ?", ps -> {
                    ps.setBoolean(1, active);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setLong(3, id);
                })
                > 0;
    }

    /** Active feeds whose time has come and whom no node holds, oldest due first. */
    List<Long> dueFeeds(Instant now, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from news_feed where active = true"
                    + " and next_poll_at <= ? and (lease_until is null or lease_until <= ?)"
                    + " order by next_poll_at, id fetch first ? rows only")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setInt(3, limit);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Takes the feed for this node until {@code until}: a conditional UPDATE, so of several nodes asking at once
     * exactly one gets it. Unless {@code evenIfNotDue} (the console's 今すぐ取得), only a due, active feed is taken.
     */
    boolean claimFeed(long id, Instant now, Instant until, boolean evenIfNotDue) {
        String due = evenIfNotDue ? "" : " and active = true and next_poll_at <= ?";
        return update(
                        database,
                        "update news_feed set lease_until = ? where id = ? and (lease_until is null or lease_until <= ?)"
                                + due,
                        ps -> {
                            ps.setTimestamp(1, Timestamp.from(until));
                            ps.setLong(2, id);
                            ps.setTimestamp(3, Timestamp.from(now));
                            if (!evenIfNotDue) {
                                ps.setTimestamp(4, Timestamp.from(now));
                            }
                        })
                == 1;
    }

    /** Ends a poll: next time, failures so far (0 after a success), the error or null; the lease is given back. */
    void finishPoll(long id, Instant now, Instant next, int failures, String error) {
        update(
                database,
                "update news_feed set lease_until = null, last_polled_at = ?, next_poll_at = ?, failures = ?,"
                        + " last_error = ?, last_success_at = case when ? then ? else last_success_at end"
                        + " where id = ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setTimestamp(2, Timestamp.from(next));
                    ps.setInt(3, failures);
                    ps.setString(4, error == null ? null : cut(error, 1000));
                    ps.setBoolean(5, error == null);
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setLong(7, id);
                });
    }

    // ---- plumbing

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package jp.keitai.sns.report;

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
import jp.keitai.sns.system.Database;

/** The {@code content_report} table: reports of diaries, voices and profiles, with plain JDBC. */
@ApplicationScoped
public class ContentReportStore {

    @Inject
    Database database;

    protected ContentReportStore() {}

    ContentReportStore(Database database) {
        this.database = database;
    }

    /** One report as stored. */
    record Row(
            long id,
            String kind,
            long targetId,
            long writerId,
            long reporterId,
            String excerpt,
            String reason,
            String status,
            Instant createdAt) {}

    private static final String SELECT = "select id, kind, target_id, writer_id, reporter_id, excerpt, reason, status,"
            + " created_at from content_report";

    /** Adds an open report, unless this reporter's report of the same item is still open; true if added. */
    boolean addUnlessOpen(
            String kind, long target, long writer, long reporter, String excerpt, String reason, Instant at) {
        return database.jdbc(c -> {
            // the reporter's row serialises their reports: a POST sent twice at once stores one
            try (PreparedStatement lock = c.prepareStatement("select id from member where id = ? for update")) {
                lock.setLong(1, reporter);
                lock.executeQuery().close();
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from content_report where kind = ?"
                    + " and target_id = ? and reporter_id = ? and status = 'open'")) {
                s.setString(1, kind);
                s.setLong(2, target);
                s.setLong(3, reporter);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement("insert into content_report (kind, target_id, writer_id,"
                    + " reporter_id, excerpt, reason, status, created_at) values (?, ?, ?, ?, ?, ?, 'open', ?)")) {
                u.setString(1, kind);
                u.setLong(2, target);
                u.setLong(3, writer);
                u.setLong(4, reporter);
                u.setString(5, excerpt);
                u.setString(6, reason);
                u.setTimestamp(7, Timestamp.from(at));
                u.executeUpdate();
            }
            return true;
        });
    }

    /** Open reports, oldest first. */
    List<Row> open(int limit) {
        return database.jdbc(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT + " where status = 'open' order by id limit ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(row(r));
                    }
                }
            }
            return out;
        });
    }

    Optional<Row> find(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " where id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(row(r)) : Optional.empty();
                }
            }
        });
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(
                r.getLong(1),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getTimestamp(9).toInstant());
    }

    /** Closes the open reports of one item up to {@code upTo} (by id); returns how many. */
    int closeItem(String kind, long target, long upTo, String status, long operator, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement u = c.prepareStatement("update content_report set status = ?, handled_by = ?,"
                    + " handled_at = ? where kind = ? and target_id = ? and id <= ? and status = 'open'")) {
                u.setString(1, status);
                u.setLong(2, operator);
                u.setTimestamp(3, Timestamp.from(at));
                u.setString(4, kind);
                u.setLong(5, target);
                u.setLong(6, upTo);
                return u.executeUpdate();
            }
        });
    }

    /**
     * Closes every open report of one writer's content, if report {@code reportId} is still open among them; returns
     * how many (0: it was closed already, nothing changes).
     */
    int closeWriter(long writer, long reportId, String status, long operator, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement u = c.prepareStatement("update content_report set status = ?, handled_by = ?,"
                    + " handled_at = ? where writer_id = ? and status = 'open' and exists (select 1 from content_report"
                    + " mine where mine.id = ? and mine.status = 'open')")) {
                u.setString(1, status);
                u.setLong(2, operator);
                u.setTimestamp(3, Timestamp.from(at));
                u.setLong(4, writer);
                u.setLong(5, reportId);
                return u.executeUpdate();
            }
        });
    }
}

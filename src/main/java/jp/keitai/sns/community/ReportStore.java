package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The {@code community_report} table (reports of topics and comments for the operators' console), with plain JDBC.
 */
@ApplicationScoped
public class ReportStore extends JdbcStore {

    @Inject
    Database database;

    protected ReportStore() {}

    ReportStore(Database database) {
        this.database = database;
    }

    record Report(
            long id,
            long topicId,
            int commentNumber,
            long reporterId,
            String reason,
            String status,
            Instant createdAt) {}

    long addReport(long topic, int number, long reporter, String reason, Instant at) {
        return database.jdbc(c -> insert(
                c,
                "insert into community_report (topic_id, comment_number, reporter_id, reason, status, created_at)"
                        + " values (?, ?, ?, ?, 'open', ?)",
                topic,
                number,
                reporter,
                reason,
                at));
    }

    private static final String SELECT =
            "select id, topic_id, comment_number, reporter_id, reason, status, created_at from community_report";

    List<Report> reports(String status, int limit) {
        return database.jdbc(c -> list(
                c, SELECT + " where status = ? order by created_at, id limit ?", ReportStore::report, status, limit));
    }

    Optional<Report> report(long id) {
        return database.jdbc(c -> one(c, SELECT + " where id = ?", ReportStore::report, id));
    }

    private static Report report(ResultSet rs) throws SQLException {
        return new Report(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                instant(rs, "created_at"));
    }

    /** Closes every open report of the same topic or comment. */
    void closeReports(long topic, int number, String status, long operator, Instant at) {
        database.jdbc(c -> update(
                c,
                "update community_report set status = ?, handled_by = ?, handled_at = ? where topic_id = ?"
                        + " and comment_number = ? and status = 'open'",
                status,
                operator,
                at,
                topic,
                number));
    }
}

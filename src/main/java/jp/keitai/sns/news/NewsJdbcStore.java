package jp.keitai.sns.news;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import jp.keitai.sns.system.Database;

/** The JDBC plumbing {@link PartnerFeedStore} and {@link ArticleStore} share; it owns no table. */
final class NewsJdbcStore {

    private NewsJdbcStore() {}

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs an insert, update or delete with its parameters bound; the number of rows it changed. */
    static int update(Database database, String sql, Binder bind) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

package jp.keitai.sns.inactivity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Database;

/** The table {@code inactivity_notice} (V17): where each inactive member is in the rule. The only class touching it. */
final class InactivityStore {

    static final String NOTICED = "noticed";
    static final String SUSPENDED = "suspended";
    static final String WITHDRAWN = "withdrawn";

    record Row(long memberId, String stage, Instant noticedAt, Instant deadline, Instant suspendedAt) {}

    private final Database database;

    InactivityStore(Database database) {
        this.database = database;
    }

    void noticed(long member, Instant at, Instant deadline) {
        database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("insert into inactivity_notice (member_id, stage, noticed_at,"
                            + " deadline) values (?, ?, ?, ?)")) {
                ps.setLong(1, member);
                ps.setString(2, NOTICED);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setTimestamp(4, Timestamp.from(deadline));
                return ps.executeUpdate();
            }
        });
    }

    void stage(long member, String stage, Instant suspendedAt) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update inactivity_notice set stage = ?, suspended_at = coalesce(?, suspended_at) where member_id = ?")) {
                ps.setString(1, stage);
                ps.setTimestamp(2, suspendedAt == null ? null : Timestamp.from(suspendedAt));
                ps.setLong(3, member);
                return ps.executeUpdate();
            }
        });
    }

    void delete(long member) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from inactivity_notice where member_id = ?")) {
                ps.setLong(1, member);
                return ps.executeUpdate();
            }
        });
    }

    /** Rows in a stage, oldest deadline first. */
    List<Row> inStage(String stage, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id, stage, noticed_at, deadline, suspended_at"
                    + " from inactivity_notice where stage = ? order by deadline, member_id limit " + limit)) {
                ps.setString(1, stage);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp s = rs.getTimestamp(5);
                        out.add(new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getTimestamp(4).toInstant(),
                                s == null ? null : s.toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** The members that have a row (any stage), of these. */
    java.util.Set<Long> known(List<Long> members) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        if (members.isEmpty()) {
            return out;
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id from inactivity_notice where member_id in ("
                            + Database.placeholders(members.size()) + ")")) {
                for (int i = 0; i < members.size(); i++) {
                    ps.setLong(i + 1, members.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    int count(String stage) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from inactivity_notice where stage = ?")) {
                ps.setString(1, stage);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}

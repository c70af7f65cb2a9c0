package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/** Who changed what, when, and why: one row per operator action, never edited. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Database database;

    protected AuditLog() {}

    public AuditLog(Database database) {
        this.database = database;
    }

    /** An audit entry as pages show it. */
    public static final class Entry {
        private final long operatorId;
        private final String operator;
        private final String action;
        private final String target;
        private final String note;
        private final Instant at;

        Entry(long operatorId, String operator, String action, String target, String note, Instant at) {
            this.operatorId = operatorId;
            this.operator = operator;
            this.action = action;
            this.target = target;
            this.note = note;
            this.at = at;
        }

        public long getOperatorId() {
            return operatorId;
        }

        public String getOperator() {
            return operator;
        }

        public String getAction() {
            return action;
        }

        public String getTarget() {
            return target;
        }

        public String getNote() {
            return note;
        }

        public String getAt() {
            return at.atZone(Clock.JAPAN).toLocalDateTime().toString().replace('T', ' ');
        }
    }

    public void record(long operatorId, String action, String target, String note) {
        database.jdbc(c -> record(c, operatorId, action, target, note));
    }

    /** Records inside the caller's transaction, so the change and its audit row commit together. */
    public static int record(java.sql.Connection c, long operatorId, String action, String target, String note)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_log" + " (operator_id, action, target, note, created_at) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, operatorId);
            ps.setString(2, action);
            ps.setString(3, target);
            ps.setString(4, note == null || note.isBlank() ? null : note.strip());
            ps.setTimestamp(5, Timestamp.from(Clock.now()));
            return ps.executeUpdate();
        }
    }

    public List<Entry> latest(int limit, int offset) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select a.operator_id, m.nickname, a.action, a.target,"
                    + " a.note, a.created_at from audit_log a join member m on m.id = a.operator_id"
                    + " order by a.id desc limit ? offset ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
                return out;
            }
        });
    }
}

package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.keitai.sns.system.Database;

/** The audit log (table {@code audit_log}), through JDBC. Inside a transaction it writes through its connection. */
@ApplicationScoped
public class AuditStore {

    @Inject
    Database database;

    protected AuditStore() {}

    public AuditStore(Database database) {
        this.database = database;
    }

    /** @param operatorId null for scheduled work (the inactivity run) */
    void insert(Long operatorId, String action, String target, String note, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_log"
                    + " (operator_id, action, target, note, created_at) values (?, ?, ?, ?, ?)")) {
                ps.setObject(1, operatorId, java.sql.Types.BIGINT);
                ps.setString(2, action);
                ps.setString(3, target);
                ps.setString(4, note);
                ps.setTimestamp(5, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** The entries, newest first, with the operator's nickname. */
    List<AuditLog.Entry> latest(int limit, int offset) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select a.operator_id, coalesce(m.nickname, '（自動処理）'), a.action, a.target,"
                            + " a.note, a.created_at from audit_log a left join member m on m.id = a.operator_id"
                            + " order by a.id desc limit ? offset ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                List<AuditLog.Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditLog.Entry(
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

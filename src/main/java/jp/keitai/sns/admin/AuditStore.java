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

    /**
     * The entries, newest first, with the operator's nickname; each of operator, action and the time range
     * [{@code from}, {@code to}) applies only when given.
     */
    List<AuditLog.Entry> search(Long operatorId, String action, Instant from, Instant to, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select a.operator_id, coalesce(m.nickname, '（自動処理）'), a.action,"
                + " a.target, a.note, a.created_at from audit_log a left join member m on m.id = a.operator_id"
                + " where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (operatorId != null) {
            sql.append(" and a.operator_id = ?");
            args.add(operatorId);
        }
        if (action != null) {
            sql.append(" and a.action = ?");
            args.add(action);
        }
        if (from != null) {
            sql.append(" and a.created_at >= ? and a.created_at < ?");
            args.add(Timestamp.from(from));
            args.add(Timestamp.from(to));
        }
        sql.append(" order by a.id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
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

    /** The operators who have an entry, by id, with their nicknames, in id order. */
    java.util.Map<Long, String> operators() {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select m.id, m.nickname from member m where m.id in"
                            + " (select distinct operator_id from audit_log) order by m.id");
                    ResultSet rs = ps.executeQuery()) {
                java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
                return out;
            }
        });
    }

    /** The kinds of action found in the log. */
    List<String> actions() {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select distinct action from audit_log order by action");
                    ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}

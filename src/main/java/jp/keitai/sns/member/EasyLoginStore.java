package jp.keitai.sns.member;

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
 * The かんたんログイン bindings and their blacklist (tables {@code easy_login}, {@code easy_login_blacklist}), through
 * JDBC. Inside a transaction every method uses its connection.
 */
@ApplicationScoped
public class EasyLoginStore {

    @Inject
    Database database;

    protected EasyLoginStore() {}

    public EasyLoginStore(Database database) {
        this.database = database;
    }

    void insert(long memberId, String kind, String carrier, String idHash, Instant at) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into easy_login"
                    + " (member_id, kind, carrier, id_hash, created_at) values (?, ?, ?, ?, ?)")) {
                ps.setLong(1, memberId);
                ps.setString(2, kind);
                ps.setString(3, carrier);
                ps.setString(4, idHash);
                ps.setTimestamp(5, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /** The member a binding with this hash belongs to. */
    Optional<Long> ownerOf(String idHash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select member_id from easy_login where id_hash = ?")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The member's bindings, oldest first. */
    List<EasyLoginService.Binding> bindings(long memberId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, kind, carrier, created_at from easy_login where member_id = ? order by id")) {
                ps.setLong(1, memberId);
                List<EasyLoginService.Binding> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EasyLoginService.Binding(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** Removes one binding if it is the member's. */
    boolean delete(long memberId, long bindingId) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from easy_login where id = ? and member_id = ?")) {
                ps.setLong(1, bindingId);
                ps.setLong(2, memberId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes every binding of the member. */
    void deleteAll(long memberId) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from easy_login where member_id = ?")) {
                ps.setLong(1, memberId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Puts the handset of a binding on the blacklist and removes every binding of that handset; false when there is
     * no such binding.
     */
    boolean blacklist(long bindingId, long operatorId, String note, Instant at) {
        return database.jdbc(c -> {
            String hash;
            String carrier;
            try (PreparedStatement ps = c.prepareStatement("select id_hash, carrier from easy_login where id = ?")) {
                ps.setLong(1, bindingId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    hash = rs.getString(1);
                    carrier = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into easy_login_blacklist"
                    + " (id_hash, carrier, note, operator_id, created_at) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, hash);
                ps.setString(2, carrier);
                ps.setString(3, note);
                ps.setLong(4, operatorId);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from easy_login where id_hash = ?")) {
                ps.setString(1, hash);
                ps.executeUpdate();
            }
            return true;
        });
    }

    boolean isBlacklisted(String idHash) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select 1 from easy_login_blacklist where id_hash = ?")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}

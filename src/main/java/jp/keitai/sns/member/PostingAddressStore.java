package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * The posting secrets (table {@code posting_secret}) and their owners, through JDBC: the mail routes read the owner
 * of every posting mail, and plain rows cost less there than entities in the mail worker's transaction. Inside a
 * transaction every method uses its connection.
 */
@ApplicationScoped
public class PostingAddressStore {

    @Inject
    Database database;

    protected PostingAddressStore() {}

    public PostingAddressStore(Database database) {
        this.database = database;
    }

    /** A stored secret and the member it belongs to. */
    record Secret(long memberId, String secret) {}

    /** The member's secret of this kind, inserting {@code fresh}'s when there is none yet (one connection). */
    String secretOf(long memberId, PostingAddresses.Kind kind, Supplier<String> fresh) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select secret from posting_secret where member_id = ? and kind = ?")) {
                ps.setLong(1, memberId);
                ps.setString(2, kind.column());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String secret = fresh.get();
            insert(c, memberId, kind, secret);
            return secret;
        });
    }

    /** Replaces all the member's secrets with these, in the current transaction. */
    void replace(long memberId, Map<PostingAddresses.Kind, String> secrets) {
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from posting_secret where member_id = ?")) {
                ps.setLong(1, memberId);
                ps.executeUpdate();
            }
            for (Map.Entry<PostingAddresses.Kind, String> e : secrets.entrySet()) {
                insert(c, memberId, e.getKey(), e.getValue());
            }
            return null;
        });
    }

    /** The stored secret found by its exact value. */
    Optional<Secret> find(PostingAddresses.Kind kind, String secret) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id, secret from posting_secret where kind = ? and secret = ?")) {
                ps.setString(1, kind.column());
                ps.setString(2, secret);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Secret(rs.getLong(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** The owner of a secret, with the secret and the member read in one statement. */
    Optional<PostingAddresses.Owner> owner(PostingAddresses.Kind kind, String secret) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select m.id, m.mobile_email, m.pc_email, m.status"
                    + " from member m join posting_secret p on p.member_id = m.id where p.kind = ? and p.secret = ?")) {
                ps.setString(1, kind.column());
                ps.setString(2, secret);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(owner(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    /** The owners of these secrets, by secret (secrets without one left out), in one statement. */
    Map<String, PostingAddresses.Owner> owners(PostingAddresses.Kind kind, List<String> secrets) {
        Map<String, PostingAddresses.Owner> found = new HashMap<>();
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select p.secret, m.id, m.mobile_email, m.pc_email, m.status"
                    + " from member m join posting_secret p on p.member_id = m.id where p.kind = ? and p.secret in ("
                    + Database.placeholders(secrets.size()) + ")")) {
                ps.setString(1, kind.column());
                for (int i = 0; i < secrets.size(); i++) {
                    ps.setString(i + 2, secrets.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), owner(rs, 2));
                    }
                }
            }
            return null;
        });
        return found;
    }

    private static PostingAddresses.Owner owner(ResultSet rs, int from) throws SQLException {
        return new PostingAddresses.Owner(
                rs.getLong(from),
                rs.getString(from + 1),
                rs.getString(from + 2),
                MemberStatus.valueOf(rs.getString(from + 3)));
    }

    private static void insert(Connection c, long memberId, PostingAddresses.Kind kind, String secret)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into posting_secret (member_id, kind, secret, created_at) values (?, ?, ?, ?)")) {
            ps.setLong(1, memberId);
            ps.setString(2, kind.column());
            ps.setString(3, secret);
            ps.setTimestamp(4, Timestamp.from(Clock.now()));
            ps.executeUpdate();
        }
    }
}

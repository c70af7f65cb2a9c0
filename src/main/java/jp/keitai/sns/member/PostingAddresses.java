package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * A member's posting addresses, {@code d.{secret}@{domain}} for diaries and {@code v.{secret}@{domain}} for voices.
 * Secrets are issued on first use, shown on {@code /settings/mail}, and replaced by {@link #rotate}. A mail route
 * finds the member with {@link #memberFor}; it must still check that the sender is that member's carrier address.
 */
@ApplicationScoped
public class PostingAddresses {

    /** Which address: the local part is {@code prefix + secret}. */
    public enum Kind {
        DIARY("d."),
        VOICE("v.");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int SECRET_LENGTH = 16;

    @Inject
    Database database;

    @Inject
    Settings settings;

    protected PostingAddresses() {}

    public PostingAddresses(Database database, Settings settings) {
        this.database = database;
        this.settings = settings;
    }

    /** The member's address of this kind, issuing a secret when the member has none yet. */
    public String addressOf(long memberId, Kind kind) {
        return kind.prefix() + secretOf(memberId, kind) + "@" + settings.mailDomain();
    }

    /** Replaces both secrets; the old addresses stop working at once. */
    public void rotate(long memberId) {
        database.tx(em -> database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from posting_secret where member_id = ?")) {
                ps.setLong(1, memberId);
                ps.executeUpdate();
            }
            for (Kind kind : Kind.values()) {
                insert(c, memberId, kind);
            }
            return null;
        }));
    }

    /**
     * The member a local part such as {@code d.abcd…} belongs to, or empty. The secret is looked up by its exact
     * (lower-cased) value and then compared in constant time.
     */
    public Optional<Long> memberFor(Kind kind, String localPart) {
        if (localPart == null || !localPart.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String given = localPart.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id, secret from posting_secret where kind = ? and secret = ?")) {
                ps.setString(1, kind.column());
                ps.setString(2, given);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && Secrets.matches(given, rs.getString(2))) {
                        return Optional.of(rs.getLong(1));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /**
     * Who a posting address belongs to, as the mail routes need it: id, addresses and status, read with plain JDBC
     * (no entity is built: in the mail worker's transaction every entity is registered and copied for the flush, and
     * that cost more than the query).
     */
    public record Owner(long id, String mobileEmail, String pcEmail, MemberStatus status) {}

    /**
     * The member a local part belongs to, found with one statement (secret and member together): for the mail routes,
     * which handle every posting mail with it. Inside a caller's transaction (the mail worker's) it reads through that
     * transaction.
     */
    public Optional<Owner> ownerOf(Kind kind, String localPart) {
        if (localPart == null || !localPart.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String given = localPart.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        Map<String, Optional<Owner>> known = database.transactionLocal(prefetchKey(kind), HashMap::new);
        if (known != null && known.containsKey(given)) {
            return known.get(given);
        }
        // the secret is matched by the index lookup itself: comparing it again with the value found by it would
        // compare a string with itself
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select m.id, m.mobile_email, m.pc_email, m.status"
                    + " from member m join posting_secret p on p.member_id = m.id where p.kind = ? and p.secret = ?")) {
                ps.setString(1, kind.column());
                ps.setString(2, given);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Owner(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    MemberStatus.valueOf(rs.getString(4))))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Reads the owners of these local parts in one statement and keeps them for the rest of the current transaction,
     * where {@link #ownerOf} answers from them: the mail worker calls it for a batch of posting mails. Returns the
     * owners found. Outside a transaction it only reads.
     */
    public java.util.List<Owner> prefetchOwners(Kind kind, java.util.Collection<String> localParts) {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        for (String lp : localParts) {
            if (lp != null && lp.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
                String given = lp.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
                if (given.length() == SECRET_LENGTH && !secrets.contains(given)) {
                    secrets.add(given);
                }
            }
        }
        if (secrets.isEmpty()) {
            return java.util.List.of();
        }
        Map<String, Optional<Owner>> found = new HashMap<>();
        secrets.forEach(s -> found.put(s, Optional.empty()));
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
                        found.put(
                                rs.getString(1),
                                Optional.of(new Owner(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        MemberStatus.valueOf(rs.getString(5)))));
                    }
                }
            }
            return null;
        });
        Map<String, Optional<Owner>> known = database.transactionLocal(prefetchKey(kind), HashMap::new);
        if (known != null) {
            known.putAll(found);
        }
        return found.values().stream().flatMap(Optional::stream).toList();
    }

    private static String prefetchKey(Kind kind) {
        return PostingAddresses.class.getName() + ".owners." + kind.name();
    }

    private String secretOf(long memberId, Kind kind) {
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
            return insert(c, memberId, kind);
        });
    }

    private static String insert(java.sql.Connection c, long memberId, Kind kind) throws java.sql.SQLException {
        String secret = Secrets.newSecret(SECRET_LENGTH);
        try (PreparedStatement ps = c.prepareStatement(
                "insert into posting_secret (member_id, kind, secret, created_at) values (?, ?, ?, ?)")) {
            ps.setLong(1, memberId);
            ps.setString(2, kind.column());
            ps.setString(3, secret);
            ps.setTimestamp(4, Timestamp.from(Clock.now()));
            ps.executeUpdate();
        }
        return secret;
    }
}

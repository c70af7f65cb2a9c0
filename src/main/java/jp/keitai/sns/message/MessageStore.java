package jp.keitai.sns.message;

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
import java.util.function.Supplier;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.system.Database;

/**
 * The tables of V16__messages.sql ({@code message}, {@code message_photo}, {@code message_setting},
 * {@code message_address}), the only class that reads or writes them. Plain JDBC; inside a transaction every call
 * runs on its connection. No method decides who may see or send what ({@link MessageService}, {@link MessageBoxService}
 * and {@link ReplyAddresses} do; one instance, shared by them).
 */
@ApplicationScoped
public class MessageStore {

    private static final String COLUMNS = "id, thread_id, sender_id, recipient_id, title, body, reply_to, created_at,"
            + " read_at, sender_deleted, recipient_deleted";

    /** One message row as stored. */
    record Row(
            long id,
            long threadId,
            long senderId,
            long recipientId,
            String title,
            String body,
            Long replyTo,
            Instant createdAt,
            Instant readAt,
            boolean senderDeleted,
            boolean recipientDeleted) {}

    /** A member's message settings as stored (defaults when there is no row). */
    record Setting(String acceptFrom, boolean noticeMail, boolean noticeBody) {
        static final Setting DEFAULT = new Setting("friends", true, false);
    }

    /** Whose a reply-by-mail secret is, and for which thread. */
    record Address(long memberId, long threadId) {}

    @Inject
    Database database;

    protected MessageStore() {}

    MessageStore(Database database) {
        this.database = database;
    }

    /** Stores a message; a new conversation ({@code threadId} null) becomes its own thread. */
    long insert(
            long sender,
            long recipient,
            Long threadId,
            String title,
            String body,
            Long replyTo,
            String sourceKey,
            Instant at) {
        return database.jdbc(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into message (thread_id, sender_id, recipient_id, title, body, reply_to, source_key,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setObject(1, threadId, java.sql.Types.BIGINT);
                ps.setLong(2, sender);
                ps.setLong(3, recipient);
                ps.setString(4, title);
                ps.setString(5, body);
                ps.setObject(6, replyTo, java.sql.Types.BIGINT);
                ps.setString(7, sourceKey);
                ps.setTimestamp(8, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (threadId == null) {
                try (PreparedStatement ps = c.prepareStatement("update message set thread_id = id where id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    Optional<Long> bySourceKey(long sender, String sourceKey) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select id from message where sender_id = ? and source_key = ?")) {
                ps.setLong(1, sender);
                ps.setString(2, sourceKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    Optional<Row> find(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from message where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The member's received messages (not deleted by them), newest first. */
    List<Row> inbox(long member, int offset, int limit) {
        return list("recipient_id = ? and recipient_deleted = false", member, offset, limit);
    }

    /** The member's sent messages (not deleted by them), newest first. */
    List<Row> sent(long member, int offset, int limit) {
        return list("sender_id = ? and sender_deleted = false", member, offset, limit);
    }

    /** The newest message of the thread that the member received and still has, or empty. */
    Optional<Row> latestReceivedIn(long threadId, long member) {
        List<Row> rows = database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                    + " from message where thread_id = ? and recipient_id = ? and recipient_deleted = false"
                    + " order by created_at desc, id desc limit 1")) {
                ps.setLong(1, threadId);
                ps.setLong(2, member);
                return rows(ps);
            }
        });
        return rows.stream().findFirst();
    }

    private List<Row> list(String where, long member, int offset, int limit) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from message where " + where
                    + " order by created_at desc, id desc limit ? offset ?")) {
                ps.setLong(1, member);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                return rows(ps);
            }
        });
    }

    int unreadCount(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from message where recipient_id = ?"
                    + " and recipient_deleted = false and read_at is null")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Marks a received message read; false when it was read already. */
    boolean markRead(long id, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("update message set read_at = ? where id = ? and read_at is null")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the member's copy (sender's or recipient's); true when the row is now gone from both sides. */
    boolean deleteCopy(long id, long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("update message set"
                    + " sender_deleted = case when sender_id = ? then true else sender_deleted end,"
                    + " recipient_deleted = case when recipient_id = ? then true else recipient_deleted end"
                    + " where id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, member);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from message where id = ? and sender_deleted = true and recipient_deleted = true")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    void addPhotos(long id, List<Photos.Photo> photos) {
        if (photos.isEmpty()) {
            return;
        }
        database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into message_photo (message_id, position, storage_key, format) values (?, ?, ?, ?)")) {
                int n = 1;
                for (Photos.Photo p : photos) {
                    ps.setLong(1, id);
                    ps.setInt(2, n++);
                    ps.setString(3, p.key());
                    ps.setString(4, p.format());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** The message's photos, by position (1, 2, 3). */
    List<Photos.Photo> photos(long id) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select storage_key, format from message_photo where message_id = ? order by position")) {
                ps.setLong(1, id);
                List<Photos.Photo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Photos.Photo(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }

    Setting setting(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select accept_from, notice_mail, notice_body from message_setting where member_id = ?")) {
                ps.setLong(1, member);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? new Setting(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))
                            : Setting.DEFAULT;
                }
            }
        });
    }

    void saveSetting(long member, Setting s) {
        database.jdbc(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("update message_setting set accept_from = ?,"
                    + " notice_mail = ?, notice_body = ? where member_id = ?")) {
                ps.setString(1, s.acceptFrom());
                ps.setBoolean(2, s.noticeMail());
                ps.setBoolean(3, s.noticeBody());
                ps.setLong(4, member);
                n = ps.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into message_setting (member_id, accept_from,"
                        + " notice_mail, notice_body) values (?, ?, ?, ?)")) {
                    ps.setLong(1, member);
                    ps.setString(2, s.acceptFrom());
                    ps.setBoolean(3, s.noticeMail());
                    ps.setBoolean(4, s.noticeBody());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The member's reply-by-mail secret for the thread, issued by {@code fresh} when there is none. */
    String secretFor(long member, long threadId, Supplier<String> fresh, Instant at) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select secret from message_address where member_id = ? and thread_id = ?")) {
                ps.setLong(1, member);
                ps.setLong(2, threadId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            String secret = fresh.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into message_address (secret, member_id, thread_id, created_at) values (?, ?, ?, ?)")) {
                ps.setString(1, secret);
                ps.setLong(2, member);
                ps.setLong(3, threadId);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.executeUpdate();
            }
            return secret;
        });
    }

    Optional<Address> address(String secret) {
        return database.jdbc(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select member_id, thread_id from message_address where secret = ?")) {
                ps.setString(1, secret);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Address(rs.getLong(1), rs.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    /** Drops every reply-by-mail secret of the member (new ones are issued with the next notice). */
    int dropSecrets(long member) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from message_address where member_id = ?")) {
                ps.setLong(1, member);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp read = rs.getTimestamp(9);
        long reply = rs.getLong(7);
        Long replyTo = rs.wasNull() ? null : reply;
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                replyTo,
                rs.getTimestamp(8).toInstant(),
                read == null ? null : read.toInstant(),
                rs.getBoolean(10),
                rs.getBoolean(11));
    }
}

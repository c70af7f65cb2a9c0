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
 * The {@code community_topic}, {@code community_comment}, {@code community_photo} and {@code community_rsvp} tables,
 * with plain JDBC. Comment numbers and the attendee count are changed under the topic row's lock ({@link #lock}), in
 * the caller's transaction: {@code select … for update} means the same on H2 and PostgreSQL. Every write to a topic,
 * its comments, photos or 参加 answers says so through {@code system.Changes}, so that {@link CommunityFeed}'s copy of
 * the topic is dropped on every node.
 */
@ApplicationScoped
public class TopicStore extends JdbcStore {

    static final String COLUMNS = "t.id, t.community_id, t.author_id, t.title, t.body, t.is_event, t.event_at, t.place,"
            + " t.capacity, t.deadline, t.attendee_count, t.comment_count, t.hidden, t.last_activity_at, t.created_at";

    @Inject
    Database database;

    protected TopicStore() {}

    TopicStore(Database database) {
        this.database = database;
    }

    static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(
                rs.getLong("id"),
                rs.getLong("community_id"),
                rs.getLong("author_id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getBoolean("is_event"),
                instant(rs, "event_at"),
                rs.getString("place"),
                nullableInt(rs, "capacity"),
                instant(rs, "deadline"),
                rs.getInt("attendee_count"),
                rs.getInt("comment_count"),
                rs.getBoolean("hidden"),
                instant(rs, "last_activity_at"),
                instant(rs, "created_at"));
    }

    long insert(
            long community,
            long author,
            String title,
            String body,
            boolean event,
            Instant eventAt,
            String place,
            Integer capacity,
            Instant deadline,
            Instant now) {
        long id = database.jdbc(c -> insert(
                c,
                "insert into community_topic (community_id, author_id, title, body, is_event, event_at, place, capacity,"
                        + " deadline, attendee_count, comment_count, hidden, last_activity_at, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
                community,
                author,
                title,
                body,
                event,
                eventAt,
                place,
                capacity,
                deadline,
                false,
                now,
                now,
                now));
        listed(community);
        return id;
    }

    /** Every node drops its copy of the topic's page rows ({@link CommunityFeed}) once the transaction commits. */
    private void changed(long topic) {
        database.changes().publish(CommunityFeed.TOPIC_TOPIC, topic);
    }

    /** Every node drops its copy of the community's most recently active topics (the home page's section). */
    private void listed(long community) {
        database.changes().publish(CommunityFeed.RECENT_TOPIC, community);
    }

    /** {@link #listed} for the topic's community (looked up: moderation knows the topic only). */
    private void listedWith(long topic) {
        database.jdbc(c -> one(c, "select community_id from community_topic where id = ?", rs -> rs.getLong(1), topic))
                .ifPresent(this::listed);
    }

    Optional<Topic> find(long id) {
        return database.jdbc(
                c -> one(c, "select " + COLUMNS + " from community_topic t where t.id = ?", TopicStore::topic, id));
    }

    Optional<Topic> lock(long id) {
        return database.jdbc(c -> one(
                c, "select " + COLUMNS + " from community_topic t where t.id = ? for update", TopicStore::topic, id));
    }

    /** The community's topics, most recently active first, hidden ones left out. */
    List<Topic> newest(long community, int limit, int offset) {
        return database.jdbc(c -> list(
                c,
                "select " + COLUMNS + " from community_topic t where t.community_id = ? and t.hidden = ?"
                        + " order by t.last_activity_at desc, t.id desc limit ? offset ?",
                TopicStore::topic,
                community,
                false,
                limit,
                offset));
    }

    void delete(long id, long community) {
        database.jdbc(c -> update(c, "delete from community_topic where id = ?", id));
        changed(id);
        listed(community);
    }

    void setHidden(long id, boolean hidden) {
        database.jdbc(c -> update(c, "update community_topic set hidden = ? where id = ?", hidden, id));
        changed(id);
        listedWith(id);
    }

    /** Under the topic's lock: the next comment number, taken (the topic moves up its community's recent list). */
    int takeNumber(long topic, long community, Instant now) {
        changed(topic);
        listed(community);
        return database.jdbc(c -> {
            update(
                    c,
                    "update community_topic set comment_count = comment_count + 1, last_activity_at = ? where id = ?",
                    now,
                    topic);
            return one(c, "select comment_count from community_topic where id = ?", rs -> rs.getInt(1), topic)
                    .orElseThrow();
        });
    }

    // ---- comments

    /** A comment row; {@code deleted} and {@code hidden} ones keep their number. */
    record CommentRow(
            long topicId,
            int number,
            long authorId,
            String body,
            boolean deleted,
            boolean hidden,
            boolean viaMail,
            Instant createdAt,
            Instant updatedAt) {}

    private static CommentRow comment(ResultSet rs) throws SQLException {
        return new CommentRow(
                rs.getLong("topic_id"),
                rs.getInt("number"),
                rs.getLong("author_id"),
                rs.getString("body"),
                rs.getBoolean("deleted"),
                rs.getBoolean("hidden"),
                rs.getBoolean("via_mail"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static final String COMMENT_COLUMNS =
            "topic_id, number, author_id, body, deleted, hidden, via_mail, created_at, updated_at";

    void addComment(long topic, int number, long author, String body, boolean viaMail, Instant now) {
        database.jdbc(c -> update(
                c,
                "insert into community_comment (topic_id, number, author_id, body, deleted, hidden, via_mail,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                topic,
                number,
                author,
                body,
                false,
                false,
                viaMail,
                now,
                now));
        changed(topic);
    }

    /** Comments numbered {@code from} to {@code to} (inclusive), in number order: one page. */
    List<CommentRow> comments(long topic, int from, int to) {
        return database.jdbc(c -> list(
                c,
                "select " + COMMENT_COLUMNS + " from community_comment where topic_id = ? and number between ? and ?"
                        + " order by number",
                TopicStore::comment,
                topic,
                from,
                to));
    }

    Optional<CommentRow> comment(long topic, int number) {
        return database.jdbc(c -> one(
                c,
                "select " + COMMENT_COLUMNS + " from community_comment where topic_id = ? and number = ?",
                TopicStore::comment,
                topic,
                number));
    }

    void editComment(long topic, int number, String body, Instant now) {
        database.jdbc(c -> update(
                c,
                "update community_comment set body = ?, updated_at = ? where topic_id = ? and number = ?",
                body,
                now,
                topic,
                number));
        changed(topic);
    }

    void deleteComment(long topic, int number, Instant now) {
        database.jdbc(c -> update(
                c,
                "update community_comment set deleted = ?, body = '', updated_at = ? where topic_id = ? and number = ?",
                true,
                now,
                topic,
                number));
        changed(topic);
    }

    void hideComment(long topic, int number) {
        database.jdbc(c -> update(
                c, "update community_comment set hidden = ? where topic_id = ? and number = ?", true, topic, number));
        changed(topic);
    }

    /** Who wrote comments on the topic (distinct). */
    List<Long> commenters(long topic) {
        return database.jdbc(c -> list(
                c,
                "select distinct author_id from community_comment where topic_id = ? and deleted = ?",
                rs -> rs.getLong(1),
                topic,
                false));
    }

    // ---- photos

    record Photo(int commentNumber, int position, String key, String format) {}

    void addPhoto(long topic, int number, int position, String key, String format) {
        database.jdbc(c -> update(
                c,
                "insert into community_photo (topic_id, comment_number, position, storage_key, format)"
                        + " values (?, ?, ?, ?, ?)",
                topic,
                number,
                position,
                key,
                format));
        changed(topic);
    }

    /** The photos of comments numbered {@code from} to {@code to} (0 = the topic). */
    List<Photo> photos(long topic, int from, int to) {
        return database.jdbc(c -> list(
                c,
                "select comment_number, position, storage_key, format from community_photo where topic_id = ?"
                        + " and comment_number between ? and ? order by comment_number, position",
                rs -> new Photo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                topic,
                from,
                to));
    }

    List<Photo> removePhotos(long topic, int number) {
        changed(topic);
        List<Photo> gone = photos(topic, number, number);
        database.jdbc(
                c -> update(c, "delete from community_photo where topic_id = ? and comment_number = ?", topic, number));
        return gone;
    }

    // ---- 参加

    /** Under the topic's lock: adds the member's answer; false when they already answered 参加. */
    boolean addAttendee(long topic, long member, Instant now) {
        changed(topic);
        return database.jdbc(c -> {
            if (one(c, "select 1 from community_rsvp where topic_id = ? and member_id = ?", rs -> 1, topic, member)
                    .isPresent()) {
                return false;
            }
            update(
                    c,
                    "insert into community_rsvp (topic_id, member_id, created_at) values (?, ?, ?)",
                    topic,
                    member,
                    now);
            return true;
        });
    }

    /**
     * Under the topic's lock: counts one more attendee unless the event is full or past its deadline; the condition
     * is in the UPDATE itself, so even a caller that skipped the lock could not pass the capacity.
     */
    boolean countAttendee(long topic, Instant now) {
        changed(topic);
        return database.jdbc(c -> update(
                        c,
                        "update community_topic set attendee_count = attendee_count + 1 where id = ?"
                                + " and attendee_count < capacity and deadline > ?",
                        topic,
                        now)
                == 1);
    }

    boolean removeAttendee(long topic, long member) {
        changed(topic);
        return database.jdbc(c -> {
            if (update(c, "delete from community_rsvp where topic_id = ? and member_id = ?", topic, member) == 0) {
                return false;
            }
            update(c, "update community_topic set attendee_count = attendee_count - 1 where id = ?", topic);
            return true;
        });
    }

    boolean attending(long topic, long member) {
        return database.jdbc(
                c -> one(c, "select 1 from community_rsvp where topic_id = ? and member_id = ?", rs -> 1, topic, member)
                        .isPresent());
    }

    List<Long> attendees(long topic, int limit) {
        return database.jdbc(c -> list(
                c,
                "select member_id from community_rsvp where topic_id = ? order by created_at, member_id limit ?",
                rs -> rs.getLong(1),
                topic,
                limit));
    }
}

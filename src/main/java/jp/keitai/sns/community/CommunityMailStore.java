package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/**
 * The {@code community_setting} (comment notices by mail) and {@code community_mail_secret} (c.{secret}@ posting
 * addresses) tables, with plain JDBC, in the caller's transaction.
 */
@ApplicationScoped
public class CommunityMailStore extends JdbcStore {

    @Inject
    Database database;

    protected CommunityMailStore() {}

    CommunityMailStore(Database database) {
        this.database = database;
    }

    boolean commentMail(long member) {
        return database.jdbc(c -> one(
                        c,
                        "select comment_mail from community_setting where member_id = ?",
                        rs -> rs.getBoolean(1),
                        member))
                .orElse(false);
    }

    /** Of these members, those who asked for comment notices. */
    java.util.Set<Long> wantingMail(java.util.Collection<Long> members) {
        if (members.isEmpty()) {
            return java.util.Set.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(members.size(), "?"));
        return new java.util.HashSet<>(database.jdbc(c -> list(
                c,
                "select member_id from community_setting where comment_mail = ? and member_id in (" + in + ")",
                rs -> rs.getLong(1),
                java.util.stream.Stream.concat(java.util.stream.Stream.of((Object) true), members.stream())
                        .toArray())));
    }

    void saveCommentMail(long member, boolean on) {
        database.jdbc(c -> {
            if (update(c, "update community_setting set comment_mail = ? where member_id = ?", on, member) == 0) {
                update(c, "insert into community_setting (member_id, comment_mail) values (?, ?)", member, on);
            }
            return null;
        });
    }

    Optional<String> secret(long member, long topic) {
        return database.jdbc(c -> one(
                c,
                "select secret from community_mail_secret where member_id = ? and topic_id = ?",
                rs -> rs.getString(1),
                member,
                topic));
    }

    /** The member's secrets, by topic id (the member's own: one statement by the key). */
    java.util.Map<Long, String> secretsOf(long member) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        database.jdbc(c -> list(
                        c,
                        "select topic_id, secret from community_mail_secret where member_id = ?",
                        rs -> java.util.Map.entry(rs.getLong(1), rs.getString(2)),
                        member))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Sets the member's secret for the topic (a new one replaces the old); {@link CommunityFeed} drops its copy. */
    void saveSecret(long member, long topic, String secret) {
        database.changes().publish(CommunityFeed.SECRET_TOPIC, member);
        database.jdbc(c -> {
            if (update(
                            c,
                            "update community_mail_secret set secret = ? where member_id = ? and topic_id = ?",
                            secret,
                            member,
                            topic)
                    == 0) {
                update(
                        c,
                        "insert into community_mail_secret (member_id, topic_id, secret) values (?, ?, ?)",
                        member,
                        topic,
                        secret);
            }
            return null;
        });
    }

    /** Whose address for which topic a secret is. */
    record SecretOwner(long memberId, long topicId, String secret) {}

    Optional<SecretOwner> secretOwner(String secret) {
        return database.jdbc(c -> one(
                c,
                "select member_id, topic_id, secret from community_mail_secret where secret = ?",
                rs -> new SecretOwner(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                secret));
    }
}

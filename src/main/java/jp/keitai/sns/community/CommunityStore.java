package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.access.CommunityStanding;
import jp.keitai.sns.system.Database;

/**
 * The {@code community}, {@code community_member}, {@code community_setting}, {@code community_mail_secret} and
 * {@code community_report} tables, with plain JDBC. Writes run in the caller's transaction (a service's {@code
 * tx}); the member count is a counter changed in the same transaction as the membership row.
 */
@ApplicationScoped
public class CommunityStore extends JdbcStore {

    static final String COLUMNS = "c.id, c.name, c.category, c.description, c.join_policy, c.topic_policy,"
            + " c.read_policy, c.admin_id, c.handover_to, c.vacant_since, c.member_count, c.topic_count, c.image_key,"
            + " c.image_format, c.last_activity_at, c.created_at";

    @Inject
    Database database;

    protected CommunityStore() {}

    CommunityStore(Database database) {
        this.database = database;
    }

    static Community community(ResultSet rs) throws SQLException {
        return new Community(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("category"),
                rs.getString("description"),
                rs.getString("join_policy"),
                rs.getString("topic_policy"),
                rs.getString("read_policy"),
                nullableLong(rs, "admin_id"),
                nullableLong(rs, "handover_to"),
                instant(rs, "vacant_since"),
                rs.getInt("member_count"),
                rs.getInt("topic_count"),
                rs.getString("image_key"),
                rs.getString("image_format"),
                instant(rs, "last_activity_at"),
                instant(rs, "created_at"));
    }

    /** Lower case, no blanks: what a name search compares. */
    static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s　]+", "");
    }

    long insert(
            String name,
            String category,
            String description,
            String join,
            String topics,
            String read,
            long admin,
            String imageKey,
            String imageFormat,
            Instant now) {
        return database.jdbc(c -> insert(
                c,
                "insert into community (name, name_key, category, description, join_policy, topic_policy, read_policy,"
                        + " admin_id, member_count, topic_count, image_key, image_format, last_activity_at, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
                name,
                key(name),
                category,
                description,
                join,
                topics,
                read,
                admin,
                imageKey,
                imageFormat,
                now,
                now));
    }

    Optional<Community> find(long id) {
        return database.jdbc(
                c -> one(c, "select " + COLUMNS + " from community c where c.id = ?", CommunityStore::community, id));
    }

    /** In the caller's transaction: the row, locked until the commit. */
    Optional<Community> lock(long id) {
        return database.jdbc(c -> one(
                c, "select " + COLUMNS + " from community c where c.id = ? for update", CommunityStore::community, id));
    }

    void updateSettings(
            long id, String name, String category, String description, String join, String topics, String read) {
        database.jdbc(c -> update(
                c,
                "update community set name = ?, name_key = ?, category = ?, description = ?, join_policy = ?,"
                        + " topic_policy = ?, read_policy = ? where id = ?",
                name,
                key(name),
                category,
                description,
                join,
                topics,
                read,
                id));
    }

    void setImage(long id, String key, String format) {
        database.jdbc(
                c -> update(c, "update community set image_key = ?, image_format = ? where id = ?", key, format, id));
    }

    void setAdmin(long id, Long admin, Instant vacantSince) {
        database.jdbc(c -> update(
                c,
                "update community set admin_id = ?, vacant_since = ?, handover_to = null where id = ?",
                admin,
                vacantSince,
                id));
    }

    void setHandover(long id, Long to) {
        database.jdbc(c -> update(c, "update community set handover_to = ? where id = ?", to, id));
    }

    void addMembers(long id, int delta) {
        database.jdbc(c -> update(c, "update community set member_count = member_count + ? where id = ?", delta, id));
    }

    void topicAdded(long id, Instant at) {
        database.jdbc(c -> update(
                c, "update community set topic_count = topic_count + 1, last_activity_at = ? where id = ?", at, id));
    }

    void topicRemoved(long id) {
        database.jdbc(c -> update(c, "update community set topic_count = topic_count - 1 where id = ?", id));
    }

    void touched(long id, Instant at) {
        database.jdbc(c -> update(c, "update community set last_activity_at = ? where id = ?", at, id));
    }

    /** A row of a search result, with the viewer's standing read in the same statement. */
    record Found(Community community, CommunityStanding standing) {}

    /**
     * Communities whose name contains {@code text} (blanks and case ignored; any when blank), in a category (any when
     * null), most members first; the viewer's standing in each joined in.
     */
    List<Found> search(String text, String category, long viewer, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", m.role from community c"
                + " left join community_member m on m.community_id = c.id and m.member_id = ? where 1 = 1");
        List<Object> args = new java.util.ArrayList<>(List.of(viewer));
        if (text != null && !key(text).isEmpty()) {
            sql.append(" and c.name_key like ? escape '!'");
            args.add("%" + key(text).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (category != null) {
            sql.append(" and c.category = ?");
            args.add(category);
        }
        sql.append(" order by c.member_count desc, c.id desc limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return database.jdbc(c -> list(
                c,
                sql.toString(),
                rs -> new Found(community(rs), CommunityStanding.of(rs.getString("role"))),
                args.toArray()));
    }

    /** The communities the member belongs to (not pending, not banned), most recently active first. */
    List<Community> of(long member, int limit) {
        return database.jdbc(c -> list(
                c,
                "select " + COLUMNS + " from community c join community_member m on m.community_id = c.id"
                        + " where m.member_id = ? and m.role in ('member', 'sub_admin', 'admin')"
                        + " order by c.last_activity_at desc, c.id desc limit ?",
                CommunityStore::community,
                member,
                limit));
    }

    // ---- membership

    CommunityStanding standing(long community, long member) {
        return database.jdbc(c -> one(
                        c,
                        "select role from community_member where community_id = ? and member_id = ?",
                        rs -> CommunityStanding.of(rs.getString(1)),
                        community,
                        member))
                .orElse(CommunityStanding.NONE);
    }

    boolean membersOnly(long community) {
        return database.jdbc(
                        c -> one(c, "select read_policy from community where id = ?", rs -> rs.getString(1), community))
                .map("members"::equals)
                .orElse(false);
    }

    /** Adds a row; false when the member already has one (any standing). */
    boolean addMember(long community, long member, CommunityStanding role, Instant at) {
        return database.jdbc(c -> {
            if (one(
                            c,
                            "select 1 from community_member where community_id = ? and member_id = ? for update",
                            rs -> 1,
                            community,
                            member)
                    .isPresent()) {
                return false;
            }
            update(
                    c,
                    "insert into community_member (community_id, member_id, role, volunteer, joined_at)"
                            + " values (?, ?, ?, ?, ?)",
                    community,
                    member,
                    role.value(),
                    false,
                    at);
            return true;
        });
    }

    void setRole(long community, long member, CommunityStanding role) {
        database.jdbc(c -> update(
                c,
                "update community_member set role = ? where community_id = ? and member_id = ?",
                role.value(),
                community,
                member));
    }

    /** Sets the role and the join time (a pending member approved joins now). */
    void admit(long community, long member, Instant at) {
        database.jdbc(c -> update(
                c,
                "update community_member set role = 'member', joined_at = ? where community_id = ? and member_id = ?",
                at,
                community,
                member));
    }

    boolean removeMember(long community, long member) {
        return database.jdbc(c ->
                update(c, "delete from community_member where community_id = ? and member_id = ?", community, member)
                        > 0);
    }

    void setVolunteer(long community, long member, boolean volunteer) {
        database.jdbc(c -> update(
                c,
                "update community_member set volunteer = ? where community_id = ? and member_id = ?",
                volunteer,
                community,
                member));
    }

    /** The member who joined first among those who agreed to take over, if any. */
    Optional<Long> oldestVolunteer(long community) {
        return database.jdbc(c -> one(
                c,
                "select member_id from community_member where community_id = ? and volunteer = ?"
                        + " and role in ('member', 'sub_admin') order by joined_at, member_id limit 1",
                rs -> rs.getLong(1),
                community,
                true));
    }

    int countRole(long community, CommunityStanding role) {
        return database.jdbc(c -> one(
                        c,
                        "select count(*) from community_member where community_id = ? and role = ?",
                        rs -> rs.getInt(1),
                        community,
                        role.value()))
                .orElse(0);
    }

    /** A row of the members list. */
    record Membership(long memberId, CommunityStanding standing, boolean volunteer, Instant joinedAt) {}

    /** Members of these standings, oldest first, a page at a time (the members page, not the community page). */
    List<Membership> members(long community, List<CommunityStanding> roles, int limit, int offset) {
        String in = String.join(",", java.util.Collections.nCopies(roles.size(), "?"));
        List<Object> args = new java.util.ArrayList<>(List.of(community));
        roles.forEach(r -> args.add(r.value()));
        args.add(limit);
        args.add(offset);
        return database.jdbc(c -> list(
                c,
                "select member_id, role, volunteer, joined_at from community_member where community_id = ? and role in ("
                        + in + ") order by joined_at, member_id limit ? offset ?",
                rs -> new Membership(
                        rs.getLong(1),
                        CommunityStanding.of(rs.getString(2)),
                        rs.getBoolean(3),
                        instant(rs, "joined_at")),
                args.toArray()));
    }

    // ---- settings and mail secrets

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

    /** Sets the member's secret for the topic (a new one replaces the old). */
    void saveSecret(long member, long topic, String secret) {
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

    // ---- reports

    record Report(
            long id,
            long topicId,
            int commentNumber,
            long reporterId,
            String reason,
            String status,
            Instant createdAt) {}

    long addReport(long topic, int number, long reporter, String reason, Instant at) {
        return database.jdbc(c -> insert(
                c,
                "insert into community_report (topic_id, comment_number, reporter_id, reason, status, created_at)"
                        + " values (?, ?, ?, ?, 'open', ?)",
                topic,
                number,
                reporter,
                reason,
                at));
    }

    List<Report> reports(String status, int limit) {
        return database.jdbc(c -> list(
                c,
                "select id, topic_id, comment_number, reporter_id, reason, status, created_at from community_report"
                        + " where status = ? order by created_at, id limit ?",
                rs -> new Report(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs, "created_at")),
                status,
                limit));
    }

    Optional<Report> report(long id) {
        return database.jdbc(c -> one(
                c,
                "select id, topic_id, comment_number, reporter_id, reason, status, created_at from community_report"
                        + " where id = ?",
                rs -> new Report(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs, "created_at")),
                id));
    }

    /** Closes every open report of the same topic or comment. */
    void closeReports(long topic, int number, String status, long operator, Instant at) {
        database.jdbc(c -> update(
                c,
                "update community_report set status = ?, handled_by = ?, handled_at = ? where topic_id = ?"
                        + " and comment_number = ? and status = 'open'",
                status,
                operator,
                at,
                topic,
                number));
    }
}

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
 * The {@code community} and {@code community_member} tables, with plain JDBC ({@link CommunityMailStore} keeps the
 * notice settings and posting secrets, {@link ReportStore} the reports). Writes run in the caller's transaction (a service's {@code
 * tx}); the member count is a counter changed in the same transaction as the membership row. Every write says so
 * through {@code system.Changes}, so that {@link CommunityFeed}'s copies are dropped on every node.
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

    /** Every node drops its copy of the community row ({@link CommunityFeed}) once the transaction commits. */
    private void communityChanged(long id) {
        database.changes().publish(CommunityFeed.COMMUNITY_TOPIC, id);
    }

    /** Every node drops its copy of the member's standings ({@link CommunityFeed}) once the transaction commits. */
    private void membershipChanged(long member) {
        database.changes().publish(CommunityFeed.MEMBERSHIP_TOPIC, member);
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
        communityChanged(id);
    }

    void setImage(long id, String key, String format) {
        database.jdbc(
                c -> update(c, "update community set image_key = ?, image_format = ? where id = ?", key, format, id));
        communityChanged(id);
    }

    void setAdmin(long id, Long admin, Instant vacantSince) {
        database.jdbc(c -> update(
                c,
                "update community set admin_id = ?, vacant_since = ?, handover_to = null where id = ?",
                admin,
                vacantSince,
                id));
        communityChanged(id);
    }

    void setHandover(long id, Long to) {
        database.jdbc(c -> update(c, "update community set handover_to = ? where id = ?", to, id));
        communityChanged(id);
    }

    void addMembers(long id, int delta) {
        database.jdbc(c -> update(c, "update community set member_count = member_count + ? where id = ?", delta, id));
        communityChanged(id);
    }

    void topicAdded(long id, Instant at) {
        database.jdbc(c -> update(
                c, "update community set topic_count = topic_count + 1, last_activity_at = ? where id = ?", at, id));
        communityChanged(id);
    }

    void topicRemoved(long id) {
        database.jdbc(c -> update(c, "update community set topic_count = topic_count - 1 where id = ?", id));
        communityChanged(id);
    }

    void touched(long id, Instant at) {
        database.jdbc(c -> update(c, "update community set last_activity_at = ? where id = ?", at, id));
        communityChanged(id);
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

    /** Every community row the member has (any standing), by community id: one statement, by the member index. */
    java.util.Map<Long, CommunityStanding> standings(long member) {
        java.util.Map<Long, CommunityStanding> out = new java.util.HashMap<>();
        database.jdbc(c -> list(
                        c,
                        "select community_id, role from community_member where member_id = ?",
                        rs -> new Object[] {rs.getLong(1), CommunityStanding.of(rs.getString(2))},
                        member))
                .forEach(r -> out.put((Long) r[0], (CommunityStanding) r[1]));
        return out;
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
            membershipChanged(member);
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
        membershipChanged(member);
    }

    /** Sets the role and the join time (a pending member approved joins now). */
    void admit(long community, long member, Instant at) {
        database.jdbc(c -> update(
                c,
                "update community_member set role = 'member', joined_at = ? where community_id = ? and member_id = ?",
                at,
                community,
                member));
        membershipChanged(member);
    }

    boolean removeMember(long community, long member) {
        membershipChanged(member);
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
}

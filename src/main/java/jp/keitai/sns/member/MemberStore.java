package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.system.Database;

/**
 * The member table, through JPA. Reads named {@code find…} use an entity manager of their own (a detached copy, no
 * transaction); the others join the caller's transaction, and a member they return is managed by it, so a change to
 * it is saved when that transaction commits.
 */
@ApplicationScoped
public class MemberStore {

    @Inject
    Database database;

    protected MemberStore() {}

    public MemberStore(Database database) {
        this.database = database;
    }

    /** Nickname and status: what pages naming many members need of each. */
    /** What lists need of a member; {@code prefecture} is the JIS code or null. */
    record Card(String nickname, MemberStatus status, Integer prefecture) {}

    /** The member as it is committed, detached. */
    Optional<Member> find(long id) {
        return Optional.ofNullable(database.read(em -> em.find(Member.class, id)));
    }

    /** The member in the current transaction, or null. */
    Member inTransaction(long id) {
        return database.tx(em -> em.find(Member.class, id));
    }

    /** The cards of these members, by id; ids without a member are left out. One query. */
    Map<Long, Card> findCards(Set<Long> ids) {
        Map<Long, Card> out = new HashMap<>();
        database.read(em -> em.createQuery(
                                "select m.id, m.nickname, m.status, m.prefecture from Member m where m.id in :ids",
                                Object[].class)
                        .setParameter("ids", List.copyOf(ids))
                        .getResultList())
                .forEach(r -> out.put((Long) r[0], new Card((String) r[1], (MemberStatus) r[2], (Integer) r[3])));
        return out;
    }

    /** The members with these ids (ids without a member left out), in one query. */
    List<Member> findAll(Collection<Long> ids) {
        return database.read(em -> em.createQuery("select m from Member m where m.id in :ids", Member.class)
                .setParameter("ids", List.copyOf(new HashSet<>(ids)))
                .getResultList());
    }

    /** The member whose PC or carrier address this canonical address is. */
    Optional<Member> findByEmail(String canonical) {
        List<Member> found = database.read(
                em -> em.createQuery("select m from Member m where m.pcEmail = :a or m.mobileEmail = :a", Member.class)
                        .setParameter("a", canonical)
                        .getResultList());
        return found.stream().findFirst();
    }

    /** Members whose nickname or either address matches the {@code like} pattern, newest first. */
    List<Member> findLike(String pattern, int limit, int offset) {
        return database.read(em -> em.createQuery(
                        "select m from Member m where m.nickname like :q or m.mobileEmail like :q"
                                + " or m.pcEmail like :q order by m.id desc",
                        Member.class)
                .setParameter("q", pattern)
                .setMaxResults(limit)
                .setFirstResult(offset)
                .getResultList());
    }

    /**
     * Whether a member holds this address (carrier or PC), as the current transaction sees it: the check that keeps
     * one account per address, repeated under the registration's row lock.
     */
    boolean isTaken(String address) {
        return database.tx(
                em -> !em.createQuery("select m from Member m where m.mobileEmail = :a or m.pcEmail = :a", Member.class)
                        .setParameter("a", address)
                        .getResultList()
                        .isEmpty());
    }

    /** The nicknames of the operator accounts (reserved: no member may take one). */
    List<String> operatorNicknames() {
        return database.tx(em -> em.createQuery("select m.nickname from Member m where m.role = :r", String.class)
                .setParameter("r", Role.OPERATOR)
                .getResultList());
    }

    /** How many operator accounts there are, in the current transaction. */
    long countOperators() {
        return database.tx(em -> em.createQuery("select count(m) from Member m where m.role = :r", Long.class)
                .setParameter("r", Role.OPERATOR)
                .getSingleResult());
    }

    /** Saves a new member in the current transaction; its id is set on return. */
    void add(Member member) {
        database.run(em -> {
            em.persist(member);
            em.flush();
        });
    }

    /** Writes the current transaction's pending changes now, so a broken unique index fails here, not at commit. */
    void flush() {
        database.run(em -> em.flush());
    }

    /** When the member last signed in (their registration when never since the column came), or empty. */
    Optional<java.time.Instant> lastSignIn(long id) {
        return database.jdbc(c -> {
            try (java.sql.PreparedStatement ps =
                    c.prepareStatement("select coalesce(last_signed_in_at, created_at) from member where id = ?")) {
                ps.setLong(1, id);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
                }
            }
        });
    }

    /** Active members (not operators) who have not signed in since {@code cutoff}, oldest first, at most {@code limit}. */
    List<Long> signedInBefore(java.time.Instant cutoff, int limit) {
        return database.jdbc(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("select id from member where status = 'ACTIVE'"
                    + " and role = 'MEMBER' and coalesce(last_signed_in_at, created_at) < ?"
                    + " order by coalesce(last_signed_in_at, created_at), id limit " + limit)) {
                ps.setTimestamp(1, java.sql.Timestamp.from(cutoff));
                List<Long> out = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }
}

package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;

/** Reads and changes member accounts. Other features ask this service, never the member table. */
@ApplicationScoped
public class MemberService {

    @Inject
    Database database;

    protected MemberService() {}

    public MemberService(Database database) {
        this.database = database;
    }

    public Optional<Member> find(long id) {
        return Optional.ofNullable(database.read(em -> em.find(Member.class, id)));
    }

    /** Nicknames of these members in one query (missing ids are left out). */
    public java.util.Map<Long, String> nicknames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Object[]> rows = database.read(
                em -> em.createQuery("select m.id, m.nickname from Member m where m.id in :ids", Object[].class)
                        .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
                        .getResultList());
        rows.forEach(r -> out.put((Long) r[0], (String) r[1]));
        return out;
    }

    /**
     * Locks these members' rows until the current transaction ends, always in id order, so that two changes about the
     * same pair of members (say, both asking each other for マイミク at once) run one after the other.
     */
    public void lock(long... ids) {
        long[] sorted = ids.clone();
        java.util.Arrays.sort(sorted);
        database.jdbc(c -> {
            for (long id : sorted) {
                try (java.sql.PreparedStatement ps =
                        c.prepareStatement("select id from member where id = ? for update")) {
                    ps.setLong(1, id);
                    ps.executeQuery().close();
                }
            }
            return null;
        });
    }

    /** Whether the member exists and is active (neither suspended nor withdrawn). */
    public boolean isActive(long id) {
        return find(id).map(m -> m.getStatus() == MemberStatus.ACTIVE).orElse(false);
    }

    /** Which of these members are active (neither suspended nor withdrawn), in one query. */
    public java.util.Set<Long> activeAmong(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(database.read(
                em -> em.createQuery("select m.id from Member m where m.id in :ids and m.status = :active", Long.class)
                        .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
                        .setParameter("active", MemberStatus.ACTIVE)
                        .getResultList()));
    }

    /** Members whose nickname or address contains the text (for the operator console), newest first. */
    public List<Member> search(String text, int limit, int offset) {
        String q = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
        return database.read(em -> em.createQuery(
                        "select m from Member m where m.nickname like :q or m.mobileEmail like :q"
                                + " or m.pcEmail like :q order by m.id desc",
                        Member.class)
                .setParameter("q", q)
                .setMaxResults(limit)
                .setFirstResult(offset)
                .getResultList());
    }

    /** Suspends or restores a member; returns false when there is no such member or nothing changes. */
    public boolean setStatus(long id, MemberStatus status) {
        return database.tx(em -> {
            Member m = em.find(Member.class, id);
            if (m == null || m.getStatus() == status || m.getStatus() == MemberStatus.WITHDRAWN) {
                return false;
            }
            m.setStatus(status);
            return true;
        });
    }

    /** The member whose PC or carrier address this is (domain compared case-insensitively). */
    public Optional<Member> findByEmail(String address) {
        String canonical = MailAddresses.canonical(address);
        List<Member> found = database.read(
                em -> em.createQuery("select m from Member m where m.pcEmail = :a or m.mobileEmail = :a", Member.class)
                        .setParameter("a", canonical)
                        .getResultList());
        return found.stream().findFirst();
    }

    /** The members with these ids, by id (ids without a member left out), in one query: for pages naming many. */
    public java.util.Map<Long, Member> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Member> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            database.read(em -> em.createQuery("select m from Member m where m.id in :ids", Member.class)
                            .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
                            .getResultList())
                    .forEach(m -> out.put(m.getId(), m));
        }
        return out;
    }
}

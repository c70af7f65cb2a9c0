package jp.keitai.sns.member;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/** Reads and changes member accounts. Other features ask this service, never the member table. */
@ApplicationScoped
public class MemberService implements jp.keitai.sns.access.ActiveMembers {

    static final String TOPIC = "member";

    @Inject
    Database database;

    /** Nickname and status of members, for the pages that name many members (issue 9); dropped on every change. */
    private ReadCache<Long, Card> cards;

    private record Card(String nickname, MemberStatus status) {}

    /**
     * What a profile page shows of a member (issue 9: kept in memory like the cards, dropped on the same changes).
     * {@code selfIntroVisibility} is the stored level value.
     */
    public record Profile(long id, String nickname, MemberStatus status, String selfIntro, String selfIntroVisibility) {
        /** For templates ({@code owner.id}, {@code owner.nickname}), as on {@link Member}. */
        public long getId() {
            return id;
        }

        public String getNickname() {
            return nickname;
        }
    }

    private ReadCache<Long, Profile> profiles;

    protected MemberService() {}

    public MemberService(Database database) {
        this.database = database;
        init();
    }

    @PostConstruct
    void init() {
        cards = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.MEMBERS.get());
        profiles = ReadCache.ofIds(jp.keitai.sns.system.CacheSize.PROFILES.get());
        database.changes().subscribe(TOPIC, cards::invalidate);
        database.changes().subscribe(TOPIC, profiles::invalidate);
        database.changes().onReset(() -> {
            cards.clear();
            profiles.clear();
        });
    }

    /** Call in the transaction that changes a member's nickname, self-introduction (or its level) or status. */
    public void changed(long id) {
        database.changes().publish(TOPIC, id);
    }

    /** Nickname and status of these members: from memory outside a transaction, else from the database. */
    private java.util.Map<Long, Card> cards(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        if (database.inTransaction()) {
            return loadCards(new java.util.HashSet<>(ids));
        }
        return cards.getAll(ids, this::loadCards);
    }

    private java.util.Map<Long, Card> loadCards(java.util.Set<Long> ids) {
        java.util.Map<Long, Card> out = new java.util.HashMap<>();
        database.read(em -> em.createQuery(
                                "select m.id, m.nickname, m.status from Member m where m.id in :ids", Object[].class)
                        .setParameter("ids", List.copyOf(ids))
                        .getResultList())
                .forEach(r -> out.put((Long) r[0], new Card((String) r[1], (MemberStatus) r[2])));
        return out;
    }

    /** The member's profile fields: from memory outside a transaction, else from the database. */
    public Optional<Profile> profile(long id) {
        if (database.inTransaction()) {
            return Optional.ofNullable(loadProfile(id));
        }
        return Optional.ofNullable(profiles.get(id, this::loadProfile));
    }

    private Profile loadProfile(long id) {
        Member m = database.read(em -> em.find(Member.class, id));
        return m == null
                ? null
                : new Profile(m.getId(), m.getNickname(), m.getStatus(), m.getSelfIntro(), m.getSelfIntroVisibility());
    }

    public Optional<MemberSummary> find(long id) {
        return entity(id).map(MemberSummary::of);
    }

    Optional<Member> entity(long id) {
        return Optional.ofNullable(database.read(em -> em.find(Member.class, id)));
    }

    /** Nicknames of these members in one query (missing ids are left out). */
    public java.util.Map<Long, String> nicknames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        cards(ids).forEach((id, card) -> out.put(id, card.nickname()));
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
        Card card = cards(List.of(id)).get(id);
        return card != null && card.status() == MemberStatus.ACTIVE;
    }

    /** Which of these members are active (neither suspended nor withdrawn), in one query. */
    public java.util.Set<Long> activeAmong(java.util.Collection<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        cards(ids).forEach((id, card) -> {
            if (card.status() == MemberStatus.ACTIVE) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * The active members among these ids, in their order: the array itself when all are active. {@link #retainActive}
     * for arrays (the home page's friends on every view, issue 9); one query at most, for the cards not in memory.
     */
    public long[] active(long[] ids) {
        Card[] found;
        if (database.inTransaction()) {
            java.util.Map<Long, Card> loaded =
                    cards(java.util.Arrays.stream(ids).boxed().toList());
            found = java.util.Arrays.stream(ids).mapToObj(loaded::get).toArray(Card[]::new);
        } else {
            found = cards.getAll(ids, Card[]::new, this::loadCards);
        }
        long[] out = new long[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (found[i] != null && found[i].status() == MemberStatus.ACTIVE) {
                out[n++] = ids[i];
            }
        }
        return n == ids.length ? ids : java.util.Arrays.copyOf(out, n);
    }

    /**
     * Keeps only the active members among these ids, in place: {@link #active} for a collection (AccessPolicy's
     * answers for lists of owners). One query at most.
     */
    public void retainActive(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        long[] kept = active(all);
        if (kept != all) {
            java.util.Set<Long> keep = new java.util.HashSet<>();
            for (long id : kept) {
                keep.add(id);
            }
            ids.retainAll(keep);
        }
    }

    /** Members whose nickname or address contains the text (for the operator console), newest first. */
    public List<MemberSummary> search(String text, int limit, int offset) {
        String q = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
        return database.read(em -> em
                .createQuery(
                        "select m from Member m where m.nickname like :q or m.mobileEmail like :q"
                                + " or m.pcEmail like :q order by m.id desc",
                        Member.class)
                .setParameter("q", q)
                .setMaxResults(limit)
                .setFirstResult(offset)
                .getResultList()
                .stream()
                .map(MemberSummary::of)
                .toList());
    }

    /** Suspends or restores a member; returns false when there is no such member or nothing changes. */
    public boolean setStatus(long id, MemberStatus status) {
        return database.tx(em -> {
            Member m = em.find(Member.class, id);
            if (m == null || m.getStatus() == status || m.getStatus() == MemberStatus.WITHDRAWN) {
                return false;
            }
            m.setStatus(status);
            changed(id);
            return true;
        });
    }

    /** The member whose PC or carrier address this is (domain compared case-insensitively). */
    public Optional<MemberSummary> findByEmail(String address) {
        return entityByEmail(address).map(MemberSummary::of);
    }

    Optional<Member> entityByEmail(String address) {
        String canonical = MailAddresses.canonical(address);
        List<Member> found = database.read(
                em -> em.createQuery("select m from Member m where m.pcEmail = :a or m.mobileEmail = :a", Member.class)
                        .setParameter("a", canonical)
                        .getResultList());
        return found.stream().findFirst();
    }

    /** The members with these ids, by id (ids without a member left out), in one query: for pages naming many. */
    public java.util.Map<Long, MemberSummary> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, MemberSummary> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            database.read(em -> em.createQuery("select m from Member m where m.id in :ids", Member.class)
                            .setParameter("ids", List.copyOf(new java.util.HashSet<>(ids)))
                            .getResultList())
                    .forEach(m -> out.put(m.getId(), MemberSummary.of(m)));
        }
        return out;
    }
}

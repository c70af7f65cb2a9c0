package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.ActiveMembers;
import jp.keitai.sns.system.Database;

/**
 * Reads and changes member accounts. Other features ask this service, never the member table; what the hot pages
 * read comes from {@link MemberDirectory}.
 */
@ApplicationScoped
public class MemberService implements ActiveMembers {

    @Inject
    Database database;

    @Inject
    MemberStore store;

    @Inject
    MemberLockStore locks;

    @Inject
    MemberDirectory directory;

    /** What a profile page shows of a member. {@code selfIntroVisibility} is the stored level value. */
    public record Profile(long id, String nickname, MemberStatus status, String selfIntro, String selfIntroVisibility) {
        /** For templates ({@code owner.id}, {@code owner.nickname}), as on {@link Member}. */
        public long getId() {
            return id;
        }

        public String getNickname() {
            return nickname;
        }
    }

    protected MemberService() {}

    public MemberService(Database database) {
        this.database = database;
        this.store = new MemberStore(database);
        this.locks = new MemberLockStore(database);
        this.directory = new MemberDirectory(database, store);
    }

    /** Call in the transaction that changes a member's nickname, self-introduction (or its level) or status. */
    public void changed(long id) {
        database.changes().publish(MemberDirectory.TOPIC, id);
    }

    /** The member's profile fields: from memory outside a transaction, else from the database. */
    public Optional<Profile> profile(long id) {
        return directory.profile(id);
    }

    public Optional<MemberSummary> find(long id) {
        return entity(id).map(MemberSummary::of);
    }

    Optional<Member> entity(long id) {
        return store.find(id);
    }

    /** Nicknames of these members in one query (missing ids are left out). */
    public Map<Long, String> nicknames(Collection<Long> ids) {
        return directory.nicknames(ids);
    }

    /** The 現住所 ({@link Prefecture} code) of these members that gave one (others left out); one query at most. */
    public Map<Long, Integer> prefectures(Collection<Long> ids) {
        return directory.prefectures(ids);
    }

    /**
     * Locks these members' rows until the current transaction ends, always in id order, so that two changes about the
     * same pair of members (say, both asking each other for マイミク at once) run one after the other.
     */
    public void lock(long... ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        locks.lock(sorted);
    }

    /** Whether the member exists and is active (neither suspended nor withdrawn). */
    @Override
    public boolean isActive(long id) {
        return directory.isActive(id);
    }

    /** Which of these members are active (neither suspended nor withdrawn), in one query. */
    public Set<Long> activeAmong(Collection<Long> ids) {
        return directory.activeAmong(ids);
    }

    /** The active members among these ids, in their order: the array itself when all are active. */
    @Override
    public long[] active(long[] ids) {
        return directory.active(ids);
    }

    /**
     * Keeps only the active members among these ids, in place: {@link #active} for a collection (AccessPolicy's
     * answers for lists of owners). One query at most.
     */
    @Override
    public void retainActive(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long[] all = ids.stream().mapToLong(Long::longValue).toArray();
        long[] kept = active(all);
        if (kept != all) {
            Set<Long> keep = new HashSet<>();
            for (long id : kept) {
                keep.add(id);
            }
            ids.retainAll(keep);
        }
    }

    /** Members whose nickname or address contains the text (for the operator console), newest first. */
    public List<MemberSummary> search(String text, int limit, int offset) {
        String q = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
        return store.findLike(q, limit, offset).stream().map(MemberSummary::of).toList();
    }

    /** Suspends or restores a member; returns false when there is no such member or nothing changes. */
    public boolean setStatus(long id, MemberStatus status) {
        return database.tx(em -> {
            Member m = store.inTransaction(id);
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
        return store.findByEmail(MailAddresses.canonical(address));
    }

    /** The members with these ids, by id (ids without a member left out), in one query: for pages naming many. */
    public Map<Long, MemberSummary> findAll(Collection<Long> ids) {
        Map<Long, MemberSummary> out = new HashMap<>();
        if (!ids.isEmpty()) {
            store.findAll(ids).forEach(m -> out.put(m.getId(), MemberSummary.of(m)));
        }
        return out;
    }

    /** When the member last signed in (their registration when never since sign-ins were recorded). */
    public Optional<java.time.Instant> lastSignIn(long id) {
        return store.lastSignIn(id);
    }

    /** Active members (operators aside) who have not signed in since {@code cutoff}, oldest first (退会のお知らせ). */
    public List<Long> signedInBefore(java.time.Instant cutoff, int limit) {
        return store.signedInBefore(cutoff, limit);
    }
}

package jp.keitai.sns.member;

import jakarta.annotation.PostConstruct;
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
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * The member read model: nicknames, status and profile text as the hot pages (home, profile, diary) read them, kept
 * in memory and dropped on every node when {@link #TOPIC} names a member. The only class in {@code member} that
 * caches. Inside a transaction it reads the database, so a change sees its own writes.
 */
@ApplicationScoped
public class MemberDirectory {

    /** The change topic: publish a member's id in the transaction that changes its nickname, profile or status. */
    static final String TOPIC = "member";

    @Inject
    Database database;

    @Inject
    MemberStore store;

    private ReadCache<Long, MemberStore.Card> cards;
    private ReadCache<Long, MemberService.Profile> profiles;

    protected MemberDirectory() {}

    public MemberDirectory(Database database, MemberStore store) {
        this.database = database;
        this.store = store;
        init();
    }

    @PostConstruct
    void init() {
        cards = ReadCache.ofIds(CacheSize.MEMBERS.get());
        profiles = ReadCache.ofIds(CacheSize.PROFILES.get());
        database.changes().subscribe(TOPIC, cards::invalidate);
        database.changes().subscribe(TOPIC, profiles::invalidate);
        database.changes().onReset(() -> {
            cards.clear();
            profiles.clear();
        });
    }

    /** The member's profile fields. */
    public Optional<MemberService.Profile> profile(long id) {
        if (database.inTransaction()) {
            return Optional.ofNullable(loadProfile(id));
        }
        return Optional.ofNullable(profiles.get(id, this::loadProfile));
    }

    private MemberService.Profile loadProfile(long id) {
        return store.find(id)
                .map(m -> new MemberService.Profile(
                        m.getId(), m.getNickname(), m.getStatus(), m.getSelfIntro(), m.getSelfIntroVisibility()))
                .orElse(null);
    }

    /** Nicknames of these members, by id (missing ids are left out); one query at most. */
    public Map<Long, String> nicknames(Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        cards(ids).forEach((id, card) -> out.put(id, card.nickname()));
        return out;
    }

    /** The 現住所 (JIS code) of these members that gave one, by id; one query at most. */
    public Map<Long, Integer> prefectures(Collection<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        cards(ids).forEach((id, card) -> {
            if (card.prefecture() != null) {
                out.put(id, card.prefecture());
            }
        });
        return out;
    }

    /** Whether the member exists and is active (neither suspended nor withdrawn). */
    public boolean isActive(long id) {
        MemberStore.Card card = cards(List.of(id)).get(id);
        return card != null && card.status() == MemberStatus.ACTIVE;
    }

    /** Which of these members are active; one query at most. */
    public Set<Long> activeAmong(Collection<Long> ids) {
        Set<Long> out = new HashSet<>();
        cards(ids).forEach((id, card) -> {
            if (card.status() == MemberStatus.ACTIVE) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * The active members among these ids, in their order: the array itself when all are active (the home page asks
     * this for every friend on every view, so the common answer allocates nothing). One query at most.
     */
    public long[] active(long[] ids) {
        MemberStore.Card[] found;
        if (database.inTransaction()) {
            Map<Long, MemberStore.Card> loaded =
                    cards(Arrays.stream(ids).boxed().toList());
            found = Arrays.stream(ids).mapToObj(loaded::get).toArray(MemberStore.Card[]::new);
        } else {
            found = cards.getAll(ids, MemberStore.Card[]::new, store::findCards);
        }
        long[] out = new long[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (found[i] != null && found[i].status() == MemberStatus.ACTIVE) {
                out[n++] = ids[i];
            }
        }
        return n == ids.length ? ids : Arrays.copyOf(out, n);
    }

    private Map<Long, MemberStore.Card> cards(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (database.inTransaction()) {
            return store.findCards(new HashSet<>(ids));
        }
        return cards.getAll(ids, store::findCards);
    }
}

package jp.keitai.sns.safety;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jp.keitai.sns.system.CacheSize;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ReadCache;

/**
 * What the home page reads of 安否確認 on every view, kept in memory: the checks not yet over (one list, dropped when
 * a check is opened or closed on any node) and, per member, their answer to the open check. Dropped through
 * {@code system.Changes}, published in the transaction (or the auto-commit) that writes.
 */
final class SafetyFeed {

    static final String CHECKS = "safety-checks";
    static final String ANSWERS = "safety-answers";
    /** A cached "no answer". */
    private static final SafetyStore.Answer NONE = new SafetyStore.Answer(0, null, "", Instant.EPOCH);

    private final Database database;
    private final SafetyStore store;
    private volatile List<SafetyStore.Check> current;
    /** member → answer to the check in {@link #answerCheck}, or {@link #NONE}. */
    private final ReadCache<Long, SafetyStore.Answer> answers;

    private volatile long answerCheck;

    SafetyFeed(Database database, SafetyStore store) {
        this.database = database;
        this.store = store;
        this.answers = ReadCache.ofIds(CacheSize.MEMBERS.get());
        database.changes().subscribe(CHECKS, id -> {
            current = null;
            answers.clear();
        });
        database.changes().subscribe(ANSWERS, answers::invalidate);
        database.changes().onReset(() -> {
            current = null;
            answers.clear();
        });
    }

    /** The check open at {@code now} (the one opened last, if several), from memory. */
    Optional<SafetyStore.Check> open(Instant now) {
        return open(now, k -> true);
    }

    /** The check open at {@code now} that asks members living in this prefecture (null: not given), from memory. */
    Optional<SafetyStore.Check> openFor(Instant now, Integer prefecture) {
        return open(now, k -> k.asks(prefecture));
    }

    private Optional<SafetyStore.Check> open(Instant now, Predicate<SafetyStore.Check> which) {
        List<SafetyStore.Check> c = current;
        if (c == null) {
            c = store.current(now);
            current = c;
        }
        SafetyStore.Check found = null;
        for (SafetyStore.Check k : c) {
            if (k.openAt(now) && which.test(k) && (found == null || k.id() > found.id())) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The member's answer to the check, from memory once read. */
    Optional<SafetyStore.Answer> answer(long check, long member) {
        if (answerCheck != check) {
            answers.clear();
            answerCheck = check;
        }
        SafetyStore.Answer a = answers.get(member, m -> store.answerOf(check, m).orElse(NONE));
        return a == NONE ? Optional.empty() : Optional.of(a);
    }

    void checksChanged(long check) {
        database.changes().publish(CHECKS, check);
    }

    void answered(long member) {
        database.changes().publish(ANSWERS, member);
    }
}

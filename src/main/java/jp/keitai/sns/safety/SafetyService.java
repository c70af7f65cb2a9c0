package jp.keitai.sns.safety;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * 安否確認 (I am safe), built for the day of an earthquake: operators (or the configured trigger) open a check for a
 * region and a time window; while it is open every member sees 「無事です」 on the home page and may answer with an
 * optional short message, on the web or by an empty mail to {@code safe@}. An answer is one small insert (a second
 * one changes only the message); the friends' list is one query for all friends' answers, names and friends from
 * memory. Rows are {@link SafetyStore}'s, the home page's reads {@link SafetyFeed}'s.
 */
@ApplicationScoped
public class SafetyService {

    public static final int MAX_MESSAGE = 100;
    static final String NONE_OPEN = "いま安否確認は行われていません。";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /** A check as pages show it. */
    public record CheckView(
            long id,
            String title,
            String region,
            String opens,
            String closes,
            boolean open,
            int answerCount,
            boolean automatic) {}

    /** The home page's button: the open check, and whether (and what) the member answered. */
    public record Home(long checkId, String title, String region, boolean answered, String message) {}

    /** A friend on the list: name, message and time (for those who answered). */
    public record Friend(long id, String nickname, String message, String time, boolean byMail) {}

    /** The friends' list of the open check: who answered (newest first) and who has not. */
    public record Board(CheckView check, boolean iAnswered, List<Friend> answered, List<Friend> notYet) {}

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    MemberService members;

    private SafetyStore store;
    private SafetyFeed feed;

    protected SafetyService() {}

    public SafetyService(Database database, AccessPolicy policy, MemberService members) {
        this.database = database;
        this.policy = policy;
        this.members = members;
        init();
    }

    @PostConstruct
    void init() {
        store = new SafetyStore(database);
        feed = new SafetyFeed(database, store);
    }

    /**
     * Opens a check for a region from {@code opensAt} for {@code duration}.
     *
     * @param operator the operator, or null for the configured trigger
     * @throws Refused with the reason in Japanese
     */
    public long open(Long operator, String title, String region, Instant opensAt, Duration duration) {
        String t = title == null ? "" : title.strip();
        String r = region == null ? "" : region.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refused("名前（例: 〇〇地震）を100文字までで入れてください。");
        }
        if (r.isEmpty() || r.length() > 100) {
            throw new Refused("地域を100文字までで入れてください（例: 東北・関東、全国）。");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(30)) > 0) {
            throw new Refused("期間は1時間から30日までです。");
        }
        Instant start = opensAt == null ? Clock.now() : opensAt;
        return database.tx(em -> {
            long id = store.open(t, r, start, start.plus(duration), operator, Clock.now());
            feed.checksChanged(id);
            return id;
        });
    }

    /** Ends a check now; false when it was over already. */
    public boolean close(long id) {
        return database.tx(em -> {
            boolean closed = store.close(id, Clock.now());
            feed.checksChanged(id);
            return closed;
        });
    }

    /**
     * The member answers 「無事です」 to the open check, with an optional short message. Idempotent per member and
     * check: a second answer changes only the message (when one is given).
     *
     * @param via {@code web} or {@code mail}
     * @return true for the member's first answer to the check
     * @throws Refused when no check is open, or the message is too long
     */
    public boolean answer(long member, String message, String via) {
        SafetyStore.Check check = feed.open(Clock.now()).orElseThrow(() -> new Refused(NONE_OPEN));
        String m = message == null ? null : message.strip();
        if (m != null && m.isEmpty()) {
            m = null;
        }
        if (m != null && m.codePointCount(0, m.length()) > MAX_MESSAGE) {
            throw new Refused("ひとことは" + MAX_MESSAGE + "文字までです。");
        }
        if (!members.isActive(member)) {
            throw new Refused("アカウントが停止されています。");
        }
        boolean first = store.answer(check.id(), member, m, via, Clock.now());
        feed.answered(member);
        return first;
    }

    /** The open check for the home page's button, or empty (from memory once warm). */
    public Optional<Home> home(long member) {
        return feed.open(Clock.now()).map(c -> {
            Optional<SafetyStore.Answer> a = feed.answer(c.id(), member);
            return new Home(
                    c.id(),
                    c.title(),
                    c.region(),
                    a.isPresent(),
                    a.map(SafetyStore.Answer::message).orElse(null));
        });
    }

    /** Whether a check is open now. */
    public boolean isOpen() {
        return feed.open(Clock.now()).isPresent();
    }

    /**
     * The viewer's friends on the open check: who answered (newest first, with their message) and who has not. One
     * query for the answers, whatever the number of friends; empty when no check is open.
     */
    public Optional<Board> board(long viewer) {
        Optional<SafetyStore.Check> open = feed.open(Clock.now());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        SafetyStore.Check c = open.get();
        long[] friends = policy.visibleFriends(viewer);
        List<SafetyStore.Answer> answers = store.answersOf(c.id(), friends);
        Set<Long> ids = new HashSet<>();
        for (long f : friends) {
            ids.add(f);
        }
        Map<Long, String> names = members.nicknames(ids);
        Set<Long> answeredIds = new HashSet<>();
        List<Friend> answered = new ArrayList<>();
        for (SafetyStore.Answer a : answers) {
            answeredIds.add(a.memberId());
            answered.add(new Friend(
                    a.memberId(),
                    names.getOrDefault(a.memberId(), ""),
                    a.message(),
                    TIME.format(a.answeredAt()),
                    "mail".equals(a.via())));
        }
        List<Friend> notYet = new ArrayList<>();
        for (long f : friends) {
            if (!answeredIds.contains(f)) {
                notYet.add(new Friend(f, names.getOrDefault(f, ""), null, null, false));
            }
        }
        boolean me = feed.answer(c.id(), viewer).isPresent();
        return Optional.of(new Board(view(c, -1), me, answered, notYet));
    }

    /** The latest checks with their answer counts, newest first (the console). */
    public List<CheckView> latest(int limit) {
        List<CheckView> out = new ArrayList<>();
        for (SafetyStore.Check c : store.latest(limit)) {
            out.add(view(c, store.answerCount(c.id())));
        }
        return out;
    }

    private static CheckView view(SafetyStore.Check c, int count) {
        return new CheckView(
                c.id(),
                c.title(),
                c.region(),
                TIME.format(c.opensAt()),
                TIME.format(c.closesAt()),
                c.openAt(Clock.now()),
                count,
                c.openedBy() == null);
    }
}

package jp.keitai.sns.safety;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.Prefecture;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * 安否確認 (I am safe), built for the day of an earthquake: operators (or the configured trigger) open a check for a
 * region (prefectures, or the whole country) and a time window; while it is open every member living there (or who
 * gave no 現住所) sees 「無事です」 on the home page and may answer with an optional short message, on the web or by an
 * empty mail to {@code safe@}; every member may see which of their friends there answered. An answer is one small insert (a second
 * one changes only the message); the friends' list is one query for all friends' answers, names and friends from
 * memory. Rows are {@link SafetyStore}'s, the home page's reads {@link SafetyFeed}'s.
 */
@ApplicationScoped
public class SafetyService {

    public static final int MAX_MESSAGE = 100;
    static final String NONE_OPEN = "いま安否確認は行われていません。";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /** A check as pages show it; {@code region} is the label, {@code prefectures} the names it asks (or 全国). */
    public record CheckView(
            long id,
            String title,
            String region,
            String prefectures,
            String opens,
            String closes,
            boolean open,
            int answerCount,
            boolean automatic) {}

    /**
     * The home page's part: the open check, whether it asks the member (the button) or only their friends (the link to
     * the list), and whether (and what) the member answered.
     */
    public record Home(long checkId, String title, String region, boolean asked, boolean answered, String message) {}

    /** A friend on the list: name, message and time (for those who answered). */
    public record Friend(long id, String nickname, String message, String time, boolean byMail) {}

    /**
     * The friends' list of the open check: those it asks who answered (newest first) and who have not; whether it asks
     * the viewer and whether they answered.
     */
    public record Board(
            CheckView check, boolean asked, boolean iAnswered, List<Friend> answered, List<Friend> notYet) {}

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
     * Opens a check from {@code opensAt} for {@code duration}, asking the members of these prefectures.
     *
     * @param operator the operator, or null for the configured trigger
     * @param region the label members see; when empty, the prefectures' names (or 全国)
     * @param prefectures names or JIS codes ("宮城県・福島県", "4,7"); empty for the whole country
     * @throws Refused with the reason in Japanese
     */
    public long open(
            Long operator, String title, String region, String prefectures, Instant opensAt, Duration duration) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 100) {
            throw new Refused("名前（例: 〇〇地震）を100文字までで入れてください。");
        }
        Set<Integer> asked;
        try {
            asked = Prefecture.parse(prefectures);
        } catch (IllegalArgumentException e) {
            throw new Refused("「" + e.getMessage() + "」は都道府県の名前ではありません（例: 宮城県・福島県）。空なら全国です。");
        }
        String r = region == null || region.isBlank() ? label(asked) : region.strip();
        if (r.length() > 100) {
            throw new Refused("地域の表示は100文字までです（例: 東北・関東）。");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(30)) > 0) {
            throw new Refused("期間は1時間から30日までです。");
        }
        Instant start = opensAt == null ? Clock.now() : opensAt;
        return database.tx(em -> {
            long id = store.open(t, r, asked, start, start.plus(duration), operator, Clock.now());
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
        SafetyStore.Check check =
                feed.openFor(Clock.now(), prefectureOf(member)).orElseThrow(() -> new Refused(NONE_OPEN));
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

    /**
     * The open check for the home page: the one asking the member (the button), else the newest open one (the link to
     * the friends' list), or empty. From memory once warm.
     */
    public Optional<Home> home(long member) {
        return checkFor(member).map(f -> {
            SafetyStore.Check c = f.check();
            Optional<SafetyStore.Answer> a = f.asked() ? feed.answer(c.id(), member) : Optional.empty();
            return new Home(
                    c.id(),
                    c.title(),
                    c.region(),
                    f.asked(),
                    a.isPresent(),
                    a.map(SafetyStore.Answer::message).orElse(null));
        });
    }

    /** The check a member sees, and whether it asks them. */
    private record For(SafetyStore.Check check, boolean asked) {}

    /**
     * The open check asking the member, else the newest open check (whose list may show the member's friends). The
     * member's prefecture is looked up only while a check is open (the home page asks this on every view).
     */
    private Optional<For> checkFor(long member) {
        Instant now = Clock.now();
        Optional<SafetyStore.Check> any = feed.open(now);
        if (any.isEmpty()) {
            return Optional.empty();
        }
        Integer where = prefectureOf(member);
        return Optional.of(
                feed.openFor(now, where).map(c -> new For(c, true)).orElseGet(() -> new For(any.get(), false)));
    }

    private Integer prefectureOf(long member) {
        return members.prefectures(List.of(member)).get(member);
    }

    private static String label(Set<Integer> prefectures) {
        return prefectures.isEmpty() ? "全国" : Prefecture.names(prefectures);
    }

    /**
     * The viewer's friends on the open check: who answered (newest first, with their message) and who has not. One
     * query for the answers, whatever the number of friends; empty when no check is open.
     */
    public Optional<Board> board(long viewer) {
        Optional<For> open = checkFor(viewer);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        SafetyStore.Check c = open.get().check();
        long[] friends = asked(c, policy.visibleFriends(viewer));
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
        boolean asked = open.get().asked();
        boolean me = asked && feed.answer(c.id(), viewer).isPresent();
        return Optional.of(new Board(view(c, -1), asked, me, answered, notYet));
    }

    /** The friends the check asks, in their order: all of them for the whole country; one query at most. */
    private long[] asked(SafetyStore.Check c, long[] friends) {
        if (c.prefectures().isEmpty()) {
            return friends;
        }
        List<Long> ids = new ArrayList<>(friends.length);
        for (long f : friends) {
            ids.add(f);
        }
        Map<Long, Integer> where = members.prefectures(ids);
        return Arrays.stream(friends).filter(f -> c.asks(where.get(f))).toArray();
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
                label(c.prefectures()),
                TIME.format(c.opensAt()),
                TIME.format(c.closesAt()),
                c.openAt(Clock.now()),
                count,
                c.openedBy() == null);
    }
}

package jp.keitai.sns.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.carrier.CarrierProfile;
import jp.keitai.sns.carrier.CarrierRegistry;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * Who changed what, when, and why: one row per operator action, never edited. The console reads each row as a Japanese
 * sentence in Japan time to the second ({@link Entry#getSentence()}), filtered by operator, kind and day.
 */
@ApplicationScoped
public class AuditLog {

    /** The kinds of action the console names in Japanese (the filter's choices); other kinds show as stored. */
    static final Map<String, String> KINDS = kinds();

    private static final Pattern MEMBER = Pattern.compile("member:(\\d+)");
    private static final Pattern MAIL = Pattern.compile("^mail:(\\d+)$");

    private static final Pattern BINDING = Pattern.compile("binding:(\\d+)");

    @Inject
    AuditStore store;

    @Inject
    MemberService members;

    @Inject
    CarrierRegistry carriers;

    protected AuditLog() {}

    public AuditLog(Database database) {
        this.store = new AuditStore(database);
    }

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("member.suspend", "会員の利用停止");
        k.put("member.unsuspend", "利用停止の解除");
        k.put("carrier.add", "キャリア情報の追加");
        k.put("carrier.remove", "キャリア情報の削除");
        k.put("easy-login.blacklist", "かんたんログインのブラックリスト登録");
        k.put("report.dismiss", "通報の確認（問題なし）");
        k.put("report.close", "通報を閉じる（停止中の会員）");
        k.put("mail.retry", "保留メールの再処理");
        k.put("mail.delete", "保留メールの削除");
        return k;
    }

    /** What the console's audit form asks for: any of the three may be absent. */
    public record Filter(Long operatorId, String action, LocalDate date) {

        /** The filter as a query string for the paging links (without page), URL-encoded; empty for none. */
        public String query() {
            StringBuilder q = new StringBuilder();
            if (operatorId != null) {
                q.append("operator=").append(operatorId).append('&');
            }
            if (action != null) {
                q.append("kind=")
                        .append(java.net.URLEncoder.encode(action, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
            if (date != null) {
                q.append("date=").append(date).append('&');
            }
            return q.toString();
        }
    }

    /** An audit entry as pages show it. */
    public static final class Entry {
        private final long operatorId;
        private final String operator;
        private final String action;
        private final String target;
        private final String note;
        private final Instant at;
        private String sentence;

        Entry(long operatorId, String operator, String action, String target, String note, Instant at) {
            this.operatorId = operatorId;
            this.operator = operator;
            this.action = action;
            this.target = target;
            this.note = note;
            this.at = at;
        }

        public long getOperatorId() {
            return operatorId;
        }

        public String getOperator() {
            return operator;
        }

        public String getAction() {
            return action;
        }

        /** The kind in Japanese, or as stored when the console has no word for it. */
        public String getKind() {
            return KINDS.getOrDefault(action, action);
        }

        public String getTarget() {
            return target;
        }

        public String getNote() {
            return note;
        }

        /** Japan time, to the second. */
        public String getAt() {
            return Clock.japanSecond(at);
        }

        /** Who did what to which member or carrier, as one Japanese sentence (the note is shown beside it). */
        public String getSentence() {
            return sentence != null ? sentence : sentence(this, id -> null, c -> null);
        }
    }

    /** Records an operator action; inside a transaction, the change and its audit row commit together. */
    public void record(long operatorId, String action, String target, String note) {
        store.insert(operatorId, action, target, note == null || note.isBlank() ? null : note.strip(), Clock.now());
    }

    /** Records what scheduled work did (no operator): the inactivity run's notices, suspensions and withdrawals. */
    public void recordSystem(String action, String target, String note) {
        store.insert(null, action, target, note == null || note.isBlank() ? null : note.strip(), Clock.now());
    }

    /** The entries, newest first. */
    public List<Entry> latest(int limit, int offset) {
        return search(new Filter(null, null, null), limit, offset);
    }

    /** The entries the filter lets through, newest first, each with its sentence (members named in one query). */
    public List<Entry> search(Filter filter, int limit, int offset) {
        Instant from = filter.date() == null
                ? null
                : filter.date().atStartOfDay(Clock.JAPAN).toInstant();
        Instant to = filter.date() == null
                ? null
                : filter.date().plusDays(1).atStartOfDay(Clock.JAPAN).toInstant();
        List<Entry> entries = store.search(filter.operatorId(), filter.action(), from, to, limit, offset);
        Set<Long> ids = new HashSet<>();
        for (Entry e : entries) {
            Matcher m = MEMBER.matcher(e.target);
            if (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        Map<Long, String> names = members == null || ids.isEmpty() ? Map.of() : members.nicknames(ids);
        Function<String, String> carrierName = carriers == null
                ? c -> null
                : c -> carriers.profile(c).map(CarrierProfile::getName).orElse(null);
        for (Entry e : entries) {
            e.sentence = sentence(e, names::get, carrierName);
        }
        return entries;
    }

    /** The operators who appear in the log, by id, with their nicknames: the filter's choices. */
    public Map<Long, String> operators() {
        return store.operators();
    }

    /** Every kind the console names, then any other kind found in the log. */
    public Map<String, String> kinds(boolean withStored) {
        Map<String, String> all = new LinkedHashMap<>(KINDS);
        if (withStored) {
            store.actions().forEach(a -> all.putIfAbsent(a, a));
        }
        return all;
    }

    /**
     * The sentence of one entry: 「運営さんが会員「たけし」（ID 12）を利用停止にしました。」. {@code nickname} and
     * {@code carrierName} may answer null (a member or carrier no longer known): the id is shown alone then.
     */
    static String sentence(Entry e, Function<Long, String> nickname, Function<String, String> carrierName) {
        String who = (e.operator == null ? "運営者 ID " + e.operatorId : e.operator) + "さんが";
        String member = null;
        Matcher m = MEMBER.matcher(e.target);
        if (m.find()) {
            long id = Long.parseLong(m.group(1));
            String name = nickname.apply(id);
            member = "会員" + (name == null ? "" : "「" + name + "」") + "（ID " + id + "）";
        }
        switch (e.action) {
            case "member.suspend":
                if (member != null) {
                    return who + member + "を利用停止にしました。";
                }
                break;
            case "member.unsuspend":
                if (member != null) {
                    return who + member + "の利用停止を解除しました。";
                }
                break;
            case "easy-login.blacklist":
                if (member != null) {
                    Matcher b = BINDING.matcher(e.target);
                    String binding = b.find() ? "（登録番号 " + b.group(1) + "）" : "";
                    return who + member + "のかんたんログイン端末" + binding + "をブラックリストに登録しました。";
                }
                break;
            case "carrier.add":
            case "carrier.remove":
                String[] parts = e.target.split(" ", 3);
                if (parts.length == 3) {
                    String name = carrierName.apply(parts[0]);
                    String carrier = name == null || name.equals(parts[0]) ? parts[0] : name + "（" + parts[0] + "）";
                    String what = "range".equals(parts[1]) ? "ゲートウェイIP" : "メールドメイン";
                    return who + carrier + "の" + what + "「" + parts[2] + "」を"
                            + ("carrier.add".equals(e.action) ? "追加しました。" : "削除しました。");
                }
                break;
            case "mail.retry":
            case "mail.delete":
                Matcher mail = MAIL.matcher(e.target);
                if (mail.find()) {
                    return who + "保留されていた受信メール #" + mail.group(1)
                            + ("mail.retry".equals(e.action) ? " を処理待ちに戻しました。" : " を削除しました。");
                }
                break;
            default:
                break;
        }
        return who + "「" + KINDS.getOrDefault(e.action, e.action) + "」を行いました（対象: "
                + (member != null ? member : e.target) + "）。";
    }
}

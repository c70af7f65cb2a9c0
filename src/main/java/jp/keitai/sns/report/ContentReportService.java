package jp.keitai.sns.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.admin.ModerationService;
import jp.keitai.sns.diary.DiaryReader;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.member.Role;
import jp.keitai.sns.profile.ProfilePage;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.voice.VoiceItem;
import jp.keitai.sns.voice.VoiceService;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * 通報 of a diary, a voice or a profile: a member reports what they can read (never their own), once while their
 * report is open; the report keeps the text as it was then. Operators see open reports in the console and close
 * them as 問題なし or suspend the writer (a suspended member's content is hidden from everyone, {@code AccessPolicy}).
 * Community topics and comments have their own reports ({@code community.ReportService}).
 */
@ApplicationScoped
public class ContentReportService {

    /** The most characters of a reason. */
    public static final int MAX_REASON = 500;

    /** The most UTF-16 units of the reported text kept with the report (the column holds 2,000). */
    static final int MAX_EXCERPT = 1000;

    /** What can be reported, with its Japanese name. */
    public enum Kind {
        DIARY("日記", "/diary/"),
        VOICE("ボイス", "/voice/"),
        PROFILE("プロフィール", "/members/");

        private final String label;
        private final String page;

        Kind(String label, String page) {
            this.label = label;
            this.page = page;
        }

        /** The page of item {@code id} of this kind. */
        String path(long id) {
            return page + id;
        }

        public String getLabel() {
            return label;
        }

        /** The kind as in URLs and the table: {@code diary}, {@code voice}, {@code profile}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String getKey() {
            return key();
        }

        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            throw new NotFound("ページが見つかりません。");
        }
    }

    @Inject
    Database database;

    @Inject
    ContentReportStore store;

    @Inject
    DiaryReader diaries;

    @Inject
    VoiceService voices;

    @Inject
    ProfilePage profiles;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    @Inject
    ModerationService moderation;

    protected ContentReportService() {}

    /** What a member is about to report: the item's name for the form, its writer, its text and its page. */
    public record Target(Kind kind, long id, long writerId, String name, String text, String path) {

        public Kind getKind() {
            return kind;
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getPath() {
            return path;
        }
    }

    /** The item if {@code viewer} may read it; else 404, the same answer whatever the reason. */
    public Target target(long viewer, String kindKey, long id) {
        Kind kind = Kind.of(kindKey);
        return switch (kind) {
            case DIARY -> {
                DiaryReader.Text d = diaries.text(viewer, id).orElseThrow(() -> new NotFound("日記が見つかりません。"));
                yield new Target(
                        kind, id, d.authorId(), "日記「" + d.title() + "」", d.title() + "\n" + d.body(), kind.path(id));
            }
            case VOICE -> {
                VoiceItem v = voices.visible(viewer, id).orElseThrow(() -> new NotFound("ボイスが見つかりません。"));
                yield new Target(kind, id, v.getAuthorId(), v.getAuthorName() + "さんのボイス", v.getBody(), kind.path(id));
            }
            case PROFILE -> {
                MemberService.Profile p = profiles.visibleMember(viewer, String.valueOf(id));
                // what the reporter can read of it, no more (a friends-only self-introduction stays hidden)
                String visible = profiles.visibleSelfIntro(viewer, p);
                String intro = visible == null ? "" : visible;
                yield new Target(
                        kind, id, p.id(), p.nickname() + "さんのプロフィール", p.nickname() + "\n" + intro, kind.path(id));
            }
        };
    }

    /**
     * {@code viewer} reports the item with a reason (may be empty). Refused for one's own content and for a reason
     * too long; a second report by the same member while the first is open changes nothing (and says the same).
     */
    public void report(long viewer, String kindKey, long id, String reason) {
        Target t = target(viewer, kindKey, id);
        if (t.writerId() == viewer) {
            throw new Refused("自分の" + t.kind().getLabel() + "は通報できません。");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.codePointCount(0, r.length()) > MAX_REASON) {
            throw new Refused("理由は" + MAX_REASON + "文字までです。");
        }
        String text = t.text() == null ? "" : t.text();
        if (text.length() > MAX_EXCERPT) {
            // UTF-16 units, as both databases count a varchar; never half a surrogate pair
            int end = Character.isHighSurrogate(text.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
            text = text.substring(0, end) + "…";
        }
        String excerpt = text;
        String why = r.isEmpty() ? "（理由なし）" : r;
        database.tx(em -> store.addUnlessOpen(t.kind().key(), id, t.writerId(), viewer, excerpt, why, Clock.now()));
    }

    /** An open report as the console shows it. */
    public record Line(
            long id,
            String kind,
            long targetId,
            String path,
            String excerpt,
            long writerId,
            String writer,
            boolean writerSuspended,
            String reporter,
            String reason,
            String when) {

        public long getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getPath() {
            return path;
        }

        public String getExcerpt() {
            return excerpt;
        }

        public long getWriterId() {
            return writerId;
        }

        public String getWriter() {
            return writer;
        }

        public boolean isWriterSuspended() {
            return writerSuspended;
        }

        public String getReporter() {
            return reporter;
        }

        public String getReason() {
            return reason;
        }

        public String getWhen() {
            return when;
        }
    }

    /** Open reports, oldest first (at most 100). */
    public List<Line> open() {
        List<ContentReportStore.Row> rows = store.open(100);
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> {
            people.add(r.writerId());
            people.add(r.reporterId());
        });
        Map<Long, MemberSummary> who = members.findAll(people);
        List<Line> out = new ArrayList<>();
        for (ContentReportStore.Row r : rows) {
            Kind kind = Kind.of(r.kind());
            MemberSummary w = who.get(r.writerId());
            MemberSummary rep = who.get(r.reporterId());
            out.add(new Line(
                    r.id(),
                    kind.getLabel(),
                    r.targetId(),
                    kind.path(r.targetId()),
                    r.excerpt(),
                    r.writerId(),
                    w == null ? "" : w.nickname(),
                    w != null && w.status() == MemberStatus.SUSPENDED,
                    rep == null ? "" : rep.nickname(),
                    r.reason(),
                    Clock.japanMinute(r.createdAt())));
        }
        return out;
    }

    /**
     * The operator finds nothing wrong: the open reports of that item up to this one (the ones the console showed;
     * one sent since stays open) close, audited, in one transaction.
     */
    public void dismiss(long operator, long reportId) {
        ContentReportStore.Row r = open(reportId);
        database.run(em -> {
            if (store.closeItem(r.kind(), r.targetId(), reportId, "dismissed", operator, Clock.now()) == 0) {
                throw new Refused(HANDLED); // another operator was first: nothing is recorded
            }
            audit.record(operator, "report.dismiss", r.kind() + ":" + r.targetId(), r.reason());
        });
    }

    /**
     * The operator suspends the writer (audited as a suspension, with the report) and every open report of the
     * writer's content closes, in one transaction. A writer suspended already only has the reports closed (audited as
     * such); an operator's account is never suspended from here.
     */
    public void suspendWriter(long operator, long reportId) {
        ContentReportStore.Row r = open(reportId);
        MemberSummary writer = members.findAll(List.of(r.writerId())).get(r.writerId());
        if (writer != null && writer.role() == Role.OPERATOR) {
            throw new Refused("運営者のアカウントは通報から停止できません。会員の画面で確認してください。");
        }
        String note = "通報 " + r.kind() + ":" + r.targetId() + ": " + r.reason();
        database.run(em -> {
            if (store.closeWriter(r.writerId(), reportId, "suspended", operator, Clock.now()) == 0) {
                throw new Refused(HANDLED);
            }
            if (writer != null && writer.status() == MemberStatus.ACTIVE) {
                moderation.setStatus(operator, r.writerId(), MemberStatus.SUSPENDED, "member.suspend", note);
            } else {
                audit.record(operator, "report.close", "member:" + r.writerId(), note);
            }
        });
    }

    private static final String HANDLED = "この通報はすでに処理されています。";

    private ContentReportStore.Row open(long reportId) {
        return store.find(reportId).filter(r -> "open".equals(r.status())).orElseThrow(() -> new Refused(HANDLED));
    }
}

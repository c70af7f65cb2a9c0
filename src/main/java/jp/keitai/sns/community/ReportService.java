package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.admin.ModerationService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * 通報: members report a topic or comment they can read; operators see open reports in the console and hide the
 * content, dismiss the report or suspend the writer (through {@code admin.ModerationService}). Every operator action
 * commits with its audit row.
 */
@ApplicationScoped
public class ReportService {

    static final int MAX_REASON = 500;

    @Inject
    Database database;

    @Inject
    ReportStore store;

    @Inject
    TopicService topics;

    @Inject
    MemberService members;

    @Inject
    AuditLog audit;

    @Inject
    ModerationService moderation;

    protected ReportService() {}

    /** A member reports the topic ({@code number} 0) or comment {@code number}. */
    public void report(long me, long communityId, long topicId, int number, String reason) {
        String r = TopicService.text(reason);
        if (r.codePointCount(0, r.length()) > MAX_REASON) {
            throw new Refused("理由は" + MAX_REASON + "文字までです。");
        }
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        if (number > 0
                && topics.commentRow(topicId, number).filter(c -> !c.deleted()).isEmpty()) {
            throw new NotFound("コメントが見つかりません。");
        }
        database.tx(em -> store.addReport(topicId, number, me, r.isEmpty() ? "（理由なし）" : r, Clock.now()));
    }

    /** A report as the console shows it, with the reported text. */
    public record Line(
            long id,
            long communityId,
            long topicId,
            int number,
            String topicTitle,
            String text,
            long writerId,
            String writer,
            boolean writerSuspended,
            String reporter,
            String reason,
            String when) {}

    /** Open reports, oldest first. */
    public List<Line> open() {
        List<ReportStore.Report> rows = store.reports("open", 100);
        Set<Long> people = new HashSet<>();
        List<Object[]> found = new ArrayList<>();
        for (ReportStore.Report r : rows) {
            Optional<Topic> t = topics.find(r.topicId());
            if (t.isEmpty()) {
                continue;
            }
            long writer = t.get().authorId();
            String text = t.get().body();
            if (r.commentNumber() > 0) {
                Optional<TopicStore.CommentRow> c = topics.commentRow(r.topicId(), r.commentNumber());
                if (c.isEmpty()) {
                    continue;
                }
                writer = c.get().authorId();
                text = c.get().body();
            }
            people.add(writer);
            people.add(r.reporterId());
            found.add(new Object[] {r, t.get(), writer, text});
        }
        Map<Long, jp.keitai.sns.member.MemberSummary> who = members.findAll(people);
        List<Line> out = new ArrayList<>();
        for (Object[] f : found) {
            ReportStore.Report r = (ReportStore.Report) f[0];
            Topic t = (Topic) f[1];
            long writer = (Long) f[2];
            var w = who.get(writer);
            var rep = who.get(r.reporterId());
            out.add(new Line(
                    r.id(),
                    t.communityId(),
                    t.id(),
                    r.commentNumber(),
                    t.title(),
                    (String) f[3],
                    writer,
                    w == null ? "" : w.nickname(),
                    w != null && w.status() == MemberStatus.SUSPENDED,
                    rep == null ? "" : rep.nickname(),
                    r.reason(),
                    CommunityViews.when(r.createdAt())));
        }
        return out;
    }

    /** The operator hides the reported topic or comment; the report (and others on it) close. */
    public void hide(long operator, long reportId) {
        ReportStore.Report r = store.report(reportId).orElseThrow(() -> new Refused("通報が見つかりません。"));
        database.tx(em -> {
            topics.hide(r.topicId(), r.commentNumber());
            store.closeReports(r.topicId(), r.commentNumber(), "hidden", operator, Clock.now());
            audit.record(operator, "community.hide", target(r), r.reason());
            return null;
        });
    }

    /** The operator finds nothing wrong. */
    public void dismiss(long operator, long reportId) {
        ReportStore.Report r = store.report(reportId).orElseThrow(() -> new Refused("通報が見つかりません。"));
        database.tx(em -> {
            store.closeReports(r.topicId(), r.commentNumber(), "dismissed", operator, Clock.now());
            audit.record(operator, "community.dismiss", target(r), r.reason());
            return null;
        });
    }

    /** The operator suspends the writer of the reported content (audited by the moderation service). */
    public void suspendWriter(long operator, long reportId) {
        ReportStore.Report r = store.report(reportId).orElseThrow(() -> new Refused("通報が見つかりません。"));
        long writer = r.commentNumber() == 0
                ? topics.find(r.topicId())
                        .orElseThrow(() -> new Refused("通報が見つかりません。"))
                        .authorId()
                : topics.commentRow(r.topicId(), r.commentNumber())
                        .orElseThrow(() -> new Refused("通報が見つかりません。"))
                        .authorId();
        moderation.setStatus(
                operator,
                writer,
                MemberStatus.SUSPENDED,
                "member.suspend",
                "コミュニティ通報 " + target(r) + ": " + r.reason());
    }

    private static String target(ReportStore.Report r) {
        return "community-topic:" + r.topicId() + (r.commentNumber() > 0 ? " comment:" + r.commentNumber() : "");
    }
}

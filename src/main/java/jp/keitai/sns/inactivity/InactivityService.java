package jp.keitai.sns.inactivity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.admin.AuditLog;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.AccountService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.ScheduledTasks;
import jp.keitai.sns.system.Settings;

/**
 * 退会のお知らせ: a member who has not signed in for {@code sns.inactivity.after-days} is told by mail, with the date
 * ({@code notice-days} later) by which to sign in; still absent then, the account is suspended; {@code
 * withdraw-after-days} after that it is withdrawn (anonymised as a member's own 退会) with a second notice. A sign-in
 * after the notice, or an operator lifting the suspension, ends the matter. Every step is audited (no operator).
 *
 * <p>Each node schedules {@link #run} hourly ({@code sns.inactivity.period-seconds}); only the node whose claim of the {@code inactivity} row in {@code
 * scheduled_task} succeeds acts in that round ({@link ScheduledTasks}, as {@code system.Housekeeping} does).
 */
@ApplicationScoped
public class InactivityService {

    private static final Logger LOG = Logger.getLogger(InactivityService.class.getName());
    static final String TASK = "inactivity";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(Clock.JAPAN);

    /**
     * The rule, from {@code sns.inactivity.*}; {@code periodSeconds} is how often each node starts a round (hourly; a
     * few seconds in the cluster test).
     */
    record Rule(boolean enabled, int afterDays, int noticeDays, int withdrawAfterDays, int batch, int periodSeconds) {
        static Rule of(Settings s) {
            boolean on = s.raw("sns.inactivity.enabled")
                    .map(v -> v.strip().equalsIgnoreCase("true"))
                    .orElse(false);
            return new Rule(
                    on,
                    s.intValue("sns.inactivity.after-days", 730, 1, 36500),
                    s.intValue("sns.inactivity.notice-days", 30, 1, 3650),
                    s.intValue("sns.inactivity.withdraw-after-days", 90, 0, 3650),
                    s.intValue("sns.inactivity.batch", 500, 1, 100_000),
                    s.intValue("sns.inactivity.period-seconds", 3600, 1, 86_400));
        }

        Duration period() {
            return Duration.ofSeconds(periodSeconds);
        }

        /** A claim runs out a little before the next round (55 minutes of an hour), so the next round may act. */
        Duration claim() {
            return period().minus(period().dividedBy(12));
        }
    }

    /** What one round did. */
    public record Round(boolean acted, int noticed, int suspended, int withdrawn, int cleared) {}

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    MemberService members;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    ScheduledTasks tasks;

    private InactivityStore store;
    private Rule rule;
    private final String node = "node-" + UUID.randomUUID();

    protected InactivityService() {}

    public InactivityService(
            Database database,
            Settings settings,
            MemberService members,
            AccountService accounts,
            AuditLog audit,
            Mailer mailer,
            ScheduledTasks tasks) {
        this.database = database;
        this.settings = settings;
        this.members = members;
        this.accounts = accounts;
        this.audit = audit;
        this.mailer = mailer;
        this.tasks = tasks;
        init();
    }

    @PostConstruct
    void init() {
        store = new InactivityStore(database);
        rule = Rule.of(settings);
    }

    public boolean enabled() {
        return rule.enabled();
    }

    /** How often each node starts a round ({@code sns.inactivity.period-seconds}, default an hour). */
    public Duration period() {
        return rule.period();
    }

    /**
     * One round at {@code now}: does nothing (acted false) when the rule is off or another node has the round.
     */
    public Round run(Instant now) {
        if (!rule.enabled() || !tasks.claim(TASK, node, now, now.plus(rule.claim()))) {
            return new Round(false, 0, 0, 0, 0);
        }
        int cleared = 0;
        int suspended = 0;
        int withdrawn = 0;
        int noticed = 0;
        for (InactivityStore.Row r : store.inStage(InactivityStore.NOTICED, rule.batch())) {
            Optional<Instant> last = members.lastSignIn(r.memberId());
            Optional<MemberSummary> m = members.find(r.memberId());
            if (last.isEmpty() || m.isEmpty()) {
                continue;
            }
            if (last.get().isAfter(r.noticedAt()) || m.get().status() != MemberStatus.ACTIVE) {
                step(() -> {
                    store.delete(r.memberId());
                    audit.recordSystem("inactivity.cleared", "会員 " + r.memberId(), "お知らせの後にログインしました");
                });
                cleared++;
            } else if (!r.deadline().isAfter(now)) {
                step(() -> {
                    members.setStatus(r.memberId(), MemberStatus.SUSPENDED);
                    store.stage(r.memberId(), InactivityStore.SUSPENDED, now);
                    audit.recordSystem("inactivity.suspend", "会員 " + r.memberId(), "期限 " + DATE.format(r.deadline()));
                });
                suspended++;
            }
        }
        for (InactivityStore.Row r : store.inStage(InactivityStore.SUSPENDED, rule.batch())) {
            if (r.suspendedAt() == null
                    || r.suspendedAt()
                            .plus(Duration.ofDays(rule.withdrawAfterDays()))
                            .isAfter(now)) {
                continue;
            }
            Optional<MemberSummary> m = members.find(r.memberId());
            if (m.isEmpty() || m.get().status() != MemberStatus.SUSPENDED) {
                // an operator lifted the suspension (or the member is gone): the rule starts over
                step(() -> store.delete(r.memberId()));
                cleared++;
                continue;
            }
            String to = address(m.get());
            step(() -> {
                if (to != null) { // before the addresses go with the account
                    mailer.queue(
                            em(),
                            to,
                            "inactivity/withdrawn",
                            Map.of("nickname", m.get().nickname()));
                }
                accounts.withdrawInactive(r.memberId());
                store.stage(r.memberId(), InactivityStore.WITHDRAWN, null);
                audit.recordSystem("inactivity.withdraw", "会員 " + r.memberId(), null);
            });
            withdrawn++;
        }
        Instant cutoff = now.minus(Duration.ofDays(rule.afterDays()));
        int known = store.count(InactivityStore.NOTICED);
        List<Long> candidates = members.signedInBefore(cutoff, rule.batch() + known);
        Set<Long> already = store.known(candidates);
        Instant deadline = now.plus(Duration.ofDays(rule.noticeDays()));
        for (long id : candidates) {
            if (already.contains(id) || noticed >= rule.batch()) {
                continue;
            }
            Optional<MemberSummary> m = members.find(id);
            if (m.isEmpty()) {
                continue;
            }
            String to = address(m.get());
            Optional<Instant> last = members.lastSignIn(id);
            step(() -> {
                store.noticed(id, now, deadline);
                if (to != null) {
                    mailer.queue(
                            em(),
                            to,
                            "inactivity/notice",
                            Map.of(
                                    "nickname", m.get().nickname(),
                                    "lastSignIn", last.map(DATE::format).orElse(""),
                                    "deadline", DATE.format(deadline)));
                }
                audit.recordSystem("inactivity.notice", "会員 " + id, "期限 " + DATE.format(deadline));
            });
            noticed++;
        }
        Round round = new Round(true, noticed, suspended, withdrawn, cleared);
        if (noticed + suspended + withdrawn + cleared > 0) {
            LOG.info(() -> "inactivity: " + round);
        }
        return round;
    }

    /** One member's step in a transaction of its own: a failure is logged and the others still run. */
    private void step(Runnable work) {
        try {
            database.run(em -> work.run());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "inactivity: a step failed; the next round tries again", e);
        }
    }

    /** The current transaction's entity manager (steps run inside {@link #step}). */
    private jakarta.persistence.EntityManager em() {
        return database.tx(em -> em);
    }

    private static String address(MemberSummary m) {
        return m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
    }
}

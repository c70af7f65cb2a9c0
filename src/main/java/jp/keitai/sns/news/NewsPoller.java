package jp.keitai.sns.news;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.ScheduledTasks;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.system.Started;

/**
 * Polls the partner feeds every {@code sns.news.poll-seconds} on the container's scheduler, as {@code
 * system.Housekeeping} runs: every node schedules the round, but only the node whose claim of the {@code news-poll}
 * row of {@code scheduled_task} succeeds runs it; inside the round each feed is claimed again on its own ({@link
 * PartnerFeedStore#claimFeed}), so a round still running on one node and the next on another never poll a feed twice.
 */
@ApplicationScoped
public class NewsPoller {

    private static final Logger LOG = Logger.getLogger(NewsPoller.class.getName());
    static final String TASK = "news-poll";

    @Inject
    ScheduledTasks tasks;

    @Inject
    PartnerFeedService feeds;

    @Inject
    Settings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String node = "node-" + UUID.randomUUID();
    private Duration period;
    private ScheduledFuture<?> task;

    protected NewsPoller() {}

    NewsPoller(ScheduledTasks tasks, PartnerFeedService feeds, Duration period) {
        this.tasks = tasks;
        this.feeds = feeds;
        this.period = period;
    }

    void onStart(@Observes Started started) {
        period = Duration.ofSeconds(settings.intValue("sns.news.poll-seconds", 60, 0, 86_400));
        if (period.isZero()) {
            return; // polling off on this node (the console's 今すぐ取得 still works)
        }
        task = scheduler.scheduleWithFixedDelay(
                this::runSafely, period.toSeconds(), period.toSeconds(), TimeUnit.SECONDS);
    }

    private void runSafely() {
        try {
            run(Clock.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "news polling failed; next round in " + period, e);
        }
    }

    /** One round at {@code now}; -1 (nothing done) when another node has this round. */
    public int run(Instant now) {
        // the claim runs out a little before the next round, so the next round on any node may act
        Instant until = now.plus(period).minusMillis(Math.min(1000, period.toMillis() / 10));
        if (!tasks.claim(TASK, node, now, until)) {
            return -1;
        }
        return feeds.pollDue(now);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

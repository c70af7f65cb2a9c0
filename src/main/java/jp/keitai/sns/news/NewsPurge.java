package jp.keitai.sns.news;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import jp.keitai.sns.system.Purge;

/** The hourly housekeeping's news share: ranking counters older than two days, which no 24-hour ranking reads. */
@ApplicationScoped
public class NewsPurge implements Purge {

    @Inject
    ArticleStore store;

    protected NewsPurge() {}

    NewsPurge(ArticleStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "news counters";
    }

    @Override
    public int purge(Instant now) {
        return store.purgeCounts(NewsFeed.hourOf(now) - 48);
    }
}

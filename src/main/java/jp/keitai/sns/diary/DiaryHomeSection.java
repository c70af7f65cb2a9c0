package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.keitai.sns.home.HomeSection;
import jp.keitai.sns.home.Timeline;
import jp.keitai.sns.home.TimelineEntry;

/** マイミク最新日記 on {@code /home}: friends' latest diaries the member may see, with a link to write one. */
@ApplicationScoped
public class DiaryHomeSection implements HomeSection {

    static final int SHOWN = 10;

    @Inject
    DiaryService diaries;

    @Override
    public String title() {
        return "日記";
    }

    @Override
    public Integer accessKey() {
        return 2;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String template() {
        return "diary/home_section";
    }

    @Override
    public Object data(long memberId) {
        return new Data(memberId, diaries.friendsLatest(memberId, SHOWN));
    }

    /** What the fragment shows. */
    public static final class Data implements Timeline {
        private final long memberId;
        private final java.util.List<DiaryViews.Entry> entries;

        Data(long memberId, java.util.List<DiaryViews.Entry> entries) {
            this.memberId = memberId;
            this.entries = entries;
        }

        public long getMemberId() {
            return memberId;
        }

        public java.util.List<DiaryViews.Entry> getEntries() {
            return entries;
        }

        @Override
        public java.util.List<TimelineEntry> timeline() {
            return entries.stream()
                    .map(e -> new TimelineEntry(
                            "diary",
                            e.getId(),
                            e.getAuthorId(),
                            e.getAuthorNickname(),
                            e.getTitle(),
                            "/diary/" + e.getId(),
                            e.createdAt(),
                            e.getCommentCount() > 0 ? "コメント" + e.getCommentCount() : ""))
                    .toList();
        }
    }
}

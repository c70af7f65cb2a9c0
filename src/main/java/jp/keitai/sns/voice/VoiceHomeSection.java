package jp.keitai.sns.voice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.keitai.sns.home.HomeSection;
import jp.keitai.sns.home.Timeline;
import jp.keitai.sns.home.TimelineEntry;

/**
 * The voice section at the top of the home page: a one-field form (so "I am safe" takes two page loads from home:
 * the home page, then the post, which answers with the home page again) and friends' newest voices.
 */
@ApplicationScoped
public class VoiceHomeSection implements HomeSection {

    /** Voices shown on the home page; the rest are on {@code /voice}. */
    static final int SHOWN = 5;

    @Inject
    VoiceService voices;

    /** What the fragment shows as {@code ${section}}. */
    public static final class Data implements Timeline {
        private final List<VoiceItem> items;
        private final boolean more;
        private final String key;

        Data(List<VoiceItem> items, boolean more, String key) {
            this.items = items;
            this.more = more;
            this.key = key;
        }

        public List<VoiceItem> getItems() {
            return items;
        }

        /** Whether {@code /voice} has more than the home page shows. */
        public boolean isMore() {
            return more;
        }

        /** The post form's one-time key. */
        public String getKey() {
            return key;
        }

        public int getMax() {
            return VoiceText.MAX;
        }

        @Override
        public List<TimelineEntry> timeline() {
            List<TimelineEntry> lines = new java.util.ArrayList<>(items.size());
            for (VoiceItem v : items) {
                String note = (v.getLikeCount() > 0 ? "イイネ!" + v.getLikeCount() : "")
                        + (v.getLikeCount() > 0 && v.getReplyCount() > 0 ? "・" : "")
                        + (v.getReplyCount() > 0 ? "返信" + v.getReplyCount() : "");
                lines.add(new TimelineEntry(
                        "voice",
                        v.getId(),
                        v.getAuthorId(),
                        v.getAuthorName(),
                        v.getBody(),
                        "/voice/" + v.getId(),
                        v.getCreatedAt(),
                        note));
            }
            return lines;
        }
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Integer accessKey() {
        return 1;
    }

    @Override
    public String title() {
        return "ボイス";
    }

    @Override
    public String template() {
        return "voice/home_section";
    }

    @Override
    public Object data(long memberId) {
        VoicePage page = voices.timeline(memberId, 1, SHOWN);
        return new Data(page.getItems(), page.isHasNext(), VoiceResource.formKey());
    }
}

package jp.keitai.sns.voice;

import java.util.List;

/** A page of a voice list (pages from 1), and whether there is a next page. */
public final class VoicePage {

    private final List<VoiceItem> items;
    private final int page;
    private final boolean hasNext;

    VoicePage(List<VoiceItem> items, int page, boolean hasNext) {
        this.items = List.copyOf(items);
        this.page = page;
        this.hasNext = hasNext;
    }

    public List<VoiceItem> getItems() {
        return items;
    }

    public int getPage() {
        return page;
    }

    public boolean isHasNext() {
        return hasNext;
    }
}

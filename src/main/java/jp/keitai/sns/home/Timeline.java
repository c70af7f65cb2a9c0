package jp.keitai.sns.home;

import java.util.List;

/**
 * Implemented by a {@link HomeSection}'s data whose lines belong in the PC and smartphone home's timeline (voices,
 * diaries). The section's own fragment then shows only its controls (the post form, the links); keitai homes keep
 * their sections as they are.
 */
public interface Timeline {

    /** The section's lines, in any order. */
    List<TimelineEntry> timeline();
}

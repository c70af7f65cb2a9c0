package jp.keitai.sns.carrier.emoji;

import java.util.HashMap;
import java.util.Map;

/** Longest match over code point sequences, ignoring variation selectors inside and after a sequence. */
final class EmojiTrie {

    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;

    final Map<Integer, EmojiTrie> children = new HashMap<>(4);
    private String value;
    private boolean textDefault;

    void put(int[] key, String value, boolean textDefault) {
        EmojiTrie node = this;
        for (int cp : key) {
            if (cp == VS16 || cp == VS15) {
                continue;
            }
            node = node.children.computeIfAbsent(cp, k -> new EmojiTrie());
        }
        if (node.value == null) {
            node.value = value;
            node.textDefault = textDefault;
        }
    }

    record Match(String value, int end, boolean textDefault, boolean selected) {}

    Match match(CharSequence text, int start) {
        EmojiTrie node = this;
        Match best = null;
        boolean selected = false;
        int i = start;
        while (i < text.length()) {
            int cp = Character.codePointAt(text, i);
            if (i > start && (cp == VS16 || cp == VS15)) {
                selected |= cp == VS16;
                i += 1;
                if (node.value != null) {
                    best = new Match(node.value, i, node.textDefault, selected);
                }
                continue;
            }
            EmojiTrie next = node.children.get(cp);
            if (next == null) {
                break;
            }
            node = next;
            i += Character.charCount(cp);
            if (node.value != null) {
                best = new Match(node.value, i, node.textDefault, selected);
            }
        }
        return best;
    }
}

package jp.keitai.sns.system;

import java.util.ArrayList;
import java.util.List;

/**
 * A list kept newest first (by time, then id), as the read model keeps each author's diaries and voices; {@link
 * #merge} picks the newest items across many such lists without sorting them all (the home page merges one list per
 * friend on every view).
 */
public interface NewestFirst {

    /** Ids, newest first (a record's component accessor serves). */
    long[] ids();

    /** Epoch milliseconds of each id, newest first. */
    long[] millis();

    default int size() {
        return ids().length;
    }

    /**
     * The newest {@code limit} items of these lists, newest first, as (list index, position) pairs; a null list (an
     * owner a cache found nothing for) is an empty one.
     */
    static List<int[]> merge(List<? extends NewestFirst> lists, int limit) {
        int[] next = new int[lists.size()];
        List<int[]> out = new ArrayList<>(limit);
        while (out.size() < limit) {
            int best = -1;
            for (int k = 0; k < lists.size(); k++) {
                if (lists.get(k) != null
                        && next[k] < lists.get(k).size()
                        && (best < 0 || newer(lists.get(k), next[k], lists.get(best), next[best]))) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            out.add(new int[] {best, next[best]++});
        }
        return out;
    }

    private static boolean newer(NewestFirst a, int i, NewestFirst b, int j) {
        return a.millis()[i] != b.millis()[j] ? a.millis()[i] > b.millis()[j] : a.ids()[i] > b.ids()[j];
    }
}

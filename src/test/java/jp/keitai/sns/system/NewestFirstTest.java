package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NewestFirst#merge}: the newest items across lists, by time and then id, a null list counting as empty. */
class NewestFirstTest {

    record Items(long[] ids, long[] millis) implements NewestFirst {}

    @Test
    void takesTheNewestAcrossListsByTimeThenIdAndSkipsNullLists() {
        Items a = new Items(new long[] {9, 4, 1}, new long[] {300, 200, 100});
        Items b = new Items(new long[] {8, 5}, new long[] {300, 150});
        List<Items> lists = Arrays.asList(a, null, b, new Items(new long[0], new long[0]));
        List<String> picked =
                NewestFirst.merge(lists, 4).stream().map(p -> p[0] + ":" + p[1]).toList();
        // 300 twice: the higher id first; then 200 (a), 150 (b)
        assertEquals(List.of("0:0", "2:0", "0:1", "2:1"), picked);
        assertEquals(5, NewestFirst.merge(lists, 10).size(), "all there are");
        assertEquals(List.of(), NewestFirst.merge(Arrays.asList((Items) null), 3));
    }
}

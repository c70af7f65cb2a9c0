package jp.keitai.sns.friend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The friend graph keeps friend ids as {@code int}s: kept exactly, and an id beyond {@code int} fails loudly. */
class FriendGraphCompactTest {

    @Test
    void keepsEveryIdExactly() {
        Map<Long, int[]> out = FriendGraph.compact(Map.of(1L, new long[] {1, 2, Integer.MAX_VALUE}, 2L, new long[0]));
        assertArrayEquals(new int[] {1, 2, Integer.MAX_VALUE}, out.get(1L));
        assertArrayEquals(new int[0], out.get(2L));
    }

    @Test
    void refusesAnIdBeyondInt() {
        assertThrows(
                ArithmeticException.class,
                () -> FriendGraph.compact(Map.of(1L, new long[] {1, Integer.MAX_VALUE + 1L})));
    }
}

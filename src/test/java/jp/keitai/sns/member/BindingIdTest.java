package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BindingIdTest {

    @Test
    void onlyPositiveDecimalNumbersAreIds() {
        assertEquals(7L, BindingId.valueOf("7").value());
        assertEquals("7", BindingId.valueOf("7").toString());
        for (String bad : new String[] {"", "0", "-1", "+1", "1e3", "１２", "99999999999999999999", "abc", " 1"}) {
            assertThrows(IllegalArgumentException.class, () -> BindingId.valueOf(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> BindingId.valueOf(null));
    }
}

package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemberIdTest {

    @Test
    void onlyPositiveDecimalNumbersAreIds() {
        assertEquals(42L, MemberId.valueOf("42").value());
        assertEquals("42", MemberId.valueOf("42").toString());
        for (String bad : new String[] {"", "0", "-1", "+1", "1e3", "１２", "99999999999999999999", "12a", " 1"}) {
            assertThrows(IllegalArgumentException.class, () -> MemberId.valueOf(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> MemberId.valueOf(null));
    }
}

package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefectureTest {

    @Test
    void fortySevenInJisOrder() {
        assertEquals(47, Prefecture.all().size());
        assertEquals("北海道", Prefecture.of(1).orElseThrow().name());
        assertEquals("東京都", Prefecture.of(13).orElseThrow().name());
        assertEquals("沖縄県", Prefecture.of(47).orElseThrow().name());
        assertTrue(Prefecture.of(0).isEmpty());
        assertTrue(Prefecture.of(48).isEmpty());
        assertTrue(Prefecture.of(null).isEmpty());
    }

    @Test
    void parsesNamesShortNamesAndCodesWithTheUsualSeparators() {
        assertEquals(Set.of(3, 4, 7), Prefecture.parse("岩手県・宮城、7"));
        assertEquals(Set.of(1, 13, 26, 27), Prefecture.parse("北海道 東京 京都府,27"));
        assertEquals(Set.of(), Prefecture.parse("  "));
        assertEquals(Set.of(), Prefecture.parse(null));
        for (String wrong : new String[] {"ムー大陸", "48", "0", "北海", "123"}) {
            assertEquals(
                    wrong,
                    assertThrows(IllegalArgumentException.class, () -> Prefecture.parse(wrong))
                            .getMessage());
        }
    }

    @Test
    void namesJoinInCodeOrder() {
        assertEquals("宮城県・福島県", Prefecture.names(Set.of(7, 4)));
        assertEquals("", Prefecture.names(Set.of()));
    }
}

package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormCheckTest {

    record Form(@NotBlank String title, @Size(max = 5) String body) {}

    record Message(@CodePoints(max = 3) String text) {}

    @Test
    void codePointsCountsWhatAMemberSeesAsOneCharacter() {
        // 𠮷 and 😀 are two UTF-16 units each: three of them are three characters, not six
        FormCheck.check(new Message("𠮷😀あ"));
        FormCheck.check(new Message(null));
        assertEquals(
                "3文字までです。",
                assertThrows(Refused.class, () -> FormCheck.check(new Message("𠮷😀あい")))
                        .getMessage());
    }

    @Test
    void theFirstBrokenConstraintIsRefusedInJapaneseWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            assertEquals(
                    "入力してください。",
                    assertThrows(Refused.class, () -> FormCheck.check(new Form(" ", "x")))
                            .getMessage());
            assertEquals(
                    "0〜5文字で入力してください。",
                    assertThrows(Refused.class, () -> FormCheck.check(new Form("t", "123456")))
                            .getMessage());
            Form ok = new Form("t", "12345");
            assertEquals(ok, FormCheck.check(ok));
        } finally {
            Locale.setDefault(before);
        }
    }
}

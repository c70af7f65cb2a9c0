package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormCheckTest {

    record Form(@NotBlank String title, @Size(max = 5) String body) {}

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

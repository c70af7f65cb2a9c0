package jp.keitai.sns.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.web.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AccountFormTest {

    static final CarrierMailDomains DOMAINS =
            d -> Optional.ofNullable(Map.of("docomo.ne.jp", "docomo").get(d));

    static String refusal(Executable check) {
        return assertThrows(Refused.class, check).getMessage();
    }

    @Test
    void aNicknameIsPresentShortAndPrintable() {
        assertEquals("ねこ好き😺", AccountForm.nickname(" ねこ好き😺\u3000"));
        assertEquals("あ".repeat(19) + "😺", AccountForm.nickname("あ".repeat(19) + "😺"), "20 characters as seen");
        for (String blank : new String[] {null, "", " ", "\u3000", "\t\n"}) {
            assertEquals("ニックネームを入力してください。", refusal(() -> AccountForm.nickname(blank)), String.valueOf(blank));
        }
        assertEquals("ニックネームは20文字までです。", refusal(() -> AccountForm.nickname("あ".repeat(21))));
        assertEquals("ニックネームに使えない文字が含まれています。", refusal(() -> AccountForm.nickname("ね\u0000こ")));
        assertEquals("ニックネームに使えない文字が含まれています。", refusal(() -> AccountForm.nickname("\u0001")));
        assertEquals("ニックネームに使えない文字が含まれています。", refusal(() -> AccountForm.nickname("ね\u0085こ")));
        assertEquals(
                "ニックネームは20文字までです。",
                refusal(() -> AccountForm.nickname("\u0001".repeat(21))),
                "the length first, as the form reads");
    }

    @Test
    void aPasswordHasEightToSeventyTwoCharacters() {
        AccountForm.password("12345678");
        AccountForm.password("x".repeat(72));
        assertEquals("パスワードは8文字以上にしてください。", refusal(() -> AccountForm.password(null)));
        assertEquals("パスワードは8文字以上にしてください。", refusal(() -> AccountForm.password("1234567")));
        assertEquals("パスワードは72文字までです。", refusal(() -> AccountForm.password("x".repeat(73))));
    }

    @Test
    void addressesFollowTheCarrierAllowList() {
        assertEquals(
                "a..b.@docomo.ne.jp",
                AccountForm.mobile("a..b.@DOCOMO.ne.jp", DOMAINS).address());
        assertEquals(AccountForm.MALFORMED, refusal(() -> AccountForm.mobile("a@", DOMAINS)));
        assertEquals(
                AccountForm.NOT_CARRIER + "（gmail.com は登録できるドメインにありません）",
                refusal(() -> AccountForm.mobile("a@gmail.com", DOMAINS)));
        assertEquals("me@example.jp", AccountForm.pcAddress("me@Example.JP", DOMAINS));
        assertEquals(AccountForm.PC_MALFORMED, refusal(() -> AccountForm.pcAddress("me", DOMAINS)));
        assertEquals(AccountForm.CARRIER_AS_PC, refusal(() -> AccountForm.pcAddress("me@docomo.ne.jp", DOMAINS)));
    }
}

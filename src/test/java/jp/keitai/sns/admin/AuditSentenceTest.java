package jp.keitai.sns.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of audit row reads as one Japanese sentence, in Japan time to the second. */
class AuditSentenceTest {

    private static final Instant AT = Instant.parse("2026-12-05T15:04:05Z");

    private static String sentence(String action, String target) {
        AuditLog.Entry e = new AuditLog.Entry(1, "運営", action, target, null, AT);
        return AuditLog.sentence(e, Map.of(12L, "たけし")::get, Map.of("docomo", "NTTドコモ")::get);
    }

    @Test
    void everyKindReadsAsASentence() {
        assertEquals("運営さんが会員「たけし」（ID 12）を利用停止にしました。", sentence("member.suspend", "member:12"));
        assertEquals("運営さんが会員「たけし」（ID 12）の利用停止を解除しました。", sentence("member.unsuspend", "member:12"));
        assertEquals(
                "運営さんが会員「たけし」（ID 12）のかんたんログイン端末（登録番号 3）をブラックリストに登録しました。",
                sentence("easy-login.blacklist", "member:12 binding:3"));
        assertEquals(
                "運営さんがNTTドコモ（docomo）のメールドメイン「docomo.ne.jp」を追加しました。",
                sentence("carrier.add", "docomo domain docomo.ne.jp"));
        assertEquals(
                "運営さんがau のゲートウェイIP「210.230.128.0/24」を削除しました。".replace("au ", "au"),
                sentence("carrier.remove", "au range 210.230.128.0/24"));
        assertEquals("運営さんが会員（ID 99）を利用停止にしました。", sentence("member.suspend", "member:99"));
        assertEquals("運営さんが「news.publish」を行いました（対象: news:5）。", sentence("news.publish", "news:5"));
    }

    @Test
    void timeIsJapanTimeToTheSecond() {
        assertEquals("2026/12/06 00:04:05", new AuditLog.Entry(1, "運営", "x", "y", null, AT).getAt());
    }

    @Test
    void theFilterBecomesThePagingQuery() {
        assertEquals("", new AuditLog.Filter(null, null, null).query());
        assertEquals(
                "operator=3&kind=member.suspend&date=2026-12-06&",
                new AuditLog.Filter(3L, "member.suspend", java.time.LocalDate.of(2026, 12, 6)).query());
    }
}

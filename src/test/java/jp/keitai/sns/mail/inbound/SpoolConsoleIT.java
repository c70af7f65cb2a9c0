package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's view of the mail spool ({@code /admin/mail}) in the running server: a mail that cannot be read is
 * listed as quarantined, its headers are shown decoded and escaped, its raw bytes download as sent, and an operator
 * puts it back in the queue (it is read and answered again) or deletes it, each with a note in the audit log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpoolConsoleIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    private static String text(HttpResponse<byte[]> r) {
        return Http.text(r, StandardCharsets.UTF_8);
    }

    private Http operator() {
        Http op = new Http(base);
        assertEquals("/admin", op.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD));
        return op;
    }

    /** The fixture that cannot be read (Shift_JIS bytes declared ISO-2022-JP), from a sender of its own. */
    private static byte[] unreadable(String sender) {
        String raw = new String(MailRig.fixture("wrong-charset.eml"), StandardCharsets.ISO_8859_1)
                .replaceFirst("(?m)^From: .*$", "From: " + sender)
                .replaceFirst("(?m)^To: .*$", "To: echo@sns.example.jp")
                .replaceFirst(
                        "(?mi)^Message-Id: <",
                        "X-Evil: <script>alert(1)</script>\nMessage-ID: <" + sender.hashCode() + ".");
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads {@code path} every 100 ms (up to a minute) until its page passes {@code ready}. */
    private static String await(Http op, String path, Predicate<String> ready) {
        String page = "";
        for (int i = 0; i < 600; i++) {
            page = text(op.get(path));
            if (ready.test(page)) {
                return page;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " never got there:\n" + page);
    }

    @Test
    void aQuarantinedMailIsShownPutBackAndDeletedWithItsReasonsOnRecord() {
        String sender = "it." + UUID.randomUUID().toString().substring(0, 8) + "@ezweb.ne.jp";
        byte[] mail = unreadable(sender);
        SmtpClient.Reply reply =
                SmtpClient.send(Integer.getInteger("it.smtp.port"), sender, "echo@sns.example.jp", mail);
        assertEquals(250, reply.code(), reply.toString());

        Http op = operator();
        String list = await(op, "/admin/mail", p -> p.contains(sender));
        MailIT.awaitReplyTo(sender, 1); // the sender is told why (the echo route answers like any route)
        Matcher row = Pattern.compile("data-spool-id=\"(\\d+)\"><td>[^\n]*" + Pattern.quote(sender))
                .matcher(list);
        assertTrue(row.find(), list);
        long id = Long.parseLong(row.group(1));
        assertTrue(list.contains("保留（要確認）: "), "the counts per state\n" + list);

        String detail = text(op.get("/admin/mail/" + id));
        assertTrue(detail.contains("<td class=\"spool-state\">保留（要確認）</td>"), detail);
        assertTrue(detail.contains("<dt>Subject</dt><dd>文字化け</dd>"), "the subject decoded\n" + detail);
        assertTrue(detail.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "a hostile header escaped\n" + detail);
        assertFalse(detail.contains("<script>alert"), detail);

        HttpResponse<byte[]> raw = op.get("/admin/mail/" + id + "/raw");
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("message/rfc822"));
        assertTrue(raw.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        // the mail as it went over the wire (the fixture's line ends as CRLF), after any trace header the listener adds
        byte[] sent = new String(mail, StandardCharsets.ISO_8859_1)
                .replace("\n", "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = raw.body();
        assertTrue(body.length >= sent.length, body.length + " bytes");
        assertArrayEquals(sent, java.util.Arrays.copyOfRange(body, body.length - sent.length, body.length));

        // a member sees nothing of it and can do nothing to it
        Members.NewMember m = Members.register(base, "めーるみない");
        assertEquals(404, m.http().get("/admin/mail").statusCode());
        assertEquals(404, m.http().get("/admin/mail/" + id).statusCode());
        assertEquals(404, m.http().get("/admin/mail/" + id + "/raw").statusCode());
        String memberCsrf = Http.csrf(text(m.http().get("/settings")));
        for (String action : new String[] {"retry", "delete"}) {
            var refused = m.http().post("/admin/mail/" + id + "/" + action, "note", "いたずら", "_csrf", memberCsrf);
            assertEquals(404, refused.statusCode(), action);
        }
        assertTrue(text(op.get("/admin/mail/" + id)).contains("<td class=\"spool-state\">保留（要確認）</td>"));

        String csrf = Http.csrf(detail);
        HttpResponse<byte[]> noNote = op.post("/admin/mail/" + id + "/retry", "note", " ", "_csrf", csrf);
        assertEquals(400, noNote.statusCode());
        assertTrue(text(noNote).contains("理由をメモに書いてください"), text(noNote));
        assertTrue(text(op.get("/admin/mail/" + id)).contains("試行 1回"), "nothing changed");

        HttpResponse<byte[]> retried = op.post("/admin/mail/" + id + "/retry", "note", "文字コード判定を直した", "_csrf", csrf);
        assertEquals(303, retried.statusCode(), "after the POST a GET, so a reload does not do it twice");
        String location = retried.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/admin/mail?state=quarantined&done=retried&id=" + id), location);
        String notice = text(op.get(location.substring(location.indexOf("/admin/mail"))));
        assertTrue(notice.contains("メール #" + id + " を処理待ちに戻しました。"), notice);
        // read again from the start (attempts start again), and still unreadable: quarantined once more
        String again = await(
                op,
                "/admin/mail/" + id,
                p -> p.contains("<td class=\"spool-state\">保留（要確認）</td>")
                        && p.contains("試行 1回")
                        && !p.contains("処理待ち</td>"));
        assertFalse(again.contains("処理済み"), again);
        MailIT.awaitReplyTo(sender, 2); // and told again: handled as if just received, not as a duplicate
        HttpResponse<byte[]> twice = op.post("/admin/mail/" + id + "/retry", "note", "もう一度", "_csrf", csrf);
        assertEquals(303, twice.statusCode(), "quarantined again, so it can go back again");

        String gone = await(
                op,
                "/admin/mail/" + id,
                p -> p.contains("<td class=\"spool-state\">保留（要確認）</td>") && p.contains("試行 1回"));
        HttpResponse<byte[]> deleted =
                op.post("/admin/mail/" + id + "/delete", "note", "確認済み・送信者に連絡した", "_csrf", Http.csrf(gone));
        assertEquals(303, deleted.statusCode(), text(deleted));
        String deletedAt = deleted.headers().firstValue("Location").orElseThrow();
        assertTrue(text(op.get(deletedAt.substring(deletedAt.indexOf("/admin/mail"))))
                .contains("メール #" + id + " を削除しました。"));
        assertEquals(404, op.get("/admin/mail/" + id).statusCode());
        assertEquals(404, op.get("/admin/mail/" + id + "/raw").statusCode());
        HttpResponse<byte[]> late = op.post("/admin/mail/" + id + "/delete", "note", "二度目", "_csrf", csrf);
        assertEquals(404, late.statusCode(), "a deleted mail is not found, nothing is recorded");

        String audit = text(op.get("/admin/audit?kind=mail.retry"));
        assertTrue(audit.contains("さんが保留されていた受信メール #" + id + " を処理待ちに戻しました。 理由・メモ: 「文字コード判定を直した（保留の理由: "), audit);
        String deletions = text(op.get("/admin/audit?kind=mail.delete"));
        assertTrue(deletions.contains("さんが保留されていた受信メール #" + id + " を削除しました。 理由・メモ: 「確認済み・送信者に連絡した（保留の理由: "), deletions);
        assertFalse(deletions.contains("二度目"), deletions);
    }

    @Test
    void everyStateListsAndUnknownStatesFallBackToQuarantined() {
        Http op = operator();
        for (String state : new String[] {"quarantined", "refused", "new", "duplicate", "done"}) {
            HttpResponse<byte[]> r = op.get("/admin/mail?state=" + state);
            assertEquals(200, r.statusCode(), state);
        }
        String odd = text(op.get("/admin/mail?state=%27%3Bdrop&page=-3"));
        assertTrue(odd.contains("<h2>保留（要確認）（新しい順）</h2>"), odd);
        assertEquals(200, op.get("/admin/mail?state=done&page=2147483647").statusCode(), "the last page, not an error");
    }
}

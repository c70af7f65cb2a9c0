package jp.keitai.sns.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Friends;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import jp.keitai.sns.testsupport.Outbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24 (メッセージ) against the running server: a message written on a docomo handset (Shift_JIS form, docomo
 * emoji) reaches an au member's inbox, the notice mail goes to the au address in ISO-2022-JP with a Reply-To
 * {@code m.{secret}@}; the au phone replies by mail with au emoji and the reply shows on the docomo member's pages in
 * docomo's codes, with the unread count on the docomo home (accesskey 4). Strangers, blocks and rotated secrets are
 * refused; each side deletes its own copy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MessageIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final byte[] DOCOMO_SUN = {(byte) 0xF8, (byte) 0x9F};
    static final byte[] DOCOMO_CLOUD = {(byte) 0xF8, (byte) 0xA0};

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void aMessageFromDocomoIsAnsweredByMailFromAuWithEmoji() throws InterruptedException {
        NewMember dc = Members.register(base, "ドコモ花子");
        NewMember au = Members.register(base, "エーユー太郎", "ezweb.ne.jp");
        Friends.makeFriends(dc, au);
        Http docomo = Members.onDocomo(base, dc);

        // the form on the docomo handset: Shift_JIS, then the post with docomo's sun (U+E63E = F89F)
        HttpResponse<byte[]> form = docomo.get("/messages/new?to=" + au.id());
        assertEquals(200, form.statusCode());
        assertTrue(form.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        String formPage = new String(form.body(), SJIS);
        assertTrue(formPage.contains("エーユー太郎"), formPage);
        HttpResponse<byte[]> sent = docomo.post(
                "/messages",
                SJIS,
                "_csrf",
                Http.csrf(formPage),
                "key",
                field(formPage, "key"),
                "to",
                String.valueOf(au.id()),
                "reply_to",
                "",
                "title",
                "地震大丈夫？",
                "body",
                "こちらは無事です\uE63E");
        assertEquals(303, sent.statusCode(), new String(sent.body(), SJIS));
        String sentBox = new String(docomo.get("/messages/sent").body(), SJIS);
        assertTrue(sentBox.contains("地震大丈夫？"), sentBox);

        // the au member: unread on the home page, the notice by mail (ISO-2022-JP, no body, Reply-To m.…@)
        String auHome = Http.text(au.http().get("/home"), StandardCharsets.UTF_8);
        assertTrue(auHome.contains("data-unread-messages=\"1\""), auHome);
        // the notice is queued and delivered by the outbox dispatcher: wait for it (the invite is older)
        MimeMessage notice = Outbox.latestTo(au.mobileEmail());
        for (int i = 0; i < 200 && !Outbox.text(notice).contains("メッセージが届きました"); i++) {
            Thread.sleep(100);
            notice = Outbox.latestTo(au.mobileEmail());
        }
        String noticeText = Outbox.text(notice);
        assertTrue(noticeText.contains("ドコモ花子さんからメッセージが届きました"), noticeText);
        assertFalse(noticeText.contains("こちらは無事です"), "no body unless chosen: " + noticeText);
        String replyTo = header(notice, "Reply-To");
        assertTrue(replyTo.matches("m\\.[a-z0-9]{16}@sns\\.example\\.jp"), replyTo);
        try {
            assertTrue(notice.getContentType().toLowerCase().contains("iso-2022-jp"), notice.getContentType());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }

        // the au phone replies to the notice: JIS subject 雨☔, text 今日は☀のち☁ (au emoji)
        byte[] reply = personalise("au-jis-emoji.eml", au.mobileEmail(), replyTo);
        assertEquals(250, smtp(au.mobileEmail(), replyTo, reply));
        assertEquals(250, smtp(au.mobileEmail(), replyTo, reply)); // an MTA's retry: one reply
        MimeMessage back = Outbox.latestSaying(dc.mobileEmail(), "エーユー太郎さんからメッセージが届きました");
        assertTrue(header(back, "Reply-To").startsWith("m."));

        // on the docomo handset: the home page's unread line (accesskey 4), the inbox, the reply in docomo's codes
        byte[] home = docomo.get("/home").body();
        String homeText = new String(home, SJIS);
        assertTrue(homeText.contains("data-unread-messages=\"1\""), homeText);
        assertTrue(homeText.contains("href=\"#s350\" accesskey=\"4\""), "in the menu: " + homeText);
        String inbox = new String(docomo.get("/messages").body(), SJIS);
        assertEquals(1, count(inbox, "[未読]"), inbox);
        Matcher link = Pattern.compile("/messages/(\\d+)").matcher(inbox);
        assertTrue(link.find(), inbox);
        byte[] shown = docomo.get("/messages/" + link.group(1)).body();
        byte[] expected = concat("今日は".getBytes(SJIS), DOCOMO_SUN, "のち".getBytes(SJIS), DOCOMO_CLOUD);
        assertEquals(1, occurrences(shown, expected), new String(shown, SJIS));
        assertTrue(new String(shown, SJIS).contains("エーユー太郎"));
        assertTrue(shown.length <= 20_000);
        String readHome = new String(docomo.get("/home").body(), SJIS);
        assertTrue(readHome.contains("data-unread-messages=\"0\""), "read now: " + readHome);

        // the reply form on the handset quotes the text
        String replyForm =
                new String(docomo.get("/messages/new?reply=" + link.group(1)).body(), SJIS);
        assertTrue(replyForm.contains("&gt; 今日は"), replyForm);

        // deleting one's copy: gone from the docomo inbox, still in the au sent box
        String shownPage = new String(shown, SJIS);
        HttpResponse<byte[]> deleted =
                docomo.post("/messages/" + link.group(1) + "/delete", SJIS, "_csrf", Http.csrf(shownPage));
        assertEquals(303, deleted.statusCode());
        assertFalse(new String(docomo.get("/messages").body(), SJIS).contains("/messages/" + link.group(1)));
        String auSent = Http.text(au.http().get("/messages/sent"), StandardCharsets.UTF_8);
        assertTrue(auSent.contains("data-message-id=\"" + link.group(1) + "\""), auSent);

        // new posting secrets: the old reply address is refused (a wrong secret is answered to nobody); the next
        // notice carries a new address, and a reply to that one is the only thing that arrives
        String mailSettings = Http.text(au.http().get("/settings/mail"), StandardCharsets.UTF_8);
        au.http().post("/settings/mail/rotate", "_csrf", Http.csrf(mailSettings));
        smtp(au.mobileEmail(), replyTo, personalise("au-jis-emoji.eml", au.mobileEmail(), replyTo));
        String again = new String(docomo.get("/messages/new?to=" + au.id()).body(), SJIS);
        assertEquals(
                303,
                docomo.post(
                                "/messages",
                                SJIS,
                                "_csrf",
                                Http.csrf(again),
                                "to",
                                String.valueOf(au.id()),
                                "title",
                                "二通目",
                                "body",
                                "もう一度")
                        .statusCode());
        MimeMessage second = Outbox.latestSaying(au.mobileEmail(), "件名: 二通目");
        String newReplyTo = header(second, "Reply-To");
        assertFalse(newReplyTo.equals(replyTo), "a new secret after the rotation");
        byte[] fresh = ("From: " + au.mobileEmail() + "\nTo: " + newReplyTo + "\nSubject: =?UTF-8?B?"
                        + java.util.Base64.getEncoder().encodeToString("新しいアドレスから".getBytes(StandardCharsets.UTF_8))
                        + "?=\nMessage-ID: <fresh." + UUID.randomUUID() + "@ezweb.ne.jp>\nMIME-Version: 1.0\n"
                        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n届きました\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(250, smtp(au.mobileEmail(), newReplyTo, fresh));
        Outbox.latestSaying(dc.mobileEmail(), "件名: 新しいアドレスから");
        String finalInbox = new String(docomo.get("/messages").body(), SJIS);
        assertEquals(
                1,
                finalInbox.split("/messages/\\d+", -1).length - 1,
                "only the reply to the new address: " + finalInbox);
        assertTrue(finalInbox.contains("新しいアドレスから"), finalInbox);
    }

    @Test
    void strangersAndBlocksAreRefusedAndEveryoneOpensTheDoor() {
        NewMember a = Members.register(base, "受け取る人");
        NewMember stranger = Members.register(base, "知らない人");
        String form = Http.text(stranger.http().get("/messages/new?to=" + a.id()), StandardCharsets.UTF_8);
        assertTrue(form.contains("メッセージを送れません"), form);
        // the form is not shown; a post made anyway (with the session's token from another page) is refused too
        String token = Http.csrf(Http.text(stranger.http().get("/settings/messages"), StandardCharsets.UTF_8));
        HttpResponse<byte[]> refused = stranger.http()
                .post("/messages", "_csrf", token, "to", String.valueOf(a.id()), "title", "t", "body", "x");
        assertEquals(200, refused.statusCode());
        assertTrue(Http.text(refused, StandardCharsets.UTF_8).contains("送れません"));
        assertTrue(Http.text(a.http().get("/messages"), StandardCharsets.UTF_8).contains("メッセージはありません"));

        // 全員: now the stranger may
        String settings = Http.text(a.http().get("/settings/messages"), StandardCharsets.UTF_8);
        a.http()
                .post(
                        "/settings/messages",
                        "_csrf",
                        Http.csrf(settings),
                        "accept_from",
                        "everyone",
                        "notice_mail",
                        "on");
        form = Http.text(stranger.http().get("/messages/new?to=" + a.id()), StandardCharsets.UTF_8);
        HttpResponse<byte[]> ok = stranger.http()
                .post(
                        "/messages",
                        "_csrf",
                        Http.csrf(form),
                        "to",
                        String.valueOf(a.id()),
                        "title",
                        "はじめまして",
                        "body",
                        "よろしく");
        assertEquals(303, ok.statusCode());
        assertTrue(Http.text(a.http().get("/messages"), StandardCharsets.UTF_8).contains("はじめまして"));

        // a block either way: refused again
        Friends.block(a, stranger);
        form = Http.text(stranger.http().get("/messages/new?to=" + a.id()), StandardCharsets.UTF_8);
        assertTrue(form.contains("メッセージを送れません"), form);
        // nobody reads another's message
        Matcher id = Pattern.compile("data-message-id=\"(\\d+)\"")
                .matcher(Http.text(a.http().get("/messages"), StandardCharsets.UTF_8));
        assertTrue(id.find());
        NewMember third = Members.register(base, "第三者");
        assertEquals(404, third.http().get("/messages/" + id.group(1)).statusCode());
        assertEquals(303, new Http(base).get("/messages").statusCode(), "guests sign in first");
    }

    static String header(MimeMessage m, String name) {
        try {
            String v = m.getHeader(name, null);
            if (v == null) {
                throw new AssertionError("no " + name + " header");
            }
            return v.trim();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertTrue(m.find(), "no field " + name);
        return m.group(1);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    /** A carrier mail fixture as this member's mail to this address, with a Message-ID of its own. */
    static byte[] personalise(String fixture, String from, String to) {
        try (InputStream in = MessageIT.class.getClassLoader().getResourceAsStream("mail/" + fixture)) {
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replaceFirst("(?m)^From: .*$", "From: " + from)
                    .replaceFirst("(?m)^To: .*$", "To: " + to)
                    .replaceFirst("(?mi)^Message-Id: <", "Message-ID: <" + UUID.randomUUID() + ".");
            return raw.getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one mail over SMTP to the listener as an MTA would; returns the reply to DATA (or to RCPT). */
    public static int smtp(String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", Integer.getInteger("it.smtp.port"))) {
            s.setSoTimeout(30_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            expect(in);
            for (String line : new String[] {"EHLO test.example", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">"}) {
                command(out, line);
                int code = expect(in);
                if (code >= 400) {
                    return code;
                }
            }
            command(out, "DATA");
            expect(in);
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            StringBuilder data = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            data.append(".\r\n");
            out.write(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int code = expect(in);
            command(out, "QUIT");
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static int expect(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return Integer.parseInt(line.substring(0, 3));
    }
}

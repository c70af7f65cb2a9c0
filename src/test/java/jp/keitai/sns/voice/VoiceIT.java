package jp.keitai.sns.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
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
 * Issue 8 done-when, against the running server: a voice posted from an emulated SoftBank 3G handset (UTF-8 page,
 * SoftBank private-use emoji) in two page loads from its home page shows on a friend's docomo home page with docomo's
 * Shift_JIS emoji code; the same for a voice sent by mail from the SoftBank phone; the mail checks, trimming and
 * confirmation; and who may see a voice over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VoiceIT {

    static final Charset SJIS = Charset.forName("Windows-31J");
    static final String SOFTBANK_UA = "SoftBank/1.0/910T/TJ001/SN359466000000000 Browser/NetFront/3.3";
    static final String SOFTBANK_GATEWAY = "123.108.237.1";
    /** docomo's Shift_JIS codes for ☀ (sun) and ☁ (cloud). */
    static final byte[] DOCOMO_SUN = {(byte) 0xF8, (byte) 0x9F};

    static final byte[] DOCOMO_CLOUD = {(byte) 0xF8, (byte) 0xA0};

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    /** A SoftBank 3G handset behind SoftBank's gateway, signed in (SoftBank 3G keeps cookies). */
    Http softbank(NewMember m) {
        Http phone = new Http(base, SOFTBANK_UA, true).from(SOFTBANK_GATEWAY);
        phone.signIn(m.mobileEmail(), Members.PASSWORD);
        return phone;
    }

    @Test
    void aVoiceFromASoftBankHandsetShowsOnAFriendsDocomoHomeWithDocomosEmoji() {
        NewMember sb = Members.register(base, "ソフトバンク太郎", "softbank.ne.jp");
        NewMember dc = Members.register(base, "ドコモ花子");
        Friends.makeFriends(sb, dc);
        Http phone = softbank(sb);

        // page load 1: the home page, UTF-8, with the one-field voice form
        HttpResponse<byte[]> home = phone.get("/home");
        assertEquals(200, home.statusCode());
        assertTrue(home.headers().firstValue("Content-Type").orElse("").contains("UTF-8"), "SoftBank 3G pages");
        String page = Http.text(home, StandardCharsets.UTF_8);
        assertTrue(page.contains("name=\"body\""), page);
        assertTrue(home.body().length <= 20_000, "within the SoftBank 3G budget: " + home.body().length);

        // page load 2: the post, in UTF-8 with SoftBank's private-use sun (U+E04A), answered with the home page
        HttpResponse<byte[]> posted = phone.post(
                "/voice",
                StandardCharsets.UTF_8,
                "_csrf",
                Http.csrf(page),
                "key",
                field(page, "key"),
                "from",
                "home",
                "body",
                "地震でしたが無事です\uE04A");
        assertEquals(303, posted.statusCode(), Http.text(posted, StandardCharsets.UTF_8));
        assertTrue(posted.headers().firstValue("Location").orElse("").endsWith("/home"));
        String after = Http.text(phone.get("/home"), StandardCharsets.UTF_8);
        assertTrue(after.contains("地震でしたが無事です\uE04A"), "SoftBank sees its own emoji again: " + after);

        // the same form sent again (a second press on a slow line) posts nothing more
        phone.post(
                "/voice",
                StandardCharsets.UTF_8,
                "_csrf",
                Http.csrf(page),
                "key",
                field(page, "key"),
                "from",
                "home",
                "body",
                "地震でしたが無事です\uE04A");

        // the friend's docomo FOMA home page: Shift_JIS, docomo's sun F89F
        Http docomo = Members.onDocomo(base, dc);
        HttpResponse<byte[]> friendHome = docomo.get("/home");
        assertEquals(200, friendHome.statusCode());
        assertTrue(friendHome.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        byte[] expected = concat("地震でしたが無事です".getBytes(SJIS), DOCOMO_SUN);
        assertEquals(1, occurrences(friendHome.body(), expected), new String(friendHome.body(), SJIS));
        assertTrue(new String(friendHome.body(), SJIS).contains("ソフトバンク太郎"));
        assertTrue(friendHome.body().length <= 20_000, "FOMA budget: " + friendHome.body().length);
        // accesskey menu of the sections, the voice section first
        assertTrue(new String(friendHome.body(), SJIS).contains("href=\"#s100\" accesskey=\"1\""));

        // a stranger and a guest see nothing of it
        NewMember stranger = Members.register(base, "知らない人");
        String strangersVoices = Http.text(stranger.http().get("/voice"), StandardCharsets.UTF_8);
        assertFalse(strangersVoices.contains("地震でしたが無事です"), strangersVoices);
        Matcher link = Pattern.compile("/voice/(\\d+)").matcher(after);
        assertTrue(link.find(), after);
        String strangerView = Http.text(stranger.http().get("/voice/" + link.group(1)), StandardCharsets.UTF_8);
        assertFalse(strangerView.contains("地震でしたが無事です"), strangerView);
        assertEquals(303, new Http(base).get("/voice").statusCode(), "guests are sent to sign in");
        assertEquals(303, new Http(base).get("/voice/" + link.group(1)).statusCode());

        // イイネ! from the friend's docomo handset, twice: one like
        String thread = new String(docomo.get("/voice/" + link.group(1)).body(), SJIS);
        assertEquals(
                303,
                docomo.post("/voice/" + link.group(1) + "/like", "_csrf", Http.csrf(thread))
                        .statusCode());
        assertEquals(
                303,
                docomo.post("/voice/" + link.group(1) + "/like", "_csrf", Http.csrf(thread))
                        .statusCode());
        String liked = Http.text(phone.get("/voice/" + link.group(1)), StandardCharsets.UTF_8);
        assertTrue(liked.contains("ｲｲﾈ!1"), liked);

        // deleting from the handset asks first: one key press on the thread page only opens the question, which the
        // author alone gets; its form deletes
        String deleteUrl = "/voice/" + link.group(1) + "/delete";
        assertTrue(
                Pattern.compile(Pattern.quote(deleteUrl) + "[^\"]*\">削除</a>")
                        .matcher(liked)
                        .find(),
                liked);
        assertFalse(liked.contains("action=\"" + deleteUrl), "no delete button on the thread page: " + liked);
        HttpResponse<byte[]> ask = phone.get(deleteUrl);
        String asking = Http.text(ask, StandardCharsets.UTF_8);
        assertEquals(200, ask.statusCode(), asking);
        assertTrue(asking.contains("このﾎﾞｲｽを削除します｡返信も消え､元に戻せません｡"), asking);
        assertTrue(asking.contains("地震でしたが無事です"), asking);
        assertEquals(404, docomo.get(deleteUrl).statusCode(), "only the author is asked");
        assertTrue(Http.text(phone.get("/voice"), StandardCharsets.UTF_8).contains("地震でしたが無事です"));
        assertEquals(303, phone.post(deleteUrl, "_csrf", Http.csrf(asking)).statusCode());
        String gone = Http.text(phone.get("/voice"), StandardCharsets.UTF_8);
        assertFalse(gone.contains("地震でしたが無事です"), gone);
        assertEquals(404, phone.get(deleteUrl).statusCode(), "a deleted voice is not asked about again");
    }

    /** The keitai home writes its lines in Java, not EL (issue 9): what friends write still shows as text there. */
    @Test
    void markupFriendsWriteIsTextOnTheKeitaiHome() {
        NewMember writer = Members.register(base, "<b>太郎</b>&\"'");
        NewMember reader = Members.register(base, "読む人");
        Friends.makeFriends(writer, reader);
        String home = Http.text(writer.http().get("/home"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> voice = writer.http()
                .post(
                        "/voice",
                        StandardCharsets.UTF_8,
                        "_csrf",
                        Http.csrf(home),
                        "key",
                        field(home, "key"),
                        "from",
                        "home",
                        "body",
                        "<script>alert(1)</script>");
        assertEquals(303, voice.statusCode(), Http.text(voice, StandardCharsets.UTF_8));
        String form = Http.text(writer.http().get("/diary/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> diary = writer.http()
                .post("/diary", "title", "<i>日記</i>", "body", "本文", "visibility", "friends", "_csrf", Http.csrf(form));
        assertEquals(303, diary.statusCode(), Http.text(diary, StandardCharsets.UTF_8));

        String page = new String(Members.onDocomo(base, reader).get("/home").body(), SJIS);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the voice: " + page);
        assertTrue(page.contains("&lt;i&gt;日記&lt;/i&gt;"), "the diary's title: " + page);
        assertTrue(page.contains("&lt;b&gt;太郎&lt;/b&gt;&amp;&quot;&#39;:"), "the voice's author: " + page);
        assertTrue(page.contains("(&lt;b&gt;太郎&lt;/b&gt;&amp;&quot;&#39;)"), "the diary's author: " + page);
        assertFalse(page.contains("<script") || page.contains("<i>") || page.contains("<b>"), page);
    }

    @Test
    void aVoiceByMailFromASoftBankPhoneShowsOnAFriendsDocomoHomeOnce() {
        NewMember sb = Members.register(base, "メール太郎", "softbank.ne.jp");
        NewMember dc = Members.register(base, "ドコモ次郎");
        Friends.makeFriends(sb, dc);
        String voices = Http.text(sb.http().get("/voice"), StandardCharsets.UTF_8);
        Matcher mailto =
                Pattern.compile("mailto:(v\\.[a-z0-9]+@sns\\.example\\.jp)").matcher(voices);
        assertTrue(mailto.find(), "the voice page shows the posting address: " + voices);
        String address = mailto.group(1);

        // the SoftBank Shift_JIS fixture: subject 天気☁ (F98A), text 晴れ☀です (F98B); sent twice
        byte[] mail = personalise("softbank-sjis-emoji.eml", sb.mobileEmail(), address);
        assertEquals(250, smtp(sb.mobileEmail(), address, mail));
        assertEquals(250, smtp(sb.mobileEmail(), address, mail));

        String confirmation = awaitMail(sb.mobileEmail(), "ボイスを投稿しました");
        assertTrue(confirmation.contains("天気") && confirmation.contains("晴れ"), confirmation);
        assertTrue(confirmation.contains("150文字"), "the confirmation says how mail becomes a voice: " + confirmation);

        byte[] friendHome = Members.onDocomo(base, dc).get("/home").body();
        byte[] expected =
                concat("天気".getBytes(SJIS), DOCOMO_CLOUD, " 晴れ".getBytes(SJIS), DOCOMO_SUN, "です".getBytes(SJIS));
        assertEquals(1, occurrences(friendHome, expected), "once, in docomo's codes: " + new String(friendHome, SJIS));

        // subject and text longer than 150 characters: cut at 150, and the confirmation says so
        String longText = "あ".repeat(200);
        byte[] longMail = ("From: " + sb.mobileEmail() + "\nTo: " + address + "\nSubject: =?UTF-8?B?"
                        + java.util.Base64.getEncoder().encodeToString("長い".getBytes(StandardCharsets.UTF_8))
                        + "?=\nMessage-ID: <long." + UUID.randomUUID() + "@softbank.ne.jp>\nMIME-Version: 1.0\n"
                        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + longText
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(250, smtp(sb.mobileEmail(), address, longMail));
        String cut = awaitMail(sb.mobileEmail(), "150文字を超えた分は省きました");
        assertTrue(cut.contains("長い " + "あ".repeat(147) + "\n"), cut);
        String mine = Http.text(sb.http().get("/voice"), StandardCharsets.UTF_8);
        assertTrue(mine.contains("長い " + "あ".repeat(147) + "<"), mine);

        // the right address from another sender: refused, and the member (not the sender) is told
        byte[] forged = personalise("softbank-sjis-emoji.eml", "someone.else@softbank.ne.jp", address);
        assertEquals(250, smtp("someone.else@softbank.ne.jp", address, forged));
        String refusal = awaitMail(sb.mobileEmail(), "登録されたケータイのメールアドレス以外から送られました");
        assertTrue(refusal.contains("投稿されませんでした"), refusal);
        byte[] stillOnce = Members.onDocomo(base, dc).get("/home").body();
        assertEquals(1, occurrences(stillOnce, expected), "nothing posted twice, nothing forged");
    }

    @Test
    void limitsRepliesLikesBlocksAndDeletingThroughThePages() {
        NewMember a = Members.register(base, "ボイス太郎");
        NewMember b = Members.register(base, "ボイス花子");
        NewMember c = Members.register(base, "ボイス次郎");
        Friends.makeFriends(a, b);
        Friends.makeFriends(a, c);
        Http phone = a.http();

        // empty, spaces only, 151 characters: refused with a message, the text kept in the field
        String page = Http.text(phone.get("/voice"), StandardCharsets.UTF_8);
        String blank = post(phone, page, "body", "\u3000 \u3000");
        assertTrue(blank.contains("ボイスを入力してください（空白だけでは投稿できません）。"), blank);
        String tooLong = post(phone, blank, "body", "😀".repeat(150) + "☀️");
        assertTrue(tooLong.contains("ボイスは150文字までです（いま151文字）。"), tooLong);
        assertTrue(tooLong.contains("value=\"" + "😀".repeat(150) + "☀️\""), "the text stays in the field");

        // 150 characters of 4-byte emoji and a carrier emoji: posted whole
        String full = "😀".repeat(149) + "☀️";
        HttpResponse<byte[]> ok = postRaw(phone, tooLong, "body", full);
        assertEquals(303, ok.statusCode(), Http.text(ok, StandardCharsets.UTF_8));
        assertTrue(ok.headers().firstValue("Location").orElse("").endsWith("/voice"));
        String friendList = Http.text(b.http().get("/voice"), StandardCharsets.UTF_8);
        assertTrue(friendList.contains(full), friendList);
        Matcher link = Pattern.compile("/voice/(\\d+)\"").matcher(friendList);
        assertTrue(link.find());
        String id = link.group(1);

        // the friend replies and says イイネ! twice; the author's page shows one like and the reply under the voice
        String thread = Http.text(b.http().get("/voice/" + id), StandardCharsets.UTF_8);
        HttpResponse<byte[]> reply = postRaw(b.http(), thread, "reply_to", id, "body", "無事でよかった");
        assertEquals(303, reply.statusCode());
        assertTrue(reply.headers().firstValue("Location").orElse("").endsWith("/voice/" + id));
        assertEquals(
                400,
                postRaw(b.http(), thread, "reply_to", "x" + id, "body", "どこへ").statusCode());
        b.http().post("/voice/" + id + "/like", "_csrf", Http.csrf(thread));
        b.http().post("/voice/" + id + "/like", "_csrf", Http.csrf(thread));
        String mine = Http.text(phone.get("/voice/" + id), StandardCharsets.UTF_8);
        assertTrue(mine.contains("イイネ!1<"), mine);
        assertTrue(mine.contains("返信（1）") && mine.contains("無事でよかった"), mine);

        // a blocked friend sees neither the voice nor the thread
        assertTrue(Http.text(c.http().get("/voice"), StandardCharsets.UTF_8).contains(full));
        Friends.block(a, c);
        assertFalse(Http.text(c.http().get("/voice"), StandardCharsets.UTF_8).contains(full));
        HttpResponse<byte[]> hidden = c.http().get("/voice/" + id);
        assertEquals(404, hidden.statusCode(), "an invisible voice is not found");
        assertFalse(Http.text(hidden, StandardCharsets.UTF_8).contains(full));
        assertEquals(404, c.http().get("/voice/999999999").statusCode(), "an unknown voice is not found");
        assertFalse(Http.text(c.http().get("/home"), StandardCharsets.UTF_8).contains(full));

        // a docomo mova handset (5,000-byte pages) gets its friend's home page within the budget, form included
        Http mova = new Http(base, "DoCoMo/1.0/N505i/c20/TB/W20H10", false)
                .from("210.153.84.1")
                .signInWithoutCookies(b.mobileEmail(), Members.PASSWORD);
        HttpResponse<byte[]> movaHome = mova.get("/home");
        assertTrue(movaHome.body().length <= 5_000, "mova budget: " + movaHome.body().length);
        String movaText = new String(movaHome.body(), SJIS);
        assertTrue(movaText.contains("name=\"body\""), movaText);
        assertTrue(movaText.contains("ボイス太郎"), movaText);

        // only the author deletes; the reply goes with the voice
        assertTrue(
                Http.text(b.http().post("/voice/" + id + "/delete", "_csrf", Http.csrf(thread)), StandardCharsets.UTF_8)
                        .contains("削除できるのは自分のボイスだけです"));
        assertEquals(
                303,
                phone.post("/voice/" + id + "/delete", "_csrf", Http.csrf(mine)).statusCode());
        String after = Http.text(b.http().get("/voice"), StandardCharsets.UTF_8);
        assertFalse(after.contains(full), after);
        assertFalse(
                Http.text(b.http().get("/voice/" + id), StandardCharsets.UTF_8).contains("無事でよかった"));
    }

    /** Posts the voice form of {@code page} with these fields; returns the answer as text. */
    static String post(Http http, String page, String... fields) {
        return Http.text(postRaw(http, page, fields), StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> postRaw(Http http, String page, String... fields) {
        String[] all = new String[fields.length + 4];
        all[0] = "_csrf";
        all[1] = Http.csrf(page);
        all[2] = "key";
        all[3] = field(page, "key");
        System.arraycopy(fields, 0, all, 4, fields.length);
        return http.post("/voice", all);
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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

    /** Waits (up to a minute) until the newest mail to {@code to} contains {@code text}; returns its text. */
    static String awaitMail(String to, String text) {
        return Outbox.text(Outbox.latestSaying(to, text)).replace("\r\n", "\n");
    }

    /** A carrier mail fixture as this member's mail to this address, with a Message-ID of its own. */
    static byte[] personalise(String fixture, String from, String to) {
        try (InputStream in = VoiceIT.class.getClassLoader().getResourceAsStream("mail/" + fixture)) {
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replaceFirst("(?m)^From: .*$", "From: " + from)
                    .replaceFirst("(?m)^To: .*$", "To: " + to)
                    .replaceFirst("(?mi)^Message-Id: <", "Message-ID: <" + UUID.randomUUID() + ".");
            return raw.getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one mail over SMTP to the listener as an MTA would (CRLF, dot-stuffed); returns the reply to DATA. */
    static int smtp(String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", Integer.getInteger("it.smtp.port"))) {
            s.setSoTimeout(30_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            expect(in, 220);
            command(out, "EHLO test.example");
            expect(in, 250);
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, 250);
            command(out, "RCPT TO:<" + to + ">");
            expect(in, 250);
            command(out, "DATA");
            expect(in, 354);
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            StringBuilder data = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            data.append(".\r\n");
            out.write(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int code = expect(in, -1);
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

    private static int expect(BufferedReader in, int code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        int got = Integer.parseInt(line.substring(0, 3));
        if (code > 0 && got != code) {
            throw new AssertionError("SMTP: expected " + code + ", got " + line);
        }
        return got;
    }
}

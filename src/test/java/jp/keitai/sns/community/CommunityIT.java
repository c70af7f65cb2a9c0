package jp.keitai.sns.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 23 done-when, against the running server over HTTP and SMTP: create, join under both policies, a topic,
 * comments from a docomo handset and from a PC, a comment by mail with an emoji and a photo read on an au handset, an
 * event filled by concurrent 参加 answers to exactly its capacity, an administrator handover with consent, read rights
 * of a members-only community on every surface (page, JSON, photo, home section, search), reports in the console.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityIT {

    private static final Charset SJIS = Charset.forName("Windows-31J");
    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private static final String AU_UA = "KDDI-SA31 UP.Browser/6.2.0.7.3.129 (GUI) MMP/2.0";
    private static final String AU_GATEWAY = "210.230.128.225";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    private static NewMember admin;
    private static NewMember member;
    private static long open;
    private static long topic;

    private static long idFrom(HttpResponse<byte[]> r, String pattern) {
        assertEquals(303, r.statusCode(), Http.text(r, UTF8));
        Matcher m = Pattern.compile(pattern)
                .matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static long create(Http http, String name, String join, String read) {
        String form = Http.text(http.get("/communities/new"), UTF8);
        return idFrom(
                http.post(
                        "/communities",
                        "_csrf",
                        Http.csrf(form),
                        "name",
                        name,
                        "category",
                        "趣味",
                        "description",
                        "<i>説明</i>",
                        "join_policy",
                        join,
                        "topic_policy",
                        "all",
                        "read_policy",
                        read),
                "/communities/(\\d+)");
    }

    private static HttpResponse<byte[]> join(Http http, long id) {
        String page = Http.text(http.get("/communities/" + id), UTF8);
        return http.post("/communities/" + id + "/join", "_csrf", Http.csrf(page));
    }

    private static long topic(Http http, long community, String title, String... event) {
        String form = Http.text(http.get("/communities/" + community + "/topics/new"), UTF8);
        List<String> fields = new ArrayList<>(List.of("_csrf", Http.csrf(form), "title", title, "body", "本文です"));
        fields.addAll(List.of(event));
        return idFrom(
                http.post("/communities/" + community + "/topics", fields.toArray(String[]::new)), "/topics/(\\d+)");
    }

    @Test
    @Order(1)
    void createJoinBothPoliciesTopicAndCommentsFromDocomoAndPc() {
        admin = Members.register(base, "管理人<b>");
        member = Members.register(base, "ドコモ会員");
        Http pc = new Http(base);
        pc.signIn(admin.mobileEmail(), Members.PASSWORD);
        open = create(pc, "<script>alert(1)</script>猫の会", "open", "everyone");
        String page = Http.text(pc.get("/communities/" + open), UTF8);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;猫の会"), "name escaped");
        assertFalse(page.contains("<script>alert"));
        assertTrue(page.contains("&lt;i&gt;説明&lt;/i&gt;"), "description escaped");

        // open: joined at once, the counter moves
        assertEquals(303, join(member.http(), open).statusCode());
        assertTrue(Http.text(pc.get("/communities/" + open), UTF8).contains("2人"));
        // approval: a request, then the administrator's approval
        long closed = create(pc, "承認制の会", "approval", "everyone");
        assertEquals(303, join(member.http(), closed).statusCode());
        String asked = Http.text(member.http().get("/communities/" + closed), UTF8);
        assertTrue(asked.contains("参加を申請中です"), asked);
        // the request can be withdrawn from the page, and made again
        HttpResponse<byte[]> withdrawn =
                member.http().post("/communities/" + closed + "/leave", "_csrf", Http.csrf(asked));
        assertEquals(303, withdrawn.statusCode());
        String after = Http.text(
                member.http().get(withdrawn.headers().firstValue("Location").orElseThrow()), UTF8);
        assertTrue(after.contains("参加の申請を取り下げました。"), after);
        assertEquals(303, join(member.http(), closed).statusCode());
        String members = Http.text(pc.get("/communities/" + closed + "/members"), UTF8);
        assertTrue(members.contains("data-member-id=\"" + member.id() + "\""));
        assertEquals(
                303,
                pc.post("/communities/" + closed + "/members/" + member.id() + "/approve", "_csrf", Http.csrf(members))
                        .statusCode());
        assertTrue(Http.text(pc.get("/communities/" + closed), UTF8).contains("2人"));
        // joining again is refused with the reason, nothing changes
        HttpResponse<byte[]> again = join(member.http(), closed);
        assertEquals(400, again.statusCode());
        assertTrue(Http.text(again, UTF8).contains("すでに参加しています"));

        // a topic from the PC, a comment from docomo (Shift_JIS) and one from the PC with a >>1 reply
        topic = topic(pc, open, "はじめまして");
        Http docomo = Members.onDocomo(base, member);
        HttpResponse<byte[]> keitai = docomo.get("/communities/" + open + "/topics/" + topic);
        assertEquals(200, keitai.statusCode());
        assertTrue(keitai.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        String keitaiPage = Http.text(keitai, SJIS);
        assertEquals(
                303,
                docomo.post(
                                "/communities/" + open + "/topics/" + topic + "/comments",
                                SJIS,
                                "_csrf",
                                Http.csrf(keitaiPage),
                                "body",
                                "ドコモから～①")
                        .statusCode());
        String pcTopic = Http.text(pc.get("/communities/" + open + "/topics/" + topic), UTF8);
        assertEquals(
                303,
                pc.post(
                                "/communities/" + open + "/topics/" + topic + "/comments",
                                "_csrf",
                                Http.csrf(pcTopic),
                                "body",
                                ">>1 ようこそ")
                        .statusCode());
        String read = Http.text(docomo.get("/communities/" + open + "/topics/" + topic), SJIS);
        assertTrue(read.contains("ドコモから～①"), read);
        assertTrue(read.contains("#c1\">&gt;&gt;1</a>"), "the reply links to comment 1");
        // a 10,000-character comment: refused with the reason, nothing written
        HttpResponse<byte[]> tooLong = pc.post(
                "/communities/" + open + "/topics/" + topic + "/comments",
                "_csrf",
                Http.csrf(pcTopic),
                "body",
                "あ".repeat(10_000));
        assertTrue(Http.text(tooLong, UTF8).contains("コメントは5000文字までです"));
        assertTrue(Http.text(pc.get("/communities/" + open + "/topics/" + topic), UTF8)
                .contains("コメント（2）"));
        // a stranger who has not joined cannot comment
        NewMember stranger = Members.register(base, "通りすがり");
        String strangerPage = Http.text(stranger.http().get("/communities/" + open + "/topics/" + topic), UTF8);
        assertTrue(strangerPage.contains("参加するとコメントできます"));
        HttpResponse<byte[]> refused = stranger.http()
                .post(
                        "/communities/" + open + "/topics/" + topic + "/comments",
                        "_csrf",
                        Http.csrf(strangerPage),
                        "body",
                        "こんにちは");
        assertTrue(Http.text(refused, UTF8).contains("コミュニティに参加するとコメントできます。"));
    }

    @Test
    @Order(2)
    void aCommentByMailWithAnEmojiAndAPhotoIsReadOnAnAuHandset() throws Exception {
        String path = "/communities/" + open + "/topics/" + topic;
        String before0 = Http.text(member.http().get(path), UTF8);
        assertFalse(before0.contains("community-address"), "issued only when asked for: " + before0);
        assertEquals(
                303,
                member.http().post(path + "/mail", "_csrf", Http.csrf(before0)).statusCode());
        String page = Http.text(member.http().get(path), UTF8);
        Matcher m = Pattern.compile("class=\"community-address\" href=\"mailto:([^\"]+)\"")
                .matcher(page);
        assertTrue(m.find(), page);
        String address = m.group(1);
        assertTrue(address.startsWith("c."));
        int port = Integer.getInteger("it.smtp.port");
        int before = mailsTo(member.mobileEmail()).size();
        assertEquals(250, smtp(port, member.mobileEmail(), address, photoMail(member.mobileEmail(), address)));
        MimeMessage posted = awaitMail(member.mobileEmail(), before + 1);
        assertEquals("コメントを投稿しました", posted.getSubject());
        Matcher n = Pattern.compile("#c(\\d+)").matcher((String) posted.getContent());
        assertTrue(n.find());
        int number = Integer.parseInt(n.group(1));

        Http au = new Http(base, AU_UA, true).from(AU_GATEWAY);
        au.signIn(admin.mobileEmail(), Members.PASSWORD);
        HttpResponse<byte[]> r = au.get("/communities/" + open + "/topics/" + topic);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        assertTrue(indexOf(r.body(), new byte[] {(byte) 0xF6, (byte) 0x60}) >= 0, "au's sun, F660");
        assertTrue(Http.text(r, SJIS).contains("/photos/" + number + "/1"));
        HttpResponse<byte[]> photo = au.get("/communities/" + open + "/topics/" + topic + "/photos/" + number + "/1");
        assertEquals(200, photo.statusCode());
        assertTrue(ImageIO.read(new ByteArrayInputStream(photo.body())).getWidth() <= 240);

        // a forged sender with the right address: refused, answered to the registered address only
        int mails = mailsTo(member.mobileEmail()).size();
        assertEquals(250, smtp(port, "spoof@docomo.ne.jp", address, photoMail("spoof@docomo.ne.jp", address)));
        assertEquals(
                "コメントを投稿できませんでした", awaitMail(member.mobileEmail(), mails + 1).getSubject());
        assertTrue(mailsTo("spoof@docomo.ne.jp").isEmpty());
    }

    @Test
    @Order(3)
    void concurrentAnswersFillAnEventToExactlyItsCapacity() throws Exception {
        Http pc = new Http(base);
        pc.signIn(admin.mobileEmail(), Members.PASSWORD);
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))
                .plusDays(7)
                .toString();
        long event =
                topic(pc, open, "オフ会", "event_date", date + " 19:00", "place", "渋谷", "capacity", "3", "deadline", date);
        List<NewMember> people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            NewMember p = Members.register(base, "参加者" + i);
            join(p.http(), open);
            people.add(p);
        }
        String path = "/communities/" + open + "/topics/" + event;
        List<String> tokens = new ArrayList<>();
        for (NewMember p : people) {
            tokens.add(Http.csrf(Http.text(p.http().get(path), UTF8)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            NewMember p = people.get(i);
            String token = tokens.get(i);
            answers.add(pool.submit(() -> {
                go.await();
                return p.http().post(path + "/attend", "_csrf", token).statusCode();
            }));
        }
        go.countDown();
        int accepted = 0;
        int refused = 0;
        for (Future<Integer> f : answers) {
            int status = f.get(60, TimeUnit.SECONDS);
            accepted += status == 303 ? 1 : 0;
            refused += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(3, accepted);
        assertEquals(4, refused);
        String page = Http.text(pc.get(path), UTF8);
        assertTrue(page.contains("3 / 3人"), page);
        assertTrue(page.contains("定員に達しました"));
        // one who was not accepted tries again: refused with the reason
        NewMember late = people.stream()
                .filter(p -> !Http.text(p.http().get(path), UTF8).contains("参加予定です"))
                .findFirst()
                .orElseThrow();
        HttpResponse<byte[]> again = late.http()
                .post(path + "/attend", "_csrf", Http.csrf(Http.text(late.http().get(path), UTF8)));
        assertEquals(409, again.statusCode());
        String loser = Http.text(again, UTF8);
        assertTrue(loser.contains("定員（3人）に達したため参加できません。"));
    }

    @Test
    @Order(4)
    void administrationIsHandedOverOnlyWithTheNewAdministratorsConsent() {
        Http pc = new Http(base);
        pc.signIn(admin.mobileEmail(), Members.PASSWORD);
        String members = Http.text(pc.get("/communities/" + open + "/members"), UTF8);
        assertEquals(
                303,
                pc.post("/communities/" + open + "/members/" + member.id() + "/handover", "_csrf", Http.csrf(members))
                        .statusCode());
        // nothing changes until the member accepts
        assertTrue(Http.text(pc.get("/communities/" + open + "/edit"), UTF8).contains("コミュニティの設定"));
        String offered = Http.text(member.http().get("/communities/" + open), UTF8);
        assertTrue(offered.contains("管理人を引き受ける"));
        assertEquals(
                303,
                member.http()
                        .post("/communities/" + open + "/handover/accept", "_csrf", Http.csrf(offered))
                        .statusCode());
        assertEquals(404, pc.get("/communities/" + open + "/edit").statusCode(), "the old admin is a member now");
        assertEquals(200, member.http().get("/communities/" + open + "/edit").statusCode());
        assertTrue(Http.text(pc.get("/communities/" + open), UTF8).contains("ドコモ会員"));
    }

    @Test
    @Order(5)
    void aMembersOnlyCommunityIsReadByItsMembersOnlyOnEverySurface() throws Exception {
        NewMember owner = Members.register(base, "秘密の管理人");
        NewMember outsider = Members.register(base, "部外者");
        Http pc = new Http(base);
        pc.signIn(owner.mobileEmail(), Members.PASSWORD);
        long secret = create(pc, "秘密結社", "open", "members");
        long t = topic(pc, secret, "極秘トピック");
        // a comment with a photo (the PC's multipart form)
        String topicPath = "/communities/" + secret + "/topics/" + t;
        postWithPhoto(pc, topicPath);

        // the member: page, JSON, photo, home, search
        assertTrue(Http.text(pc.get(topicPath), UTF8).contains("極秘トピック"));
        assertEquals(200, pc.get(topicPath + ".json").statusCode());
        assertEquals(200, pc.get(topicPath + "/photos/1/1").statusCode());
        assertTrue(Http.text(owner.http().get("/home"), UTF8).contains("data-topic-id=\"" + t + "\""));
        assertTrue(Http.text(pc.get("/communities?q=秘密結社"), UTF8).contains("極秘トピック"));

        // the outsider: sees the community to join it, nothing of its topics anywhere
        Http other = new Http(base);
        other.signIn(outsider.mobileEmail(), Members.PASSWORD);
        Http otherDocomo = Members.onDocomo(base, outsider);
        String community = Http.text(other.get("/communities/" + secret), UTF8);
        assertTrue(community.contains("秘密結社"));
        assertFalse(community.contains("極秘トピック"));
        assertFalse(Http.text(otherDocomo.get("/communities/" + secret), SJIS).contains("極秘トピック"));
        assertEquals(404, other.get(topicPath).statusCode());
        assertEquals(404, otherDocomo.get(topicPath).statusCode());
        assertEquals(404, other.get(topicPath + ".json").statusCode());
        assertEquals(404, new Http(base).get(topicPath + ".json").statusCode(), "guest");
        assertEquals(404, other.get(topicPath + "/photos/1/1").statusCode());
        assertEquals(404, new Http(base).get(topicPath + "/photos/1/1").statusCode(), "guest");
        assertFalse(Http.text(outsider.http().get("/home"), UTF8).contains("data-topic-id=\"" + t + "\""));
        String search = Http.text(other.get("/communities?q=秘密結社"), UTF8);
        assertTrue(search.contains("data-community-id=\"" + secret + "\""));
        assertFalse(search.contains("極秘トピック"));

        // once joined, the outsider reads it
        assertEquals(303, join(other, secret).statusCode());
        assertEquals(200, other.get(topicPath).statusCode());
    }

    @Test
    @Order(6)
    void aReportedCommentIsHiddenByAnOperatorAndAudited() {
        String path = "/communities/" + open + "/topics/" + topic;
        String page = Http.text(admin.http().get(path), UTF8);
        assertEquals(
                303,
                admin.http()
                        .post(path + "/report", "_csrf", Http.csrf(page), "number", "1", "reason", "宣伝です")
                        .statusCode());
        // from a handset: the topic page's own form (comment number, reason), in Shift_JIS
        Http docomo = Members.onDocomo(base, member);
        String keitai = new String(docomo.get(path).body(), SJIS);
        assertTrue(keitai.contains("name=\"number\" value=\"0\""), "a handset can report too\n" + keitai);
        assertEquals(
                303,
                docomo.post(path + "/report", SJIS, "_csrf", Http.csrf(keitai), "number", "0", "reason", "携帯から通報")
                        .statusCode());
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String console = Http.text(operator.get("/admin/community-reports"), UTF8);
        assertTrue(console.contains("宣伝です"), console);
        assertTrue(console.contains("携帯から通報"), console);
        assertTrue(Http.text(operator.get("/admin"), UTF8).contains("/admin/community-reports"));
        Matcher m = Pattern.compile("data-report-id=\"(\\d+)\"").matcher(console);
        assertTrue(m.find());
        assertEquals(
                200,
                operator.post("/admin/community-reports/" + m.group(1) + "/hide", "_csrf", Http.csrf(console))
                        .statusCode());
        String after = Http.text(member.http().get(path + "?page=1"), UTF8);
        assertFalse(after.contains("ドコモから～①"));
        assertTrue(after.contains("運営により非表示になりました"));
        assertTrue(Http.text(operator.get("/admin/audit"), UTF8).contains("community.hide"));
        assertEquals(404, member.http().get("/admin/community-reports").statusCode(), "operators only");
    }

    private void postWithPhoto(Http http, String topicPath) throws Exception {
        String form = Http.text(http.get(topicPath), UTF8);
        String boundary = "----communityit" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] f : List.of(new String[] {"_csrf", Http.csrf(form)}, new String[] {"body", "写真です"})) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1]
                            + "\r\n")
                    .getBytes(UTF8));
        }
        out.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"photo1\"; filename=\"a.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(UTF8));
        out.writeBytes(CommunityRig.jpeg(640, 480));
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF8));
        HttpResponse<byte[]> r = http.send(java.net.http.HttpRequest.newBuilder(http.uri(topicPath + "/comments"))
                .header("User-Agent", Http.PC_UA)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
        assertEquals(303, r.statusCode(), Http.text(r, UTF8));
    }

    /** A docomo mail: Shift_JIS text with docomo's sun (F89F) and a JPEG camera photo. */
    private static byte[] photoMail(String from, String to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "From: " + from + "\r\nTo: " + to + "\r\nSubject: photo\r\nMessage-ID: <" + System.nanoTime()
                + "@docomo.ne.jp>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("散歩の写真です".getBytes(SJIS));
        out.writeBytes(new byte[] {(byte) 0xF8, (byte) 0x9F});
        out.writeBytes(("\r\n--b1\r\nContent-Type: image/jpeg; name=\"DSC0001.JPG\"\r\n"
                        + "Content-Disposition: attachment; filename=\"DSC0001.JPG\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(CommunityRig.jpeg(640, 480))
                        + "\r\n--b1--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static int smtp(int port, String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(in);
            for (String line : List.of("EHLO test", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">", "DATA")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int code = reply(in);
                if (code >= 400) {
                    return code;
                }
            }
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (String line : text.split("\n", -1)) {
                data.writeBytes(
                        ((line.startsWith(".") ? "." : "") + line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            data.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(data.toByteArray());
            out.flush();
            int code = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line == null ? 599 : Integer.parseInt(line.substring(0, 3));
    }

    private static List<MimeMessage> mailsTo(String address) {
        Path dir =
                Path.of(System.getProperty("it.data.dir", "target/it-data/h2")).resolve("outbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Properties lenient = new Properties();
        lenient.setProperty("mail.mime.address.strict", "false");
        Session session = Session.getInstance(lenient);
        List<MimeMessage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .toList()) {
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(Files.readAllBytes(f)));
                Address[] to = m.getAllRecipients();
                if (to != null && to.length > 0 && to[0].toString().equalsIgnoreCase(address)) {
                    out.add(m);
                }
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static MimeMessage awaitMail(String address, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            List<MimeMessage> found = mailsTo(address);
            if (found.size() >= count) {
                return found.get(count - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail #" + count + " to " + address);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.ExtraNode;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 27 (and the inactivity part of issue 24) across real Payara Micro nodes on one PostgreSQL: node A is the one
 * Arquillian started, node B (and for the inactivity run node C) are {@link ExtraNode}s of the same WAR. What must hold:
 * a signed-in member keeps the session on any node and when a node dies; a change made on one node shows on the
 * other at once (cache invalidation by {@code NOTIFY}; a few seconds at most, see {@link #eventually}); the spool
 * workers of both nodes share the inbound mail without doubling or losing any; the scheduled inactivity round acts
 * once however many nodes run it, and its mail is delivered once. PostgreSQL only: on H2 every test is skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Charset UTF8 = StandardCharsets.UTF_8;
    private static final Charset SJIS = Charset.forName("Windows-31J");
    private static final String DOCOMO_GATEWAY = "210.153.84.1";
    /** The longest a change may take to show on the other node (NOTIFY is delivered in milliseconds). */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    /**
     * Nodes B and C: the inactivity rule on, a round every 2 seconds, news polling every second (node A keeps both off,
     * arquillian.xml), and a short lease on claimed inbound mail.
     */
    private static final Map<String, String> SCHEDULES = Map.of(
            "sns.inactivity.enabled", "true",
            "sns.inactivity.period-seconds", "2",
            "sns.news.poll-seconds", "1",
            // a mail claimed by a worker of a node that was killed is taken again by another node after 15 s
            "sns.mail.lease-seconds", "15");

    /** What each cross-node check needed: "at once" or after how many tries, printed at the end. */
    private static final List<String> TIMINGS = new CopyOnWriteArrayList<>();

    private static ExtraNode b;
    private static ExtraNode c;

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void onPostgreSqlOnly() {
        Assumptions.assumeTrue(ExtraNode.possible(), "several nodes need PostgreSQL");
    }

    @AfterAll
    static void stopNodes() {
        for (ExtraNode node : new ExtraNode[] {b, c}) {
            if (node != null) {
                node.close();
            }
        }
        TIMINGS.forEach(t -> System.out.println("ClusterIT: " + t));
    }

    private static ExtraNode nodeB() throws Exception {
        if (b == null) {
            b = ExtraNode.start("b", SCHEDULES);
        }
        return b;
    }

    private static ExtraNode nodeC() throws Exception {
        if (c == null) {
            c = ExtraNode.start("c", SCHEDULES);
        }
        return c;
    }

    private static URL url(ExtraNode node) {
        try {
            return URI.create(node.url("/")).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member signed in on a smartphone against {@code node}. */
    private static Http phoneOn(URL node, NewMember m) {
        Http h = new Http(node, Http.SMARTPHONE_UA, true);
        h.signIn(m.mobileEmail(), Members.PASSWORD);
        return h;
    }

    // ---------------------------------------------------------------- 2. changes on one node show on the other

    @Test
    @Order(1)
    void aNewDiaryAVisibilityChangeAndAnUnfriendOnAShowOnBAtOnce() throws Exception {
        URL onB = url(nodeB());
        NewMember author = Members.register(base, "書く人");
        NewMember friend = Members.register(base, "読む友人");
        Friends.makeFriends(author, friend);
        Http friendOnB = phoneOn(onB, friend);
        String list = "/members/" + author.id() + "/diary";
        String profile = "/members/" + author.id();
        // B now holds the author's newest diaries and the friend's home
        assertEquals(200, friendOnB.get(list).statusCode());
        assertEquals(200, friendOnB.get(profile).statusCode());
        assertEquals(200, friendOnB.get("/home").statusCode());

        // a new diary written on A is listed and readable on B
        long first = writeDiary(author, "クラスタ日記その一", "Aで書いてBで読む", "friends");
        eventually("new diary on A on the friend's home on B", () -> text(friendOnB.get("/home"))
                .contains("data-diary-id=\"" + first + "\""));
        eventually("new diary on A on the author's profile on B", () -> text(friendOnB.get(profile))
                .contains("クラスタ日記その一"));
        eventually("new diary on A listed on B", () -> text(friendOnB.get(list)).contains("クラスタ日記その一"));
        assertEquals(200, friendOnB.get("/diary/" + first).statusCode());
        assertTrue(text(friendOnB.get("/diary/" + first)).contains("Aで書いてBで読む"));

        // made private on A: the friend on B loses it (page and list)
        editDiary(author, first, "クラスタ日記その一", "Aで書いてBで読む", "private");
        eventually(
                "visibility change on A applied on B",
                () -> friendOnB.get("/diary/" + first).statusCode() == 404);
        assertFalse(text(friendOnB.get(list)).contains("クラスタ日記その一"));
        assertFalse(text(friendOnB.get(profile)).contains("クラスタ日記その一"));
        assertFalse(text(friendOnB.get("/home")).contains("data-diary-id=\"" + first + "\""));
        assertEquals(200, author.http().get("/diary/" + first).statusCode(), "the author still sees it");

        // the friendship ended on A: a friends-only diary is gone for the former friend on B
        long second = writeDiary(author, "クラスタ日記その二", "友人まで", "friends");
        eventually(
                "second diary on A readable on B",
                () -> friendOnB.get("/diary/" + second).statusCode() == 200);
        assertTrue(text(friendOnB.get("/friends")).contains("書く人"));
        String confirm = text(author.http().get("/friends/" + friend.id() + "/end"));
        assertTrue(text(author.http().post("/friends/" + friend.id() + "/end", "_csrf", Http.csrf(confirm)))
                .contains("マイミクを解除しました"));
        eventually(
                "unfriend on A applied on B",
                () -> friendOnB.get("/diary/" + second).statusCode() == 404);
        assertFalse(text(friendOnB.get("/friends")).contains("書く人"), "no longer listed on B");
        assertFalse(text(friendOnB.get(list)).contains("クラスタ日記その二"));
    }

    @Test
    @Order(2)
    void aBlockOnAShowsOnBAtOnce() throws Exception {
        URL onB = url(nodeB());
        NewMember author = Members.register(base, "ブロックする人");
        NewMember other = Members.register(base, "ブロックされる人");
        long open = writeDiary(author, "みんなへの日記", "全体に公開", "everyone");
        Http otherOnB = phoneOn(onB, other);
        assertEquals(200, otherOnB.get("/diary/" + open).statusCode());
        assertEquals(200, otherOnB.get("/members/" + author.id() + "/diary").statusCode());

        Friends.block(author, other); // on A
        eventually(
                "block on A applied on B", () -> otherOnB.get("/diary/" + open).statusCode() == 404);
        assertEquals(404, otherOnB.get("/members/" + author.id() + "/diary").statusCode(), "blocked: no list on B");
    }

    @Test
    @Order(3)
    void aSuspensionOnASignsTheMemberOutOnBAndLiftingItLetsThemBackIn() throws Exception {
        URL onB = url(nodeB());
        NewMember m = Members.register(base, "停止される人");
        Http onBPhone = phoneOn(onB, m);
        Http docomoOnB = Members.onDocomo(onB, m);
        assertEquals(200, onBPhone.get("/home").statusCode());
        assertEquals(200, docomoOnB.get("/home").statusCode());

        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = text(operator.get("/admin/members?q=" + m.mobileEmail()));
        assertEquals(
                200,
                operator.post("/admin/members/" + m.id() + "/suspend", "note", "クラスタ試験", "_csrf", Http.csrf(page))
                        .statusCode());
        eventually(
                "suspension on A ends the cookie session on B",
                () -> onBPhone.get("/home").statusCode() == 303);
        eventually(
                "suspension on A ends the URL session on B",
                () -> docomoOnB.get("/home").statusCode() == 303);
        HttpResponse<byte[]> refused =
                new Http(onB).post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD);
        assertTrue(text(refused).contains("利用停止中"), "refused on B: " + text(refused));

        operator.post("/admin/members/" + m.id() + "/unsuspend", "note", "解除", "_csrf", Http.csrf(page));
        eventually(
                "lifted suspension on A lets the member sign in on B",
                () -> new Http(onB)
                                .post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD)
                                .statusCode()
                        == 303);
    }

    @Test
    @Order(4)
    void aCarrierDomainRemovedOnAIsRefusedByRegistrationOnBUntilItIsBack() throws Exception {
        URL onB = url(nodeB());
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String csrf = Http.csrf(text(operator.get("/admin/carriers")));
        // someone invited (on A) at a PC address registers on B with an EZweb address as the phone
        String pc = "pc" + System.nanoTime() + "@example.jp";
        operator.post("/invite", "email", pc, "_csrf", Http.csrf(text(operator.get("/invite"))));
        String link = Outbox.firstPath(Outbox.latestTo(pc));
        String token = link.substring(link.indexOf("token=") + 6);
        Http browser = new Http(onB);
        assertEquals(200, browser.get(link).statusCode());
        String phone = "c" + System.nanoTime() + "@ezweb.ne.jp";

        assertEquals(
                200, carrierDomain(operator, csrf, "remove", "クラスタ試験: EZweb停止").statusCode());
        try {
            eventually(
                    "carrier allow-list edit on A applied to registration on B",
                    () -> register(browser, token, phone).contains("ezweb.ne.jp は登録できるドメインにありません"));
        } finally {
            carrierDomain(operator, csrf, "add", "クラスタ試験終了");
        }
        eventually("carrier allow-list restored on A applied on B", () -> register(browser, token, phone)
                .contains("確認メールを送りました"));
    }

    private static HttpResponse<byte[]> carrierDomain(Http operator, String csrf, String action, String note) {
        return operator.post(
                "/admin/carriers/au/domains", "domain", "ezweb.ne.jp", "action", action, "note", note, "_csrf", csrf);
    }

    private static String register(Http browser, String token, String phone) {
        return text(browser.post(
                "/register", "token", token, "nickname", "えーゆー", "password", Members.PASSWORD, "mobile_email", phone));
    }

    // ---------------------------------------------------------------- 3. the mail spool, shared

    @Test
    @Order(5)
    void diaryMailsToBothNodesEachPostOnceNoneLostNoneDoubled() throws Exception {
        ExtraNode nodeB = nodeB();
        int portA = Integer.getInteger("it.smtp.port");
        int portB = nodeB.smtpPort();
        List<NewMember> authors = new ArrayList<>();
        Map<Long, String> addresses = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            NewMember m = Members.register(base, "メール" + i);
            authors.add(m);
            addresses.put(m.id(), mailto(text(m.http().get("/settings/mail"))));
        }
        String run = Long.toString(System.nanoTime(), 36);
        int mails = 24;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < mails; i++) {
                int n = i;
                NewMember m = authors.get(n % authors.size());
                int port = n % 2 == 0 ? portA : portB; // as an MTA spreads them over the nodes' listeners
                sent.add(pool.submit(
                        () -> smtp(port, m.mobileEmail(), addresses.get(m.id()), diaryMail(m.mobileEmail(), run, n))));
            }
            for (int i = 0; i < mails; i++) {
                assertEquals(250, sent.get(i).get(), "mail " + i + " accepted");
            }
        } finally {
            pool.shutdown();
        }
        // one more, delivered twice: once to each node (as an MTA that retried after a lost answer)
        NewMember twice = authors.get(0);
        byte[] again = diaryMail(twice.mobileEmail(), run, mails);
        assertEquals(250, smtp(portA, twice.mobileEmail(), addresses.get(twice.id()), again));
        assertEquals(250, smtp(portB, twice.mobileEmail(), addresses.get(twice.id()), again));

        String prefix = "クラスタ" + run + "-";
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<Integer, Integer> posted = postedTitles(prefix);
        while (posted.size() < mails + 1 && System.nanoTime() < until) {
            Thread.sleep(250);
            posted = postedTitles(prefix);
        }
        for (int i = 0; i <= mails; i++) {
            assertEquals(1, posted.getOrDefault(i, 0), "diaries from mail " + i + " (all: " + posted + ")");
        }
        assertEquals(mails + 1, posted.size(), "nothing else posted: " + posted);
        // the answers ("日記を投稿しました") went out once per diary, from whichever node handled the mail
        List<Path> outboxes = Outbox.dirs(); // A's and B's
        for (int k = 0; k < authors.size(); k++) {
            NewMember m = authors.get(k);
            long expected = mails / authors.size() + (m == twice ? 1 : 0);
            assertEquals(expected, awaitMails(outboxes, m.mobileEmail(), "日記を投稿しました", expected), m.nickname());
        }
        Thread.sleep(1000); // a doubled answer would come right after the first
        for (NewMember m : authors) {
            long expected = mails / authors.size() + (m == twice ? 1 : 0);
            assertEquals(expected, mailsTo(outboxes, m.mobileEmail(), "日記を投稿しました"), "no doubled answer");
        }
    }

    /** diary title number → how many diaries have it, for titles {@code prefix<n>}. */
    private static Map<Integer, Integer> postedTitles(String prefix) throws SQLException {
        Map<Integer, Integer> out = new HashMap<>();
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("select title from diary where title like ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(Integer.parseInt(rs.getString(1).substring(prefix.length())), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** A docomo-style Shift_JIS diary mail whose subject carries the run and the mail's number (bench/CrashMail). */
    private static byte[] diaryMail(String from, String run, int i) {
        String subject =
                "=?Shift_JIS?B?" + Base64.getEncoder().encodeToString(("クラスタ" + run + "-" + i).getBytes(SJIS)) + "?=";
        String head = "From: " + from + "\r\nTo: x@sns.example.jp\r\nSubject: " + subject + "\r\nMessage-ID: <cluster."
                + run + "." + i
                + "@docomo.ne.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] body = ("どのノードに届いても一通は一つの日記に。" + i + "\r\n").getBytes(SJIS);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One SMTP transaction; the reply code to the end of DATA (or the first refusal). */
    private static int smtp(int port, String from, String to, byte[] message) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            int code = reply(in);
            for (String line : List.of("EHLO cluster.example", "MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">")) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                code = reply(in);
                if (code >= 400) {
                    return code;
                }
            }
            out.write("DATA\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if ((code = reply(in)) != 354) {
                return code;
            }
            out.write(message); // CRLF lines, none starting with a dot
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            code = reply(in);
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
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return Integer.parseInt(line.substring(0, 3));
    }

    private static String mailto(String page) {
        Matcher m = Pattern.compile("class=\"diary-address\" href=\"mailto:([^\"]+)\"")
                .matcher(page);
        assertTrue(m.find(), "diary address on " + page);
        return m.group(1);
    }

    // ---------------------------------------------------------------- 4. scheduled work acts once

    /**
     * Issue 24 on two real nodes: B and C both run the inactivity round every 2 seconds; a member whose last sign-in
     * is 800 days old gets exactly one notice (one mail over the three nodes' outboxes, one audit row, one rule row),
     * and further rounds on both nodes add nothing.
     */
    @Test
    @Order(6)
    void theInactivityRoundOnTwoNodesActsOnceAndItsNoticeIsDeliveredOnce() throws Exception {
        ExtraNode nodeB = nodeB();
        NewMember absent = Members.register(base, "来なくなった人");
        nodeC();
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("update member set last_signed_in_at = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(800))));
            ps.setLong(2, absent.id());
            assertEquals(1, ps.executeUpdate());
        }
        String target = "会員 " + absent.id();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("select count(*) from audit_log where action = 'inactivity.notice' and target = ?", target) == 0
                && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertEquals(
                1,
                count("select count(*) from audit_log where action = 'inactivity.notice' and target = ?", target),
                "noticed once\n" + nodeB.tail());
        // several more rounds go by (the claim moves on; either node may take them): nothing more happens
        awaitRounds("inactivity", 3);
        List<Path> outboxes = Outbox.dirs(); // A's, B's and C's
        assertEquals(1, awaitMails(outboxes, absent.mobileEmail(), NOTICE, 1), "one notice mail");
        Thread.sleep(1000); // a doubled mail would come right after the first
        assertEquals(1, mailsTo(outboxes, absent.mobileEmail(), NOTICE), "one notice mail");
        assertEquals(
                1, count("select count(*) from audit_log where action = 'inactivity.notice' and target = ?", target));
        assertEquals(1, count("select count(*) from inactivity_notice where member_id = ?", absent.id()));
        assertEquals(
                1,
                count(
                        "select count(*) from mail_outbox where recipient = ? and template = 'inactivity/notice'",
                        absent.mobileEmail()));
    }

    /**
     * News polled by B and C, every second each: a partner feed added on A is fetched once each time it is due
     * (made due again by SQL twice), however many rounds both nodes run meanwhile.
     */
    @Test
    @Order(7)
    void aDueFeedIsFetchedOnceWhileTwoNodesPollEverySecond() throws Exception {
        nodeB();
        nodeC();
        AtomicInteger fetches = new AtomicInteger();
        byte[] feed;
        try (var in = ClusterIT.class.getResourceAsStream("/news/rss2-sjis.xml")) {
            feed = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, feed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(feed);
            }
        });
        server.start();
        try {
            Http operator = new Http(base);
            operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
            String page = text(operator.get("/admin/news"));
            String done = text(operator.post(
                    "/admin/news/feeds",
                    "_csrf",
                    Http.csrf(page),
                    "name",
                    "クラスタ新聞",
                    "category",
                    "domestic",
                    "url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml",
                    "interval",
                    "30"));
            Matcher m = Pattern.compile("フィード (\\d+) を追加しました").matcher(done);
            assertTrue(m.find(), done);
            long id = Long.parseLong(m.group(1));
            for (int due = 1; due <= 3; due++) {
                if (due > 1) {
                    try (Connection c = db();
                            PreparedStatement ps =
                                    c.prepareStatement("update news_feed set next_poll_at = ? where id = ?")) {
                        ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                }
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (fetches.get() < due && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                assertEquals(due, fetches.get(), "fetched when due (" + due + ")");
                awaitRounds("news-poll", 3);
                assertEquals(due, fetches.get(), "fetched once while both nodes kept polling (" + due + ")");
            }
        } finally {
            server.stop(0);
        }
    }

    /** Waits until the scheduled task's claim has moved on {@code rounds} times: that many rounds were taken. */
    private static void awaitRounds(String task, int rounds) throws Exception {
        Instant claimed = claimedUntil(task);
        for (int round = 0; round < rounds; round++) {
            Instant before = claimed;
            long wait = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!(claimed = claimedUntil(task)).isAfter(before) && System.nanoTime() < wait) {
                Thread.sleep(100);
            }
            assertTrue(claimed.isAfter(before), task + ": the rounds go on");
        }
    }

    private static Instant claimedUntil(String task) throws SQLException {
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("select claimed_until from scheduled_task where name = ?")) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    // ---------------------------------------------------------------- 1. sessions survive the node

    @Test
    @Order(8)
    void aSessionStartedOnOneNodeWorksOnTheOtherAndOutlivesItsNode() throws Exception {
        ExtraNode nodeB = nodeB();
        URL onB = url(nodeB);
        NewMember m = Members.register(base, "渡り歩く人");

        // a cookie session and a keitai URL session started on A are signed in on B
        String cookieA = cookieSession(base, m);
        Http docomoA = Members.onDocomo(base, m);
        String sidA = sid(docomoA);
        assertSignedIn(onB, cookieA, sidA, m, "started on A, used on B");

        // sessions started on B (the login form's guest token from A: the nodes share its key)
        HttpResponse<byte[]> login = new Http(onB, Http.SMARTPHONE_UA, false)
                .post(
                        "/login",
                        "email",
                        m.mobileEmail(),
                        "password",
                        Members.PASSWORD,
                        "_csrf",
                        new Http(base).guestCsrf());
        assertEquals(303, login.statusCode(), "a form from A posted to B");
        String cookieB = cookie(login);
        String sidB = sid(Members.onDocomo(onB, m));
        assertSignedIn(onB, cookieB, sidB, m, "started on B, used on B");

        // mail accepted by B just before it dies
        String address = mailto(text(m.http().get("/settings/mail")));
        String run = Long.toString(System.nanoTime(), 36);
        int mails = 6;
        for (int i = 0; i < mails; i++) {
            assertEquals(250, smtp(nodeB.smtpPort(), m.mobileEmail(), address, diaryMail(m.mobileEmail(), run, i)));
        }

        // B dies (kill -9): what was started there still works on A
        nodeB.kill();
        assertFalse(nodeB.alive());
        assertSignedIn(base, cookieB, sidB, m, "started on B, used on A after B died");
        assertSignedIn(base, cookieA, sidA, m, "started on A, used on A after B died");
        // and a signed-in form works on A with the session B started
        Http onA = new Http(base, Http.SMARTPHONE_UA, false).header("Cookie", "sid=" + cookieB);
        String form = text(onA.get("/diary/new"));
        HttpResponse<byte[]> posted = onA.post(
                "/diary", "title", "Bが落ちた後", "body", "続けて書ける", "visibility", "private", "_csrf", Http.csrf(form));
        assertEquals(303, posted.statusCode(), text(posted));

        // every mail B accepted becomes one diary: what B had not handled, A's workers take when B's claim runs out
        String prefix = "クラスタ" + run + "-";
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<Integer, Integer> diaries = postedTitles(prefix);
        while (diaries.size() < mails && System.nanoTime() < until) {
            Thread.sleep(500);
            diaries = postedTitles(prefix);
        }
        for (int i = 0; i < mails; i++) {
            assertEquals(
                    1, diaries.getOrDefault(i, 0), "diaries from mail " + i + " accepted by B (all: " + diaries + ")");
        }
    }

    private static void assertSignedIn(URL node, String cookie, String sid, NewMember m, String what) {
        HttpResponse<byte[]> phone = new Http(node, Http.SMARTPHONE_UA, false)
                .header("Cookie", "sid=" + cookie)
                .get("/home");
        assertEquals(200, phone.statusCode(), what + ": cookie session");
        assertTrue(text(phone).contains("data-member-id=\"" + m.id() + "\""), what + ": the same member");
        HttpResponse<byte[]> docomo =
                new Http(node, Http.DOCOMO_FOMA_UA, false).from(DOCOMO_GATEWAY).get("/home?" + sid);
        assertEquals(200, docomo.statusCode(), what + ": URL session");
    }

    /** Signs in on a client without cookies and returns the session cookie's value. */
    private static String cookieSession(URL node, NewMember m) {
        Http h = new Http(node, Http.SMARTPHONE_UA, false);
        HttpResponse<byte[]> r = h.post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD);
        assertEquals(303, r.statusCode());
        return cookie(r);
    }

    private static String cookie(HttpResponse<byte[]> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher m = Pattern.compile("^sid=([^;]+)").matcher(c);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no sid cookie: " + r.headers().map());
    }

    /** The {@code sid=...} a cookieless client carries in its URLs. */
    private static String sid(Http keitai) {
        Matcher m = Pattern.compile("(sid=[^&]+)").matcher(keitai.uri("/home").toString());
        assertTrue(m.find());
        return m.group(1);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Waits (at most {@link #AT_ONCE}, asking every 50 ms) until the other node shows a change, and notes whether it
     * did at the first ask: NOTIFY reaches the other node's listener within milliseconds, so a check that needs
     * retries shows what is not invalidated at once.
     */
    private static void eventually(String what, BooleanSupplier seen) {
        long start = System.nanoTime();
        int tries = 1;
        while (!seen.getAsBoolean()) {
            if (System.nanoTime() - start > AT_ONCE.toNanos()) {
                fail(what + ": not seen within " + AT_ONCE.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            tries++;
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        TIMINGS.add(what + ": " + (tries == 1 ? "at the first ask" : "after " + tries + " asks (" + ms + " ms)"));
    }

    private static long writeDiary(NewMember author, String title, String body, String visibility) {
        String form = text(author.http().get("/diary/new"));
        HttpResponse<byte[]> r = author.http()
                .post("/diary", "title", title, "body", body, "visibility", visibility, "_csrf", Http.csrf(form));
        assertEquals(303, r.statusCode(), text(r));
        Matcher m = Pattern.compile("/diary/(\\d+)")
                .matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private static void editDiary(NewMember author, long id, String title, String body, String visibility) {
        String form = text(author.http().get("/diary/" + id + "/edit"));
        HttpResponse<byte[]> r = author.http()
                .post(
                        "/diary/" + id + "/edit",
                        "title",
                        title,
                        "body",
                        body,
                        "visibility",
                        visibility,
                        "_csrf",
                        Http.csrf(form));
        assertEquals(303, r.statusCode(), text(r));
    }

    private static String text(HttpResponse<byte[]> r) {
        return Http.text(r, UTF8);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }

    private static long count(String sql, Object param) throws SQLException {
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The subject of the inactivity notice starts so. */
    private static final String NOTICE = "退会のお知らせ";

    /** Waits (up to 30 s) until at least {@code atLeast} such mails are in the outboxes; returns how many there are. */
    private static long awaitMails(List<Path> outboxes, String to, String subject, long atLeast)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long n = mailsTo(outboxes, to, subject);
        while (n < atLeast && System.nanoTime() < until) {
            Thread.sleep(200);
            n = mailsTo(outboxes, to, subject);
        }
        return n;
    }

    private static final Session MAIL = lenientSession();

    private static Session lenientSession() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        return Session.getInstance(p);
    }

    /** Mails to {@code to} (whose subject starts with {@code subject}; null: any) in these outbox directories. */
    private static long mailsTo(List<Path> outboxes, String to, String subject) {
        long n = 0;
        for (Path dir : outboxes) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                    MimeMessage m = new MimeMessage(MAIL, new ByteArrayInputStream(Files.readAllBytes(f)));
                    boolean mine = false;
                    for (var a : m.getRecipients(Message.RecipientType.TO)) {
                        mine |= ((InternetAddress) a).getAddress().equalsIgnoreCase(to);
                    }
                    if (mine
                            && (subject == null
                                    || String.valueOf(m.getSubject()).startsWith(subject))) {
                        n++;
                    }
                }
            } catch (IOException | jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return n;
    }
}

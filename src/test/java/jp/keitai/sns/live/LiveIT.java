package jp.keitai.sns.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.ExtraNode;
import jp.keitai.sns.testsupport.Friends;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 26 done-when, live updates against the running server: a member on the server-sent event stream gets a
 * friend's voice and diary title, a comment on their own diary and a マイミク申請, and nothing they may not see (a
 * non-friend's friends-only diary, a friend's private diary, anything from a member who blocked them); a reconnect
 * with {@code Last-Event-ID} gets what was missed; polling answers the same. On PostgreSQL, an event posted on one
 * node reaches a stream on another, and a client whose node died gets what it missed from the surviving node.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveIT {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    @Test
    void aMemberIsSentWhatTheyMaySeeAndNothingElse() throws Exception {
        NewMember me = Members.register(base, "ライブ見る人");
        NewMember friend = Members.register(base, "ライブ友だち");
        NewMember stranger = Members.register(base, "ライブ他人");
        NewMember blocker = Members.register(base, "ライブブロック");
        NewMember asker = Members.register(base, "ライブ申請者");
        Friends.makeFriends(me, friend);
        Friends.makeFriends(me, blocker);
        Friends.block(blocker, me);
        long myDiary = diary(me, "自分の日記", "friends");
        String sid = sid(base, me);

        long first;
        List<Event> got = new ArrayList<>();
        try (Stream s = Stream.open(uri(base, "/live/stream"), sid, null)) {
            // what must not arrive, each before something that must: one dispatcher sends in order
            diary(stranger, "他人の友人まで日記<script>", "friends");
            diary(friend, "友だちの非公開日記", "private");
            voice(blocker, "ブロックした人のボイス");
            diary(blocker, "ブロックした人の全体日記", "everyone");
            voice(friend, "友だちのボイス<b>太字</b>");
            diary(friend, "友だちの日記", "friends");
            comment(friend, myDiary, "コメントです");
            Friends.ask(asker, me);
            got.add(s.await(e -> e.data().contains("友だちのボイス")));
            got.add(s.await(e -> e.data().contains("友だちの日記")));
            got.add(s.await(e -> e.data().contains("\"kind\":\"comment\"")));
            got.add(s.await(e -> e.data().contains("\"kind\":\"request\"")));
            for (Event e : s.all()) {
                assertFalse(e.data().contains("他人の友人まで日記"), e.data());
                assertFalse(e.data().contains("非公開日記"), e.data());
                assertFalse(e.data().contains("ブロックした人"), e.data());
            }
            assertTrue(
                    got.get(0).data().contains("\\u003cb\\u003e太字"),
                    "escaped: " + got.get(0).data());
            assertTrue(got.get(2).data().contains("自分の日記") && got.get(2).data().contains("ライブ友だち"));
            assertTrue(got.get(3).data().contains("ライブ申請者"), got.get(3).data());
            first = got.get(0).id();
        }

        // missed while away: sent on reconnection with Last-Event-ID
        String lastSeen = String.valueOf(got.get(3).id());
        voice(friend, "留守中のボイス");
        try (Stream s = Stream.open(uri(base, "/live/stream"), sid, lastSeen)) {
            Event missed = s.await(e -> e.data().contains("留守中のボイス"));
            assertTrue(missed.id() > got.get(3).id());
        }

        // polling answers the same, from the id before the first
        String polled = Http.text(
                new Http(base).header("Cookie", "sid=" + sid).get("/live/events?since=" + (first - 1)),
                StandardCharsets.UTF_8);
        for (String expected : List.of("友だちのボイス", "友だちの日記", "\"kind\":\"comment\"", "ライブ申請者", "留守中のボイス")) {
            assertTrue(polled.contains(expected), expected + " in " + polled);
        }
        for (String unexpected : List.of("他人の友人まで日記", "非公開日記", "ブロックした人")) {
            assertFalse(polled.contains(unexpected), unexpected + " in " + polled);
        }
        Matcher last = Pattern.compile("\"last\":(\\d+)").matcher(polled);
        assertTrue(last.find(), polled);
        String nothing = Http.text(
                new Http(base).header("Cookie", "sid=" + sid).get("/live/events?since=" + last.group(1)),
                StandardCharsets.UTF_8);
        assertTrue(nothing.contains("\"items\":[]"), nothing);

        // guests get nothing
        assertEquals(303, new Http(base).get("/live/events?since=0").statusCode());
        assertEquals(303, new Http(base).get("/live/stream").statusCode());
    }

    /** Visibility at the moment of sending: a friend suspended, a diary made private after posting, sends nothing. */
    @Test
    void whatIsSentIsDecidedWhenItIsSent() throws Exception {
        NewMember me = Members.register(base, "あとで見る人");
        NewMember suspended = Members.register(base, "あとで停止");
        NewMember friend = Members.register(base, "あとで非公開にする人");
        Friends.makeFriends(me, suspended);
        Friends.makeFriends(me, friend);
        String sid = sid(base, me);
        Http poller = new Http(base).header("Cookie", "sid=" + sid);
        Matcher start = Pattern.compile("\"last\":(\\d+)")
                .matcher(Http.text(poller.get("/live/events"), StandardCharsets.UTF_8));
        assertTrue(start.find());

        voice(suspended, "停止される人のボイス");
        long diary = diary(friend, "あとで非公開にする日記", "friends");
        voice(friend, "残るボイス");
        String form = Http.text(friend.http().get("/diary/" + diary + "/edit"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> edited = friend.http()
                .post(
                        "/diary/" + diary + "/edit",
                        "_csrf",
                        Http.csrf(form),
                        "title",
                        "あとで非公開にする日記",
                        "body",
                        "本文",
                        "visibility",
                        "private");
        assertEquals(303, edited.statusCode(), Http.text(edited, StandardCharsets.UTF_8));
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/admin/members?q=" + suspended.mobileEmail()), StandardCharsets.UTF_8);
        assertEquals(
                200,
                operator.post("/admin/members/" + suspended.id() + "/suspend", "note", "確認", "_csrf", Http.csrf(page))
                        .statusCode());

        String polled = Http.text(poller.get("/live/events?since=" + start.group(1)), StandardCharsets.UTF_8);
        assertTrue(polled.contains("残るボイス"), polled);
        assertFalse(polled.contains("停止される人のボイス"), polled);
        assertFalse(polled.contains("あとで非公開にする日記"), polled);
        try (Stream s = Stream.open(uri(base, "/live/stream"), sid, start.group(1))) {
            s.await(e -> e.data().contains("残るボイス"));
            for (Event e : s.all()) {
                assertFalse(e.data().contains("停止される人") || e.data().contains("あとで非公開にする日記"), e.data());
            }
        }
    }

    @Test
    void theHomePageCarriesTheScriptAndWhereToStart() {
        NewMember me = Members.register(base, "ライブホーム");
        String home = Http.text(me.http().get("/home"), StandardCharsets.UTF_8);
        assertTrue(home.contains("/static/live.js"), home);
        assertTrue(home.matches("(?s).*data-live-since=\"\\d+\" data-live-poll=\"\\d+\".*"), home);
        assertEquals(200, new Http(base).get("/static/live.js").statusCode());
        String keitai =
                Http.text(Members.onDocomo(base, me).get("/home"), java.nio.charset.Charset.forName("Windows-31J"));
        assertFalse(keitai.contains("live.js"), "keitai gets nothing new");
    }

    /** PostgreSQL only: node A (Arquillian's) and node B share the database; events cross by NOTIFY. */
    @Test
    void anEventOnOneNodeReachesAStreamOnAnotherAndSurvivesTheNodeDying() throws Exception {
        Assumptions.assumeTrue(ExtraNode.possible());
        NewMember me = Members.register(base, "ノード見る人");
        NewMember friend = Members.register(base, "ノード友だち");
        Friends.makeFriends(me, friend);
        String sid = sid(base, me);
        try (ExtraNode b = ExtraNode.start("live", Map.of())) {
            URI onB = URI.create(b.url("/live/stream"));
            Event seen;
            try (Stream s = Stream.open(onB, sid, null)) {
                long posted = System.nanoTime();
                voice(friend, "ノードAからのボイス");
                long answered = System.nanoTime();
                seen = s.await(e -> e.data().contains("ノードAからのボイス"));
                long arrived = s.arrivedAt(seen);
                System.out.printf(
                        "LiveIT cross-node latency: %.1f ms from the post's answer on node A to the event on node B"
                                + " (%.1f ms from sending the post)%n",
                        (arrived - answered) / 1e6, (arrived - posted) / 1e6);
            }
            // a client on B, B dies, a voice is posted meanwhile: reconnecting to A with Last-Event-ID gets it
            try (Stream s = Stream.open(onB, sid, String.valueOf(seen.id()))) {
                voice(friend, "ノードB停止前");
                seen = s.await(e -> e.data().contains("ノードB停止前"));
                b.kill();
            }
            voice(friend, "ノードB停止中のボイス");
            try (Stream s = Stream.open(uri(base, "/live/stream"), sid, String.valueOf(seen.id()))) {
                Event missed = s.await(e -> e.data().contains("ノードB停止中のボイス"));
                assertTrue(missed.id() > seen.id());
            }
        }
    }

    // ---- posting through the member's own pages

    private void voice(NewMember m, String body) {
        String home = Http.text(m.http().get("/home"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = m.http()
                .post("/voice", "_csrf", Http.csrf(home), "key", field(home, "key"), "from", "home", "body", body);
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
    }

    private long diary(NewMember m, String title, String level) {
        String form = Http.text(m.http().get("/diary/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r =
                m.http().post("/diary", "_csrf", Http.csrf(form), "title", title, "body", "本文", "visibility", level);
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
        Matcher id = Pattern.compile("/diary/(\\d+)")
                .matcher(r.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }

    private void comment(NewMember m, long diary, String body) {
        String page = Http.text(m.http().get("/diary/" + diary), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = m.http().post("/diary/" + diary + "/comments", "body", body, "_csrf", Http.csrf(page));
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    /** The session cookie of a fresh PC sign-in of the member (sessions are in the database: valid on every node). */
    static String sid(URL base, NewMember m) {
        HttpResponse<byte[]> r = new Http(base).post("/login", "email", m.mobileEmail(), "password", Members.PASSWORD);
        assertEquals(303, r.statusCode());
        for (String c : r.headers().allValues("Set-Cookie")) {
            Matcher sid = Pattern.compile("^sid=([^;]+)").matcher(c);
            if (sid.find()) {
                return sid.group(1);
            }
        }
        throw new AssertionError("no sid cookie: " + r.headers().map());
    }

    static URI uri(URL base, String path) {
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    // ---- a plain server-sent events client

    record Event(long id, String data) {}

    /** One open stream, read on a thread of its own; events are kept with the moment they arrived. */
    static final class Stream implements AutoCloseable {
        private final InputStream body;
        private final BlockingQueue<Event> incoming = new LinkedBlockingQueue<>();
        private final List<Event> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<Event, Long> arrived = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread reader;

        private Stream(InputStream body, CountDownLatch connected) {
            this.body = body;
            this.reader = new Thread(() -> read(connected), "live-it-sse");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(URI uri, String sid, String lastEventId) throws Exception {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                    .header("Cookie", "sid=" + sid)
                    .header("User-Agent", Http.PC_UA)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                req.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> r = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(req.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode(), "stream " + uri);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            CountDownLatch connected = new CountDownLatch(1);
            Stream s = new Stream(r.body(), connected);
            assertTrue(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stream's first comment");
            return s;
        }

        private void read(CountDownLatch connected) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(":")) {
                        connected.countDown();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() == 0 ? "" : "\n")
                                .append(line.substring(5).stripLeading());
                    } else if (line.isEmpty() && data.length() > 0) {
                        Event e = new Event(id == null ? -1 : Long.parseLong(id), data.toString());
                        arrived.put(e, System.nanoTime());
                        all.add(e);
                        incoming.add(e);
                        id = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        /** The first event (already here or to come within {@link #WAIT}) that matches. */
        Event await(Predicate<Event> which) throws InterruptedException {
            for (Event e : all) {
                if (which.test(e)) {
                    return e;
                }
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                Event e = incoming.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && which.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no such event within " + WAIT + "; got: " + all);
        }

        List<Event> all() {
            return List.copyOf(all);
        }

        long arrivedAt(Event e) {
            Long t = arrived.get(e);
            assertNotNull(t);
            return t;
        }

        @Override
        public void close() throws IOException {
            body.close();
            reader.interrupt();
        }
    }
}

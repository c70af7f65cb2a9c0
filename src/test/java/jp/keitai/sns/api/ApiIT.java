package jp.keitai.sns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Friends;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 26, the JSON API, against the running server (H2 and PostgreSQL): tokens made and revoked on the settings
 * page; bearer authentication only (a session cookie alone is refused); scopes; the per-token rate limit (40 a minute
 * in arquillian.xml); what every endpoint shows to whom (friends-only and private diaries, voices, blocks, a
 * members-only community, messages); joining and leaving communities (open and approval); problem documents; and the OpenAPI document at {@code /openapi}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ApiIT {

    static final Pattern NEW_TOKEN = Pattern.compile("data-new-token=\"(ksns_[A-Za-z0-9_-]{43})\"");

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Answer(int status, String type, String body, HttpResponse<String> raw) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer api(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String token) {
        return api("GET", path, token, null);
    }

    /** Makes a token on the settings page, the way a member does; returns the token shown once. */
    static String token(NewMember m, String name, String scope) {
        String page = Http.text(m.http().get("/settings/apps"), StandardCharsets.UTF_8);
        assertTrue(page.contains("アプリ連携"), page);
        HttpResponse<byte[]> made =
                m.http().post("/settings/apps", "_csrf", Http.csrf(page), "name", name, "scope", scope);
        String done = Http.text(made, StandardCharsets.UTF_8);
        assertEquals(200, made.statusCode(), done);
        Matcher t = NEW_TOKEN.matcher(done);
        assertTrue(t.find(), done);
        return t.group(1);
    }

    static void assertProblem(Answer a, int status, String code) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.type().startsWith("application/problem+json"), a.type());
        JsonObject p = a.json();
        assertEquals(status, p.getInt("status"), a.body());
        assertEquals("urn:keitai-sns:problem:" + code, p.getString("type"), a.body());
        assertFalse(p.getString("title").isBlank());
        assertFalse(p.getString("title_en").isBlank());
        assertFalse(p.getString("detail").isBlank());
        assertFalse(p.getString("detail_en").isBlank());
    }

    static Set<Long> ids(JsonArray items) {
        Set<Long> out = new TreeSet<>();
        for (JsonValue v : items) {
            out.add(v.asJsonObject().getJsonNumber("id").longValue());
        }
        return out;
    }

    long created(Answer a) {
        assertEquals(201, a.status(), a.body());
        assertNotNull(a.header("Location"), "Location header");
        return a.json().getJsonNumber("id").longValue();
    }

    @Test
    void onlyABearerTokenAuthenticatesAndARevokedOneNoLonger() {
        NewMember m = Members.register(base, "トークン花子");

        Answer none = get("/api/v1/me", null);
        assertProblem(none, 401, "unauthorized");
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));
        assertTrue(none.json().getString("title").contains("アクセストークン"), none.body());

        Answer bad = get("/api/v1/me", "ksns_" + "A".repeat(43));
        assertProblem(bad, 401, "unauthorized");
        assertTrue(bad.header("WWW-Authenticate").contains("invalid_token"));
        assertProblem(get("/api/v1/me", "not-a-token"), 401, "unauthorized");

        // the member's signed-in browser: the session cookie alone is no authentication, for reads and writes
        HttpResponse<byte[]> withCookie = m.http().get("/api/v1/me");
        assertEquals(401, withCookie.statusCode());
        assertTrue(withCookie.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<byte[]> postWithCookie =
                m.http().send("POST", "/api/v1/voices", "application/json", "{\"body\":\"cookie\"}");
        assertEquals(401, postWithCookie.statusCode());

        String token = token(m, "テスト用", "write");
        Answer me = get("/api/v1/me", token);
        assertEquals(200, me.status(), me.body());
        assertTrue(me.type().startsWith("application/json"), me.type());
        assertEquals(m.id(), me.json().getJsonNumber("id").longValue());
        assertEquals("トークン花子", me.json().getString("nickname"));
        assertTrue(get("/api/v1/voices", token).json().getJsonArray("items").isEmpty(), "the cookie posted nothing");

        // shown once: the settings page lists the token by name, never its text
        String settings = Http.text(m.http().get("/settings/apps"), StandardCharsets.UTF_8);
        assertFalse(settings.contains(token), settings);
        assertTrue(settings.contains("テスト用"), settings);
        assertTrue(settings.contains("読み取りと書き込み"), settings);

        // problems for what the API cannot do: an unknown path, a body that is not JSON, a refused rule
        assertProblem(get("/api/v1/nothing-here", token), 404, "not-found");
        assertProblem(api("DELETE", "/api/v1/me", token, null), 405, "method-not-allowed");
        assertProblem(api("POST", "/api/v1/voices", token, "{not json"), 400, "bad-request");
        Answer empty = api("POST", "/api/v1/voices", token, "{\"body\":\"   \"}");
        assertProblem(empty, 422, "refused");
        assertTrue(empty.json().getString("detail").length() > 3, empty.body());

        // revoked on the settings page: refused at once
        Matcher row = Pattern.compile("data-token-id=\"(\\d+)\">\\s*<td>テスト用<").matcher(settings);
        assertTrue(row.find(), settings);
        HttpResponse<byte[]> revoked =
                m.http().post("/settings/apps/" + row.group(1) + "/revoke", "_csrf", Http.csrf(settings));
        assertTrue(Http.text(revoked, StandardCharsets.UTF_8).contains("無効にしました"));
        Answer after = get("/api/v1/me", token);
        assertProblem(after, 401, "unauthorized");
        assertTrue(after.header("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void aReadTokenCannotWrite() {
        NewMember m = Members.register(base, "読み取り次郎");
        String read = token(m, "読むだけ", "read");
        String write = token(m, "書ける", "write");

        Answer refused = api("POST", "/api/v1/voices", read, "{\"body\":\"読み取りトークンから\"}");
        assertProblem(refused, 403, "insufficient-scope");
        assertTrue(refused.header("WWW-Authenticate").contains("insufficient_scope"));
        assertProblem(
                api("POST", "/api/v1/diaries", read, "{\"title\":\"t\",\"body\":\"b\",\"visibility\":\"everyone\"}"),
                403,
                "insufficient-scope");
        assertTrue(get("/api/v1/voices", read).json().getJsonArray("items").isEmpty(), "nothing was posted");

        long voice = created(api("POST", "/api/v1/voices", write, "{\"body\":\"書き込みトークンから\"}"));
        Answer list = get("/api/v1/voices", read);
        assertEquals(200, list.status());
        assertEquals(Set.of(voice), ids(list.json().getJsonArray("items")));
        assertProblem(api("POST", "/api/v1/voices/" + voice + "/like", read, null), 403, "insufficient-scope");
    }

    @Test
    void eachTokenHasItsRateLimit() {
        NewMember m = Members.register(base, "連打三郎");
        String busy = token(m, "連打", "read");
        String other = token(m, "別のアプリ", "read");
        int ok = 0;
        Answer limited = null;
        for (int i = 0; i < 200 && limited == null; i++) {
            Answer a = get("/api/v1/me", busy);
            if (a.status() == 429) {
                limited = a;
            } else {
                assertEquals(200, a.status(), a.body());
                ok++;
            }
        }
        assertNotNull(limited, "no 429 after " + ok + " requests");
        assertTrue(ok >= 35, "the first 40 (less what a refill adds) pass: " + ok);
        assertProblem(limited, 429, "rate-limited");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("40", limited.header("RateLimit-Limit"));
        assertEquals(200, get("/api/v1/me", other).status(), "another token of the same member is not slowed");
    }

    @Test
    void everyEndpointShowsOnlyWhatTheCallerMaySee() {
        NewMember a = Members.register(base, "書き手A");
        NewMember b = Members.register(base, "マイミクB");
        NewMember c = Members.register(base, "他人C");
        NewMember d = Members.register(base, "ブロックD");
        Friends.makeFriends(a, b);
        Friends.block(a, d);
        String aw = token(a, "A", "write");
        String br = token(b, "B読み", "read");
        String bw = token(b, "B書き", "write");
        String cw = token(c, "C", "write");
        String dw = token(d, "D", "write");

        long everyone = created(api(
                "POST", "/api/v1/diaries", aw, "{\"title\":\"全体に公開\",\"body\":\"だれでも\",\"visibility\":\"everyone\"}"));
        long friends = created(api(
                "POST",
                "/api/v1/diaries",
                aw,
                "{\"title\":\"マイミクまで\",\"body\":\"マイミクだけ\",\"visibility\":\"friends\"}"));
        long secret = created(
                api("POST", "/api/v1/diaries", aw, "{\"title\":\"非公開\",\"body\":\"自分だけ\",\"visibility\":\"private\"}"));
        long voice = created(api("POST", "/api/v1/voices", aw, "{\"body\":\"Aのボイス\"}"));

        // profiles: the self-introduction kept for マイミク; a blocked member finds nobody
        Answer saved = api(
                "PUT",
                "/api/v1/me",
                aw,
                "{\"nickname\":\"書き手A\",\"selfIntro\":\"マイミクへの自己紹介\",\"selfIntroVisibility\":\"friends\"}");
        assertEquals(200, saved.status(), saved.body());
        assertEquals("マイミクへの自己紹介", saved.json().getString("selfIntro"));
        assertProblem(api("PUT", "/api/v1/me", br, "{\"nickname\":\"x\"}"), 403, "insufficient-scope");
        JsonObject asFriend = get("/api/v1/members/" + a.id(), br).json();
        assertEquals("マイミクへの自己紹介", asFriend.getString("selfIntro"), asFriend.toString());
        assertTrue(asFriend.getBoolean("friend"));
        JsonObject asStranger = get("/api/v1/members/" + a.id(), cw).json();
        assertTrue(!asStranger.containsKey("selfIntro") || asStranger.isNull("selfIntro"), asStranger.toString());
        assertEquals("書き手A", asStranger.getString("nickname"));
        assertProblem(get("/api/v1/members/" + a.id(), dw), 404, "not-found");

        // diaries: the friend reads friends-only but not private; a stranger only the public one; a blocked member
        // nothing; the author everything
        assertEquals("マイミクだけ", get("/api/v1/diaries/" + friends, br).json().getString("body"));
        assertProblem(get("/api/v1/diaries/" + secret, br), 404, "not-found");
        assertEquals(200, get("/api/v1/diaries/" + everyone, br).status());
        assertProblem(get("/api/v1/diaries/" + friends, cw), 404, "not-found");
        assertProblem(get("/api/v1/diaries/" + secret, cw), 404, "not-found");
        assertEquals(200, get("/api/v1/diaries/" + everyone, cw).status());
        assertProblem(get("/api/v1/diaries/" + everyone, dw), 404, "not-found");
        assertEquals("自分だけ", get("/api/v1/diaries/" + secret, aw).json().getString("body"));
        String list = "/api/v1/members/" + a.id() + "/diaries";
        assertEquals(Set.of(everyone, friends), ids(get(list, br).json().getJsonArray("items")));
        assertEquals(Set.of(everyone), ids(get(list, cw).json().getJsonArray("items")));
        assertProblem(get(list, dw), 404, "not-found");
        assertEquals(Set.of(everyone, friends, secret), ids(get(list, aw).json().getJsonArray("items")));

        // voices (kept for マイミク): the friend sees, likes and replies; the stranger and the blocked member do not
        assertEquals("Aのボイス", get("/api/v1/voices/" + voice, br).json().getString("body"));
        assertProblem(get("/api/v1/voices/" + voice, cw), 404, "not-found");
        assertProblem(get("/api/v1/voices/" + voice, dw), 404, "not-found");
        JsonObject liked =
                api("POST", "/api/v1/voices/" + voice + "/like", bw, null).json();
        assertEquals(1, liked.getInt("likeCount"), liked.toString());
        assertTrue(liked.getBoolean("liked"));
        assertProblem(api("POST", "/api/v1/voices/" + voice + "/like", cw, null), 404, "not-found");
        long reply = created(api("POST", "/api/v1/voices", bw, "{\"body\":\"Bの返信\",\"replyTo\":" + voice + "}"));
        assertProblem(
                api("POST", "/api/v1/voices", dw, "{\"body\":\"Dの返信\",\"replyTo\":" + voice + "}"), 422, "refused");
        JsonObject thread = get("/api/v1/voices/" + voice, aw).json();
        assertEquals(Set.of(reply), ids(thread.getJsonArray("replies")));

        // the home timeline: the friend's has A's voice and friends-only diary; the stranger's has neither
        Set<String> bHome = timeline(get("/api/v1/home", br).json());
        assertTrue(bHome.contains("voice " + voice), bHome.toString());
        assertTrue(bHome.contains("diary " + friends), bHome.toString());
        assertFalse(bHome.contains("diary " + secret), bHome.toString());
        Set<String> cHome = timeline(get("/api/v1/home", cw).json());
        assertFalse(cHome.contains("voice " + voice), cHome.toString());
        assertFalse(cHome.contains("diary " + friends), cHome.toString());

        // comments: only who may see the diary
        assertProblem(
                api("POST", "/api/v1/diaries/" + friends + "/comments", cw, "{\"body\":\"見えないはず\"}"), 422, "refused");
        Answer commented = api("POST", "/api/v1/diaries/" + friends + "/comments", bw, "{\"body\":\"読んだよ\"}");
        assertEquals(201, commented.status(), commented.body());
        assertEquals(1, commented.json().getInt("number"));
        JsonArray comments = get("/api/v1/diaries/" + friends, aw).json().getJsonArray("comments");
        assertEquals("読んだよ", comments.getJsonObject(0).getString("body"));

        // マイミク and requests
        assertEquals(Set.of(b.id()), ids(get("/api/v1/friends", aw).json().getJsonArray("items")));
        assertEquals(1, get("/api/v1/me", br).json().getInt("friendCount"));
        Answer asked = api("POST", "/api/v1/friend-requests", cw, "{\"memberId\":" + a.id() + ",\"message\":\"よろしく\"}");
        assertEquals(200, asked.status(), asked.body());
        JsonArray incoming = get("/api/v1/friend-requests", aw).json().getJsonArray("incoming");
        assertEquals(1, incoming.size(), incoming.toString());
        assertEquals(
                c.id(),
                incoming.getJsonObject(0)
                        .getJsonObject("member")
                        .getJsonNumber("id")
                        .longValue());
        assertProblem(api("POST", "/api/v1/friend-requests", dw, "{\"memberId\":" + a.id() + "}"), 422, "refused");

        // messages: to a friend yes, to a stranger who takes messages from マイミク only no; only the two read it
        long message = created(
                api("POST", "/api/v1/messages", aw, "{\"to\":" + b.id() + ",\"title\":\"こんにちは\",\"body\":\"APIから\"}"));
        assertProblem(api("POST", "/api/v1/messages", aw, "{\"to\":" + c.id() + ",\"body\":\"届かない\"}"), 422, "refused");
        assertProblem(api("POST", "/api/v1/messages", dw, "{\"to\":" + a.id() + ",\"body\":\"届かない\"}"), 422, "refused");
        assertEquals(Set.of(message), ids(get("/api/v1/messages", br).json().getJsonArray("items")));
        assertEquals("APIから", get("/api/v1/messages/" + message, br).json().getString("body"));
        assertProblem(get("/api/v1/messages/" + message, cw), 404, "not-found");
        assertEquals(
                Set.of(message), ids(get("/api/v1/messages?box=sent", aw).json().getJsonArray("items")));

        // あしあと: the stranger's visit to A's profile shows in A's footprints (written behind the page)
        c.http().get("/members/" + a.id());
        boolean seen = false;
        String footprints = token(a, "あしあと確認", "read"); // its own token: polling stays within the rate limit
        for (int i = 0; i < 30 && !seen; i++) {
            JsonArray visits = get("/api/v1/footprints", footprints).json().getJsonArray("items");
            for (JsonValue v : visits) {
                seen |= v.asJsonObject()
                                .getJsonObject("visitor")
                                .getJsonNumber("id")
                                .longValue()
                        == c.id();
            }
            if (!seen) {
                sleep(200);
            }
        }
        assertTrue(seen, "C's あしあと on A's list");

        // a community whose topics only members read
        long[] made = community(a, "API限定コミュ");
        long community = made[0];
        long topic = made[1];
        JsonObject forMember = get("/api/v1/communities/" + community, aw).json();
        assertTrue(forMember.getBoolean("canRead"));
        assertEquals(1, forMember.getJsonArray("topics").size(), forMember.toString());
        JsonObject forStranger = get("/api/v1/communities/" + community, cw).json();
        assertFalse(forStranger.getBoolean("canRead"), forStranger.toString());
        assertTrue(forStranger.getJsonArray("topics").isEmpty(), forStranger.toString());
        assertEquals(
                Set.of(community), ids(get("/api/v1/communities", aw).json().getJsonArray("items")));
        assertTrue(get("/api/v1/communities", cw).json().getJsonArray("items").isEmpty());
        String topicPath = "/api/v1/communities/" + community + "/topics/" + topic;
        assertEquals("メンバーだけの話", get(topicPath, aw).json().getString("title"));
        assertProblem(get(topicPath, cw), 404, "not-found");
        assertProblem(api("POST", topicPath + "/comments", cw, "{\"body\":\"読めないはず\"}"), 404, "not-found");
        Answer topicComment = api("POST", topicPath + "/comments", aw, "{\"body\":\"APIからのコメント\"}");
        assertEquals(201, topicComment.status(), topicComment.body());
        JsonArray topicComments = get(topicPath, aw).json().getJsonArray("comments");
        assertEquals(
                "APIからのコメント",
                topicComments.getJsonObject(topicComments.size() - 1).getString("body"));
    }

    @Test
    void joiningAndLeavingACommunityGoesByItsJoinPolicy() {
        NewMember admin = Members.register(base, "コミュ管理人E");
        NewMember f = Members.register(base, "参加者F");
        String fr = token(f, "F読み", "read");
        String fw = token(f, "F書き", "write");
        long[] open = community(admin, "API参加コミュ");
        String c = "/api/v1/communities/" + open[0];
        String topicPath = c + "/topics/" + open[1];

        // a read token may not join or leave, and nothing changes
        assertProblem(api("POST", c + "/join", fr, null), 403, "insufficient-scope");
        assertProblem(api("POST", c + "/leave", fr, null), 403, "insufficient-scope");
        JsonObject outside = get(c, fr).json();
        assertFalse(outside.getBoolean("canRead"), outside.toString());
        assertEquals("none", outside.getString("standing"), outside.toString());
        assertProblem(get(topicPath, fr), 404, "not-found");

        // open: a member at once, and the members-only topics open up
        Answer joined = api("POST", c + "/join", fw, null);
        assertEquals(200, joined.status(), joined.body());
        assertTrue(joined.type().startsWith("application/json"), joined.type());
        assertEquals(open[0], joined.json().getJsonNumber("communityId").longValue());
        assertEquals("member", joined.json().getString("standing"), joined.body());
        assertEquals("コミュニティに参加しました。", joined.json().getString("message"));
        JsonObject inside = get(c, fr).json();
        assertTrue(inside.getBoolean("canRead"), inside.toString());
        assertEquals(1, inside.getJsonArray("topics").size(), inside.toString());
        assertEquals("メンバーだけの話", get(topicPath, fr).json().getString("title"));
        assertEquals(Set.of(open[0]), ids(get("/api/v1/communities", fr).json().getJsonArray("items")));
        assertProblem(api("POST", c + "/join", fw, null), 422, "refused");

        // leaving closes them again; leaving twice is refused
        Answer left = api("POST", c + "/leave", fw, null);
        assertEquals(200, left.status(), left.body());
        assertEquals("none", left.json().getString("standing"), left.body());
        assertEquals("コミュニティを退会しました。", left.json().getString("message"), left.body());
        assertFalse(get(c, fr).json().getBoolean("canRead"));
        assertProblem(get(topicPath, fr), 404, "not-found");
        assertTrue(get("/api/v1/communities", fr).json().getJsonArray("items").isEmpty());
        assertProblem(api("POST", c + "/leave", fw, null), 422, "refused");

        // approval: a pending request (202), no member and no reading until the administrator approves
        long[] approval = community(admin, "API承認制コミュ", "approval");
        String a = "/api/v1/communities/" + approval[0];
        Answer asked = api("POST", a + "/join", fw, null);
        assertEquals(202, asked.status(), asked.body());
        assertEquals("pending", asked.json().getString("standing"), asked.body());
        assertTrue(asked.json().getString("message").contains("申請"), asked.body());
        JsonObject waiting = get(a, fr).json();
        assertEquals("pending", waiting.getString("standing"), waiting.toString());
        assertFalse(waiting.getBoolean("canRead"), waiting.toString());
        assertProblem(get(a + "/topics/" + approval[1], fr), 404, "not-found");
        Answer again = api("POST", a + "/join", fw, null);
        assertProblem(again, 422, "refused");
        assertTrue(again.json().getString("detail").contains("申請中"), again.body());
        // leaving withdraws the request
        JsonObject withdrawn = api("POST", a + "/leave", fw, null).json();
        assertEquals("none", withdrawn.getString("standing"), withdrawn.toString());
        assertEquals("参加の申請を取り下げました。", withdrawn.getString("message"), withdrawn.toString());
        assertEquals("none", get(a, fr).json().getString("standing"));

        assertProblem(api("POST", "/api/v1/communities/999999999/join", fw, null), 404, "not-found");
        assertProblem(api("POST", "/api/v1/communities/999999999/leave", fw, null), 404, "not-found");
    }

    private static Set<String> timeline(JsonObject home) {
        Set<String> out = new TreeSet<>();
        for (JsonValue v : home.getJsonArray("items")) {
            JsonObject o = v.asJsonObject();
            out.add(o.getString("kind") + " " + o.getJsonNumber("id").longValue());
        }
        return out;
    }

    /** A members-only community anyone may join, made on the pages, with one topic: their ids. */
    private static long[] community(NewMember admin, String name) {
        return community(admin, name, "open");
    }

    /** A members-only community with this join policy (open, approval), made on the pages, with one topic. */
    private static long[] community(NewMember admin, String name, String joinPolicy) {
        Http http = admin.http();
        String form = Http.text(http.get("/communities/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> made = http.post(
                "/communities",
                "_csrf",
                Http.csrf(form),
                "name",
                name,
                "category",
                "趣味",
                "description",
                "説明",
                "join_policy",
                joinPolicy,
                "topic_policy",
                "all",
                "read_policy",
                "members");
        assertEquals(303, made.statusCode(), Http.text(made, StandardCharsets.UTF_8));
        Matcher id = Pattern.compile("/communities/(\\d+)")
                .matcher(made.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        long community = Long.parseLong(id.group(1));
        String topicForm = Http.text(http.get("/communities/" + community + "/topics/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> topic = http.post(
                "/communities/" + community + "/topics",
                "_csrf",
                Http.csrf(topicForm),
                "title",
                "メンバーだけの話",
                "body",
                "本文です");
        assertEquals(303, topic.statusCode(), Http.text(topic, StandardCharsets.UTF_8));
        Matcher topicId = Pattern.compile("/topics/(\\d+)")
                .matcher(topic.headers().firstValue("Location").orElseThrow());
        assertTrue(topicId.find());
        return new long[] {community, Long.parseLong(topicId.group(1))};
    }

    @Test
    void openApiDescribesEveryApiOperationAndIsValid() {
        Answer doc = get("/openapi", null);
        assertEquals(200, doc.status(), doc.body());
        assertTrue(doc.type().startsWith("application/json"), doc.type());
        JsonObject o = doc.json();
        assertTrue(o.getString("openapi").startsWith("3."), o.getString("openapi"));
        assertFalse(o.getJsonObject("info").getString("title").isBlank());
        assertFalse(o.getJsonObject("info").getString("version").isBlank());
        JsonObject paths = o.getJsonObject("paths");
        JsonObject schemas = o.getJsonObject("components").getJsonObject("schemas");
        assertTrue(
                o.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));

        // every operation has responses with descriptions; every $ref resolves
        Set<String> documented = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            assertFalse(item.isEmpty(), path);
            for (String verb : item.keySet()) {
                documented.add(verb + " " + path);
                JsonObject responses = item.getJsonObject(verb).getJsonObject("responses");
                if (responses == null || responses.isEmpty()) {
                    problems.add(verb + " " + path + " has no responses");
                    continue;
                }
                responses.forEach((code, r) -> {
                    if (r.asJsonObject().getString("description", "").isBlank()) {
                        problems.add(verb + " " + path + " " + code + " has no description");
                    }
                });
            }
        }
        refs(o, schemas, problems);
        assertEquals(List.of(), problems);

        // every /api/v1 resource method of the application is in it
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : ApiDocument.RESOURCES) {
            for (Method m : resource.getDeclaredMethods()) {
                if (ApiDocument.verb(m) != null) {
                    operations.add(ApiDocument.verb(m) + " " + ApiDocument.path(resource, m));
                }
            }
        }
        assertEquals(operations, documented);

        // and an OpenAPI validator reads it without a complaint
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.body());
        assertNotNull(parsed.getOpenAPI(), String.valueOf(parsed.getMessages()));
        assertEquals(List.of(), parsed.getMessages());
    }

    private static void refs(JsonValue v, JsonObject schemas, List<String> problems) {
        if (v instanceof JsonObject obj) {
            obj.forEach((k, x) -> {
                if (k.equals("$ref")) {
                    String ref = ((jakarta.json.JsonString) x).getString();
                    if (!ref.startsWith("#/components/schemas/")
                            || !schemas.containsKey(ref.substring("#/components/schemas/".length()))) {
                        problems.add("unresolved " + ref);
                    }
                } else {
                    refs(x, schemas, problems);
                }
            });
        } else if (v instanceof JsonArray arr) {
            arr.forEach(x -> refs(x, schemas, problems));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

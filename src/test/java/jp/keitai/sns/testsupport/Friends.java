package jp.keitai.sns.testsupport;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.testsupport.Members.NewMember;

/** マイミク the way members make them, through the pages: one asks, the other approves. */
public final class Friends {

    private Friends() {}

    /** {@code a} asks {@code b}; returns the page the answer rendered. */
    public static String ask(NewMember a, NewMember b) {
        String form = Http.text(a.http().get("/friends/requests/new?member_id=" + b.id()), StandardCharsets.UTF_8);
        return Http.text(
                a.http()
                        .post(
                                "/friends/requests",
                                "member_id",
                                String.valueOf(b.id()),
                                "message",
                                "",
                                "_csrf",
                                Http.csrf(form)),
                StandardCharsets.UTF_8);
    }

    /** {@code b} approves the pending request from {@code a}. */
    public static String approve(NewMember b, NewMember a) {
        String page = Http.text(b.http().get("/friends/requests"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(
                        "data-request-id=\"(\\d+)\"[^>]*>\\s*<p><a href=\"[^\"]*/members/" + a.id() + "[\";?]")
                .matcher(page);
        if (!m.find()) {
            throw new AssertionError("no request from " + a.id() + " on: " + page);
        }
        HttpResponse<byte[]> done =
                b.http().post("/friends/requests/" + m.group(1) + "/approve", "_csrf", Http.csrf(page));
        return Http.text(done, StandardCharsets.UTF_8);
    }

    /** Makes {@code a} and {@code b} マイミク. */
    public static void makeFriends(NewMember a, NewMember b) {
        ask(a, b);
        String done = approve(b, a);
        if (!done.contains("マイミクになりました")) {
            throw new AssertionError("not friends: " + done);
        }
    }

    /** {@code blocker} blocks {@code blocked}. */
    public static void block(NewMember blocker, NewMember blocked) {
        String form = Http.text(blocker.http().get("/blocks/new?member_id=" + blocked.id()), StandardCharsets.UTF_8);
        String done = Http.text(
                blocker.http().post("/blocks", "member_id", String.valueOf(blocked.id()), "_csrf", Http.csrf(form)),
                StandardCharsets.UTF_8);
        if (!done.contains("ブロックしました")) {
            throw new AssertionError("not blocked: " + done);
        }
    }
}

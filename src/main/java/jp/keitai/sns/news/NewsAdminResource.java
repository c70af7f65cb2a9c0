package jp.keitai.sns.news;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.admin.Operators;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * The console's news pages ({@code /admin/news}): partner feeds (add with name, category, URL and polling interval;
 * 今すぐ取得; pause, resume, remove; each feed's state, failing ones with their error and next try) and comment
 * moderation ({@code /admin/news/comments}: hide or show again, with a note, audited). Operators only.
 */
@RequestScoped
@MembersOnly
@Path("admin/news")
@Produces(MediaType.TEXT_HTML)
public class NewsAdminResource {

    static final int PAGE = 50;

    @Inject
    Operators operators;

    @Inject
    PartnerFeedService feeds;

    @Inject
    NewsService news;

    @GET
    public View list() {
        operators.require();
        return view();
    }

    @POST
    @Path("feeds")
    public View add(
            @FormParam("name") String name,
            @FormParam("category") String category,
            @FormParam("url") String url,
            @FormParam("interval") String interval) {
        long operator = operators.require();
        try {
            long id = feeds.add(operator, name, category, url, interval, Clock.now());
            return view().with("notice", "フィード " + id + " を追加しました。");
        } catch (Refused e) {
            return view().with("error", e.getMessage())
                    .with("name", name)
                    .with("url", url)
                    .with("interval", interval)
                    .with("category", category);
        }
    }

    @POST
    @Path("feeds/{id}/poll")
    public View poll(@PathParam("id") NewsId id) {
        operators.require();
        try {
            PartnerFeedService.PollResult r = feeds.pollNow(id.value(), Clock.now());
            return r.isFailed()
                    ? view().with("error", "フィード " + id + " の取得に失敗しました: " + r.error())
                    : view().with(
                                    "notice",
                                    "フィード " + id + " を取得しました（新着 " + r.added() + "件、更新 " + r.updated() + "件、変更なし "
                                            + r.unchanged() + "件）。");
        } catch (Refused e) {
            return view().with("error", e.getMessage());
        }
    }

    @POST
    @Path("feeds/{id}/pause")
    public View pause(@PathParam("id") NewsId id, @FormParam("note") String note) {
        long operator = operators.require();
        feeds.setActive(operator, id.value(), false, note, Clock.now());
        return view().with("notice", "フィード " + id + " を停止しました。");
    }

    @POST
    @Path("feeds/{id}/resume")
    public View resume(@PathParam("id") NewsId id, @FormParam("note") String note) {
        long operator = operators.require();
        feeds.setActive(operator, id.value(), true, note, Clock.now());
        return view().with("notice", "フィード " + id + " を再開しました。");
    }

    @POST
    @Path("feeds/{id}/remove")
    public View remove(@PathParam("id") NewsId id, @FormParam("note") String note) {
        long operator = operators.require();
        feeds.remove(operator, id.value(), note);
        return view().with("notice", "フィード " + id + " を削除しました（記事とコメントも削除されます）。");
    }

    @GET
    @Path("comments")
    public View comments(@QueryParam("page") @DefaultValue("1") int page) {
        operators.require();
        int p = Math.max(1, page);
        return View.of("admin/news_comments")
                .with("page", p)
                .with("comments", news.latestComments(PAGE + 1, (p - 1) * PAGE));
    }

    @POST
    @Path("comments/{id}/hide")
    public View hide(@PathParam("id") NewsId id, @FormParam("note") String note) {
        long operator = operators.require();
        news.hide(operator, id.value(), true, note);
        return comments(1).with("notice", "コメント " + id + " を非表示にしました。");
    }

    @POST
    @Path("comments/{id}/show")
    public View show(@PathParam("id") NewsId id, @FormParam("note") String note) {
        long operator = operators.require();
        news.hide(operator, id.value(), false, note);
        return comments(1).with("notice", "コメント " + id + " を再表示しました。");
    }

    private View view() {
        return View.of("admin/news")
                .with("feeds", feeds.consoleFeeds())
                .with("categories", NewsCategory.values())
                .with("interval", "30");
    }
}

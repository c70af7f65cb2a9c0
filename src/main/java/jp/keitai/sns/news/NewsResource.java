package jp.keitai.sns.news;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.diary.DiaryViews;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * mixiニュース pages: the newest articles by category ({@code GET /news}), a category with its rankings, an article
 * with its comments and the diaries about it ({@code GET /news/{id}}), commenting ({@code POST /news/{id}/comments},
 * {@code body}) and このニュースについて日記を書く ({@code /news/{id}/diary}). Members only.
 */
@RequestScoped
@MembersOnly
@Path("news")
@Produces(MediaType.TEXT_HTML)
public class NewsResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    NewsService news;

    @Inject
    DiaryService diaries;

    @Context
    HttpServletResponse response;

    @GET
    public View top() {
        return View.of("news/index").with("categories", news.top());
    }

    @GET
    @Path("category/{category}")
    public View category(@PathParam("category") String category) {
        return View.of("news/category")
                .with(
                        "category",
                        news.category(category, Clock.now()).orElseThrow(() -> new NotFound("カテゴリが見つかりません。")));
    }

    @GET
    @Path("{id}")
    public View show(@PathParam("id") NewsId id) {
        return View.of("news/show").with("article", news.read(currentMember.memberId(), id.value(), Clock.now()));
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("id") NewsId id, @FormParam("body") String body) {
        long me = currentMember.memberId();
        try {
            news.comment(me, id.value(), body, Clock.now());
        } catch (Refused refused) {
            return Response.ok(show(id).with("error", refused.getMessage()).with("body", body == null ? "" : body))
                    .build();
        }
        return redirect("/news/" + id.value() + "#comments");
    }

    @GET
    @Path("{id}/diary")
    public View diaryForm(@PathParam("id") NewsId id) {
        long me = currentMember.memberId();
        String title = news.title(id.value());
        return diaryView(id.value(), title, title, "", diaries.settings(me).getDefaultVisibility());
    }

    @POST
    @Path("{id}/diary")
    public Response writeDiary(
            @PathParam("id") NewsId id,
            @FormParam("title") String title,
            @FormParam("body") String body,
            @FormParam("visibility") String visibility) {
        long me = currentMember.memberId();
        long diary;
        try {
            diary = news.writeDiary(me, id.value(), title, body, visibility);
        } catch (Refused refused) {
            return Response.ok(diaryView(id.value(), news.title(id.value()), title, body, visibility)
                            .with("error", refused.getMessage()))
                    .build();
        }
        return redirect("/diary/" + diary);
    }

    private View diaryView(long id, String articleTitle, String title, String body, String visibility) {
        return View.of("news/diary")
                .with("articleId", id)
                .with("articleTitle", articleTitle)
                .with("title", title == null ? "" : title)
                .with("body", body == null ? "" : body)
                .with("visibility", visibility)
                .with("levels", DiaryViews.levels());
    }

    private Response redirect(String path) {
        return Response.seeOther(URI.create(response.encodeRedirectURL(path))).build();
    }
}

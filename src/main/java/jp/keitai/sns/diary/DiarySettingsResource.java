package jp.keitai.sns.diary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** {@code /settings/diary}: the level new diaries start at (also for diaries by mail), and comment notices by mail. */
@MembersOnly
@RequestScoped
@Path("settings/diary")
@Produces(MediaType.TEXT_HTML)
public class DiarySettingsResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    DiaryService diaries;

    @GET
    public View page() {
        long me = currentMember.memberId();
        return View.of("diary/settings").with("settings", diaries.settings(me)).with("levels", DiaryViews.levels());
    }

    @POST
    public View save(@FormParam("default_visibility") String level, @FormParam("comment_mail") String commentMail) {
        try {
            diaries.saveSettings(currentMember.memberId(), level, "on".equals(commentMail));
        } catch (Refused e) {
            return page().with("error", e.getMessage());
        }
        return page().with("notice", "保存しました。");
    }
}

package jp.keitai.sns.message;

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

/**
 * {@code /settings/messages}: who may send the member messages (マイミクのみ / 全員 / 受け取らない), and the notice by
 * mail of a new message (on or off, with the body or without).
 */
@MembersOnly
@RequestScoped
@Path("settings/messages")
@Produces(MediaType.TEXT_HTML)
public class MessageSettingsResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    MessageService messages;

    @GET
    public View page() {
        return View.of("message/settings")
                .with("settings", messages.settings(currentMember.memberId()))
                .with("accepts", MessageService.accepts());
    }

    @POST
    public View save(
            @FormParam("accept_from") String acceptFrom,
            @FormParam("notice_mail") String noticeMail,
            @FormParam("notice_body") String noticeBody) {
        try {
            messages.saveSettings(
                    currentMember.memberId(), acceptFrom, "on".equals(noticeMail), "on".equals(noticeBody));
        } catch (Refused e) {
            return page().with("error", e.getMessage());
        }
        return page().with("notice", "保存しました。");
    }
}

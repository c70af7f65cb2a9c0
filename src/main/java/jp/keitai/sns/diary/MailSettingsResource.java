package jp.keitai.sns.diary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.carrier.DeviceFamily;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.member.PostingAddresses;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.QrCodes;
import jp.keitai.sns.web.View;

/**
 * {@code /settings/mail}: the member's posting addresses (日記 {@code d.}, ボイス {@code v.}) as {@code mailto:} links,
 * with QR codes on PC pages, and {@code POST /settings/mail/rotate} for new secrets. Its own root path, as
 * {@code /settings/easy-login} is, beside the member settings' {@code @Path("settings")}.
 */
@MembersOnly
@RequestScoped
@Path("settings/mail")
@Produces(MediaType.TEXT_HTML)
public class MailSettingsResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    PostingAddresses addresses;

    @Context
    HttpServletRequest request;

    @GET
    public View page() {
        long me = currentMember.memberId();
        String diary = addresses.addressOf(me, PostingAddresses.Kind.DIARY);
        String voice = addresses.addressOf(me, PostingAddresses.Kind.VOICE);
        View v = View.of("diary/settings_mail").with("diaryAddress", diary).with("voiceAddress", voice);
        if (Handset.of(request).getFamily() == DeviceFamily.PC) {
            v.with("diaryQr", QrCodes.pngDataUrl("mailto:" + diary))
                    .with("voiceQr", QrCodes.pngDataUrl("mailto:" + voice));
        }
        return v;
    }

    @POST
    @Path("rotate")
    public View rotate() {
        addresses.rotate(currentMember.memberId());
        return page().with("notice", "新しいアドレスにしました。前のアドレスはもう使えません。");
    }
}

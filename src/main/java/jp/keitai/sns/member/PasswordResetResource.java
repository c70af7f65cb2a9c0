package jp.keitai.sns.member;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Public;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** パスワードを忘れた方: the request form, the same answer for every address, and the mailed link's new-password form. */
@RequestScoped
@Public
@Path("password-reset")
@Produces(MediaType.TEXT_HTML)
public class PasswordResetResource {

    @Inject
    PasswordResetService resets;

    @Inject
    Settings settings;

    @GET
    public View form() {
        return View.of("member/password_reset");
    }

    @POST
    public View request(@FormParam("email") String email) {
        try {
            resets.request(email);
        } catch (Refused e) {
            return View.of("member/password_reset").with("error", e.getMessage());
        }
        return View.of("member/password_reset_sent")
                .with("ttl", resets.ttlText())
                .with("mailDomain", settings.mailDomain());
    }

    @GET
    @Path("new")
    public Response newPassword(@QueryParam("token") String token) {
        try {
            resets.open(token);
        } catch (Refused e) {
            return message(e.getMessage(), 400);
        }
        return Response.ok(View.of("member/password_reset_new").with("token", token))
                .build();
    }

    @POST
    @Path("new")
    public Response reset(@FormParam("token") String token, @FormParam("password") String password) {
        try {
            resets.reset(token, password);
        } catch (Refused e) {
            try {
                resets.open(token);
            } catch (Refused linkUnusable) {
                return message(linkUnusable.getMessage(), 400);
            }
            return Response.ok(View.of("member/password_reset_new")
                            .with("token", token)
                            .with("error", e.getMessage()))
                    .build();
        }
        return message("パスワードを再設定しました。新しいパスワードでログインしてください。" + "ほかの端末はすべてログアウトされ、かんたんログインの登録は解除されました。", 200);
    }

    private static Response message(String text, int status) {
        return Response.status(status)
                .entity(View.of("message").with("message", text))
                .build();
    }
}

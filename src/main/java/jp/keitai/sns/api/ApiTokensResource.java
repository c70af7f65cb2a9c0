package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * {@code /settings/apps}: アプリ連携 (アクセストークン). A member names a token and picks its scope (読み取りのみ or
 * 読み取りと書き込み); the token is shown once, on the answer to that form, and never again; the list shows name,
 * scope, when made and last used; 無効にする revokes one at once. A page of the signed-in member (session and CSRF
 * token as every settings page), never reachable with a token.
 */
@MembersOnly
@RequestScoped
@Path("settings/apps")
@Produces(MediaType.TEXT_HTML)
public class ApiTokensResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ApiTokens tokens;

    @GET
    public View page() {
        return View.of("api/tokens")
                .with("tokens", tokens.list(currentMember.memberId()))
                .with("scopes", List.of(ApiScope.values()));
    }

    @POST
    public View create(@FormParam("name") String name, @FormParam("scope") String scope) {
        ApiTokens.Created created;
        try {
            created = tokens.create(currentMember.memberId(), name, scope);
        } catch (Refused e) {
            return page().with("error", e.getMessage()).with("name", name);
        }
        return page().with("created", created).with("notice", "トークンを作りました。この画面を閉じると二度と表示されません。今すぐ控えてください。");
    }

    @POST
    @Path("{id: \\d{1,18}}/revoke")
    public View revoke(@PathParam("id") long id) {
        if (!tokens.revoke(currentMember.memberId(), id)) {
            return page().with("error", "このトークンは無効にできません（すでに無効か、あなたのものではありません）。");
        }
        return page().with("notice", "トークンを無効にしました。このトークンを使うアプリはもう使えません。");
    }
}

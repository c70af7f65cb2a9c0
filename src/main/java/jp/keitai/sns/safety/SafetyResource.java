package jp.keitai.sns.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * {@code GET /safety}: the friends who answered the open 安否確認 (newest first) and who have not, one light page;
 * {@code POST /safety}: 「無事です」 with an optional {@code message}, answered by a redirect (to the home page when
 * {@code from=home}, where the one-tap button is).
 */
@MembersOnly
@ApplicationScoped
@Path("safety")
@Produces(MediaType.TEXT_HTML)
public class SafetyResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    SafetyService safety;

    @Context
    HttpServletResponse response;

    @GET
    public View board() {
        return View.of("safety/board")
                .with("board", safety.board(currentMember.memberId()).orElse(null))
                .with("maxMessage", SafetyService.MAX_MESSAGE);
    }

    @POST
    public Response answer(@FormParam("message") String message, @FormParam("from") String from) {
        try {
            safety.answer(currentMember.memberId(), message, "web");
        } catch (Refused e) {
            return Response.ok(board().with("error", e.getMessage()).with("message", message))
                    .build();
        }
        String to = "home".equals(from) ? "/home" : "/safety";
        return Response.seeOther(URI.create(response.encodeRedirectURL(to))).build();
    }
}

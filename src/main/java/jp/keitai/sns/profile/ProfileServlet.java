package jp.keitai.sns.profile;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.TemplateResolver;
import jp.keitai.sns.web.View;
import jp.keitai.sns.web.ViewWriter;

/**
 * A member's profile page ({@code GET /members/{id}}) as a plain servlet, like the home page: JAX-RS dispatch would cost
 * a good part of a view once the page's data comes from memory. The pages under it ({@code /members/{id}/...}) are
 * JAX-RS resources of the features that own them: web.xml lets only the one-segment path past the JAX-RS filter.
 */
@WebServlet(urlPatterns = "/members/*")
public class ProfileServlet extends HttpServlet {

    @Inject
    ProfilePage profiles;

    @Inject
    CurrentMember currentMember;

    @Inject
    TemplateResolver templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!currentMember.isSignedIn()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER); // a guest signs in on the top page, as at home
            response.setHeader("Location", "/");
            return;
        }
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().replace("/", "");
        View view;
        try {
            view = profiles.visit(request, currentMember.memberId(), id);
        } catch (NotFound e) {
            // what NotFoundMapper answers on the JAX-RS side
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            view = View.of("error").with("message", e.getMessage());
        } catch (WebApplicationException e) {
            // what JAX-RS would answer (a refusal, or a redirect)
            Response answer = e.getResponse();
            response.setStatus(answer.getStatus());
            if (answer.getLocation() != null) {
                response.setHeader("Location", answer.getLocation().toString());
            }
            if (!(answer.getEntity() instanceof View page)) {
                return;
            }
            view = page;
        }
        response.setContentType(MediaType.TEXT_HTML);
        ViewWriter.render(view, request, response, templates, currentMember);
    }
}

package jp.keitai.sns.friend;

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
import jp.keitai.sns.web.TemplateResolver;
import jp.keitai.sns.web.View;
import jp.keitai.sns.web.ViewWriter;

/**
 * A member's profile page ({@code GET /members/{id}}, which leaves a footprint) as a plain servlet, like the home page:
 * the page is {@link ProfileResource#profile}'s, but JAX-RS dispatch cost a fifth of a view once the page's data came
 * from memory (issue 9, docs/performance.md). The profile's forms and sub-pages ({@code /members/{id}/...}) stay
 * JAX-RS: web.xml lets only the one-segment path past the JAX-RS filter.
 */
@WebServlet(urlPatterns = "/members/*")
public class ProfileServlet extends HttpServlet {

    @Inject
    ProfileResource profiles;

    @Inject
    CurrentMember currentMember;

    @Inject
    TemplateResolver templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String id = request.getPathInfo() == null ? "" : request.getPathInfo().replace("/", "");
        View view;
        try {
            view = profiles.profile(id);
        } catch (WebApplicationException e) {
            // what JAX-RS would answer: the guest's redirect, or the 404 page
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

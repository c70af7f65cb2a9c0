package jp.keitai.sns.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's own page for every error the container would otherwise answer with its English report: a wrong method
 * (405), a path no servlet or resource has (a file under {@code /static/}, {@code /WEB-INF/…}), a query parameter that
 * does not convert, a form Jersey cannot read, an exception nothing caught (500). {@code web.xml} sends each error
 * status here as an ERROR dispatch, which the edge filter also sees, so the page is the handset family's
 * {@code error} template in its charset and emoji, with the status kept (and the {@code Allow} header of a 405).
 *
 * <p>Only the container's ERROR dispatch reaches it: a request for {@code /error} itself goes to the JAX-RS filter
 * first, which answers 404 like any unknown path.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Inject
    TemplateResolver templates;

    @Inject
    CurrentMember currentMember;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            LOG.log(Level.WARNING, "error on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u
                ? u.substring(Math.min(u.length(), request.getContextPath().length()))
                : "";
        if (Problem.isApiPath(path)) {
            // the JSON API answers problem documents, never a page (README "JSON API")
            byte[] body = Problem.forStatus(status, path).json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        // the page is drawn as for a GET: a JSP refuses PUT, DELETE and the like, also when included for an error
        HttpServletRequest asGet = new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
        ViewWriter.render(View.of("error").with("message", message(status)), asGet, response, templates, currentMember);
    }

    /** What a member is told for an HTTP error status, in Japanese. */
    static String message(int status) {
        return switch (status) {
            case 400 -> "送信された内容を読み取れませんでした。前の画面に戻って、もう一度お試しください。";
            case 401, 403 -> "このページは表示できません。";
            case 404, 410 -> UnknownPathMapper.NO_PAGE;
            case 405 -> "この操作はここではできません。前の画面に戻って、もう一度お試しください。";
            case 406, 415 -> "この端末からの送信には対応していません。";
            case 413 -> "送信された内容が大きすぎます。短くしてもう一度送ってください。";
            case 503 -> "ただいま混み合っています。しばらくしてからもう一度お試しください。";
            default -> status >= 500 ? "エラーが起きました。しばらくしてからもう一度お試しください。" : "このページは表示できません。";
        };
    }
}

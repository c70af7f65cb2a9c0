package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** URLs no resource answers, and path parameters that do not parse (a typed id that is not one): 404 in Japanese. */
@Provider
@ApplicationScoped
public class UnknownPathMapper implements ExceptionMapper<NotFoundException> {

    static final String NO_PAGE = "ページが見つかりません。";

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        if (uri != null && Problem.isApiPath(uri.getPath())) {
            return Problem.forStatus(404, "/" + uri.getPath()).response().build();
        }
        return NotFoundMapper.page(NO_PAGE);
    }
}

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

    @Override
    public Response toResponse(NotFoundException e) {
        return NotFoundMapper.page(NO_PAGE);
    }
}

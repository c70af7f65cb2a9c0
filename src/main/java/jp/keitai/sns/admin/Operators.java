package jp.keitai.sns.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.View;

/** The guard of every console page: signed in, and an operator. Members get a plain 404, as if nothing were here. */
@RequestScoped
public class Operators {

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    public long require() {
        long id = currentMember.memberId();
        boolean operator = members.find(id).map(m -> m.operator()).orElse(false);
        if (!operator) {
            throw new WebApplicationException(Response.status(404)
                    .type(MediaType.TEXT_HTML)
                    .entity(View.of("message").with("message", "ページが見つかりません。"))
                    .build());
        }
        return id;
    }
}

package jp.keitai.sns.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/**
 * {@code /report/{diary|voice|profile}/{id}}: the 通報 form for something a member can read (reason optional), and
 * sending it. The content pages link here for everything not the member's own.
 */
@RequestScoped
@MembersOnly
@Path("report/{kind: diary|voice|profile}/{id: \\d+}")
@Produces(MediaType.TEXT_HTML)
public class ReportResource {

    @Inject
    CurrentMember currentMember;

    @Inject
    ContentReportService reports;

    @GET
    public View form(@PathParam("kind") String kind, @PathParam("id") long id) {
        return View.of("report/form")
                .with("target", reports.target(currentMember.memberId(), kind, id))
                .with("maxReason", ContentReportService.MAX_REASON);
    }

    @POST
    public Response send(@PathParam("kind") String kind, @PathParam("id") long id, @FormParam("reason") String reason) {
        try {
            reports.report(currentMember.memberId(), kind, id, reason);
        } catch (Refused e) {
            return Response.status(400)
                    .entity(form(kind, id).with("error", e.getMessage()).with("reason", reason))
                    .build();
        }
        return Response.ok(View.of("message").with("message", "通報しました。運営者が確認します。ご協力ありがとうございます。"))
                .build();
    }
}

package jp.keitai.sns.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jp.keitai.sns.admin.Operators;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** The operators' console page of reports of diaries, voices and profiles: 問題なし or suspend the writer (audited). */
@RequestScoped
@MembersOnly
@Path("admin/reports")
@Produces(MediaType.TEXT_HTML)
public class ContentReportsResource {

    @Inject
    Operators operators;

    @Inject
    ContentReportService reports;

    @GET
    public View list(@QueryParam("done") String done) {
        operators.require();
        View v = View.of("admin/reports").with("reports", reports.open());
        if ("dismissed".equals(done)) {
            v.with("notice", "問題なしとして閉じました。");
        } else if ("suspended".equals(done)) {
            v.with("notice", "書いた人を利用停止にし、その人の通報を閉じました。");
        }
        return v;
    }

    @POST
    @Path("{id: \\d+}/{action: dismiss|suspend}")
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        long operator = operators.require();
        try {
            if ("dismiss".equals(action)) {
                reports.dismiss(operator, id);
            } else {
                reports.suspendWriter(operator, id);
            }
        } catch (Refused e) {
            return Response.status(409)
                    .entity(list(null).with("error", e.getMessage()))
                    .build();
        }
        // after the POST a GET: a reload does not act twice
        return Response.seeOther(
                        URI.create("/admin/reports?done=" + ("dismiss".equals(action) ? "dismissed" : "suspended")))
                .build();
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.admin.Operators;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** The operators' console page of community reports: hide, dismiss, suspend the writer (all audited). */
@RequestScoped
@MembersOnly
@Path("admin/community-reports")
@Produces(MediaType.TEXT_HTML)
public class CommunityReportsResource {

    @Inject
    Operators operators;

    @Inject
    ReportService reports;

    @GET
    public View list() {
        operators.require();
        return View.of("admin/community_reports").with("reports", reports.open());
    }

    @POST
    @Path("{id: \\d+}/{action: hide|dismiss|suspend}")
    public View act(@PathParam("id") long id, @PathParam("action") String action) {
        long operator = operators.require();
        try {
            switch (action) {
                case "hide" -> reports.hide(operator, id);
                case "dismiss" -> reports.dismiss(operator, id);
                case "suspend" -> reports.suspendWriter(operator, id);
                default -> throw new NotFound("ページが見つかりません。");
            }
        } catch (Refused e) {
            return list().with("error", e.getMessage());
        }
        return list().with("notice", "処理しました。");
    }
}

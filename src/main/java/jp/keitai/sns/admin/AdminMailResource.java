package jp.keitai.sns.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.SpoolMessage;
import jp.keitai.sns.mail.inbound.SpoolReview;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.View;

/**
 * {@code /admin/mail}: the inbound mail spool as an operator watches it. How many mails wait, were refused or are
 * quarantined; each state's mails page by page (newest first); one mail's envelope, result and headers, and its raw
 * bytes as a download ({@code .eml}, never shown inline: it is a stranger's mail). A quarantined mail can be put back
 * in the queue once its cause is fixed, or deleted; both need a note and are audited in the same transaction.
 */
@RequestScoped
@MembersOnly
@Path("admin/mail")
@Produces(MediaType.TEXT_HTML)
public class AdminMailResource {

    @Inject
    Operators operators;

    @Inject
    SpoolReview spool;

    @Inject
    AuditLog audit;

    @Inject
    Database database;

    @GET
    public View list(
            @QueryParam("state") @DefaultValue(SpoolMessage.QUARANTINED) String state,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("done") String done,
            @QueryParam("id") long id) {
        operators.require();
        String shown = SpoolReview.STATES.containsKey(state) ? state : SpoolMessage.QUARANTINED;
        int p = Math.min(Math.max(1, page), SpoolReview.LAST_PAGE);
        View view = View.of("admin/mail")
                .with("counts", spool.counts())
                .with("countCap", SpoolReview.COUNT_CAP)
                .with("states", SpoolReview.STATES)
                .with("state", shown)
                .with("rows", spool.list(shown, p))
                .with("page", p)
                .with("lastPage", SpoolReview.LAST_PAGE)
                .with("pageSize", SpoolReview.PAGE);
        if ("retried".equals(done)) {
            view.with("notice", "メール #" + id + " を処理待ちに戻しました。まもなく受信時と同じように処理されます。");
        } else if ("deleted".equals(done)) {
            view.with("notice", "メール #" + id + " を削除しました。");
        }
        return view;
    }

    @GET
    @Path("{id: \\d+}")
    public Response detail(@PathParam("id") long id) {
        operators.require();
        return spool.find(id)
                .map(d -> Response.ok(View.of("admin/mail_detail").with("mail", d)))
                .orElseGet(() -> Response.status(404)
                        .entity(View.of("message").with("message", "そのメール（#" + id + "）は見つかりません（削除済みかもしれません）。")))
                .build();
    }

    /** The mail exactly as received, as a file to open in a mail program. */
    @GET
    @Path("{id: \\d+}/raw")
    @Produces("message/rfc822")
    public Response raw(@PathParam("id") long id) {
        operators.require();
        return spool.raw(id)
                .map(raw -> Response.ok(raw, "message/rfc822")
                        .header("Content-Disposition", "attachment; filename=\"spool-" + id + ".eml\"")
                        .header("X-Content-Type-Options", "nosniff"))
                .orElseGet(() -> Response.status(404).type(MediaType.TEXT_PLAIN).entity("not found"))
                .build();
    }

    @POST
    @Path("{id: \\d+}/retry")
    public Response retry(@PathParam("id") long id, @FormParam("note") String note) {
        return act(id, note, "mail.retry", true);
    }

    @POST
    @Path("{id: \\d+}/delete")
    public Response delete(@PathParam("id") long id, @FormParam("note") String note) {
        return act(id, note, "mail.delete", false);
    }

    private Response act(long id, String note, String action, boolean retry) {
        long operator = operators.require();
        if (note == null || note.isBlank()) {
            return again(id, 400, "理由をメモに書いてください（操作履歴に残ります）。");
        }
        String stripped = note.strip();
        String why = stripped.length() > 500 ? stripped.substring(0, 500) : stripped;
        Optional<String> was = database.tx(em -> {
            Optional<String> reason = retry ? spool.retry(id) : spool.delete(id);
            // the row forgets why it was held once it goes back (or goes): the audit log keeps it with the note
            reason.ifPresent(r -> audit.record(operator, action, "mail:" + id, why + "（保留の理由: " + r + "）"));
            return reason;
        });
        if (was.isEmpty()) {
            return again(id, 409, "このメールは保留中ではありません（ほかの運営者がすでに操作したかもしれません）。");
        }
        // after a POST, a GET: reloading the page does not put the mail back (or delete) a second time
        return Response.seeOther(URI.create("/admin/mail?state=" + SpoolMessage.QUARANTINED + "&done="
                        + (retry ? "retried" : "deleted") + "&id=" + id))
                .build();
    }

    private Response again(long id, int status, String error) {
        Response shown = detail(id);
        if (shown.getStatus() != 200) {
            return shown;
        }
        return Response.status(status)
                .entity(((View) shown.getEntity()).with("error", error))
                .build();
    }
}

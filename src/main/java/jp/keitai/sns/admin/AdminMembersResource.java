package jp.keitai.sns.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.keitai.sns.member.BindingId;
import jp.keitai.sns.member.EasyLoginService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** The operator console home, member search and suspension, and the audit log. */
@RequestScoped
@MembersOnly
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminMembersResource {

    static final int PAGE = 50;

    @Inject
    Operators operators;

    @Inject
    MemberService members;

    @Inject
    ModerationService moderation;

    @Inject
    AuditLog audit;

    @Inject
    EasyLoginService easyLogin;

    @GET
    public View console() {
        operators.require();
        return View.of("admin/index");
    }

    @GET
    @Path("members")
    public View list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("1") int page) {
        operators.require();
        int p = Math.max(1, page);
        return View.of("admin/members")
                .with("q", q == null ? "" : q)
                .with("page", p)
                .with("members", members.search(q, PAGE + 1, (p - 1) * PAGE));
    }

    @POST
    @Path("members/{id}/suspend")
    public View suspend(@PathParam("id") MemberId id, @FormParam("note") String note) {
        return change(id.value(), MemberStatus.SUSPENDED, "member.suspend", note);
    }

    @POST
    @Path("members/{id}/unsuspend")
    public View unsuspend(@PathParam("id") MemberId id, @FormParam("note") String note) {
        return change(id.value(), MemberStatus.ACTIVE, "member.unsuspend", note);
    }

    private View change(long id, MemberStatus status, String action, String note) {
        long operator = operators.require();
        try {
            moderation.setStatus(operator, id, status, action, note);
        } catch (Refused e) {
            return list("", 1).with("error", e.getMessage());
        }
        return list("", 1).with("notice", "会員 " + id + " を変更しました。");
    }

    /** The bindings of the member whose id was typed in; an empty box shows none. */
    @GET
    @Path("easy-login")
    public View easyLogin(@QueryParam("member") MemberId memberId) {
        operators.require();
        View v = View.of("admin/easy_login").with("memberId", memberId == null ? null : memberId.value());
        return memberId == null ? v : v.with("bindings", easyLogin.bindings(memberId.value()));
    }

    @POST
    @Path("easy-login/{binding}/blacklist")
    public View blacklist(
            @PathParam("binding") BindingId binding,
            @FormParam("member") MemberId memberId,
            @FormParam("note") String note) {
        long operator = operators.require();
        if (memberId == null) {
            throw new BadRequestException("the form names no member");
        }
        try {
            moderation.blacklist(operator, memberId.value(), binding.value(), note);
        } catch (Refused e) {
            return easyLogin(memberId).with("error", e.getMessage());
        }
        return easyLogin(memberId).with("notice", "ブラックリストに登録しました。");
    }

    /** The log as sentences, newest first; the GET form filters by operator, kind and day (Japan time). */
    @GET
    @Path("audit")
    public View audit(
            @QueryParam("operator") String operator,
            @QueryParam("kind") String kind,
            @QueryParam("date") String date,
            @QueryParam("page") @DefaultValue("1") int page) {
        operators.require();
        int p = Math.max(1, page);
        Long operatorId = null;
        if (operator != null && operator.strip().matches("\\d{1,18}")) {
            operatorId = Long.valueOf(operator.strip());
        }
        String action = kind == null || kind.isBlank() ? null : kind.strip();
        java.time.LocalDate day = null;
        String error = null;
        if (date != null && !date.isBlank()) {
            try {
                day = java.time.LocalDate.parse(date.strip().replace('/', '-'));
            } catch (java.time.format.DateTimeParseException e) {
                error = "日付は 2026-12-06 の形で入力してください。";
            }
        }
        AuditLog.Filter filter = new AuditLog.Filter(operatorId, action, day);
        return View.of("admin/audit")
                .with("page", p)
                .with("filter", filter)
                .with("query", filter.query())
                .with("date", day == null ? (date == null ? "" : date) : day.toString())
                .with("error", error)
                .with("operators", audit.operators())
                .with("kinds", audit.kinds(true))
                .with("entries", audit.search(filter, PAGE + 1, (p - 1) * PAGE));
    }
}

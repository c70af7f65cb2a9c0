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
import jp.keitai.sns.member.EasyLoginService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.SessionStore;
import jp.keitai.sns.web.View;

/** The operator console home, member search and suspension, and the audit log. */
@RequestScoped
@Path("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminMembersResource {

    static final int PAGE = 50;

    @Inject
    Operators operators;

    @Inject
    MemberService members;

    @Inject
    SessionStore sessions;

    @Inject
    AuditLog audit;

    @Inject
    Database database;

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
    public View suspend(@PathParam("id") long id, @FormParam("note") String note, @FormParam("_csrf") String csrf) {
        return change(id, MemberStatus.SUSPENDED, "member.suspend", note, csrf);
    }

    @POST
    @Path("members/{id}/unsuspend")
    public View unsuspend(@PathParam("id") long id, @FormParam("note") String note, @FormParam("_csrf") String csrf) {
        return change(id, MemberStatus.ACTIVE, "member.unsuspend", note, csrf);
    }

    private View change(long id, MemberStatus status, String action, String note, String csrf) {
        long operator = operators.require(csrf);
        if (operator == id) {
            return list("", 1).with("error", "自分自身は停止できません。");
        }
        boolean changed = database.tx(em -> {
            if (!members.setStatus(id, status)) {
                return false;
            }
            audit.record(operator, action, "member:" + id, note);
            return true;
        });
        if (changed && status == MemberStatus.SUSPENDED) {
            sessions.endAll(id);
        }
        return list("", 1).with(changed ? "notice" : "error", changed ? "会員 " + id + " を変更しました。" : "変更できませんでした。");
    }

    @GET
    @Path("easy-login")
    public View easyLogin(@QueryParam("member") Long memberId) {
        operators.require();
        View v = View.of("admin/easy_login").with("memberId", memberId);
        return memberId == null ? v : v.with("bindings", easyLogin.bindings(memberId));
    }

    @POST
    @Path("easy-login/{binding}/blacklist")
    public View blacklist(
            @PathParam("binding") long binding,
            @FormParam("member") long memberId,
            @FormParam("note") String note,
            @FormParam("_csrf") String csrf) {
        long operator = operators.require(csrf);
        if (note == null || note.isBlank()) {
            return easyLogin(memberId).with("error", "理由を書いてください。");
        }
        boolean done = database.tx(em -> {
            if (!easyLogin.blacklist(binding, operator, note)) {
                return false;
            }
            audit.record(operator, "easy-login.blacklist", "member:" + memberId + " binding:" + binding, note);
            return true;
        });
        return easyLogin(memberId).with(done ? "notice" : "error", done ? "ブラックリストに登録しました。" : "登録できませんでした。");
    }

    @GET
    @Path("audit")
    public View audit(@QueryParam("page") @DefaultValue("1") int page) {
        operators.require();
        int p = Math.max(1, page);
        return View.of("admin/audit").with("page", p).with("entries", audit.latest(PAGE + 1, (p - 1) * PAGE));
    }
}

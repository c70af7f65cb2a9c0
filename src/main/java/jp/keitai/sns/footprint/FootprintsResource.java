package jp.keitai.sns.footprint;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.MembersOnly;
import jp.keitai.sns.web.Refused;
import jp.keitai.sns.web.View;

/** {@code /footprints}: who visited my pages, newest first, paged; the 忍び足 switch. */
@RequestScoped
@MembersOnly
@Path("footprints")
@Produces(MediaType.TEXT_HTML)
public class FootprintsResource {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    /** A line of the list as the template shows it. */
    public record Visit(long visitorId, String nickname, String time) {}

    /** A day's count as the template shows it. */
    public record Day(String day, int visitCount) {}

    @Inject
    CurrentMember currentMember;

    @Inject
    Footprints footprints;

    @Inject
    MemberService members;

    @GET
    public View list(@QueryParam("page") String pageParam) {
        long me = currentMember.memberId();
        int page = parsePage(pageParam);
        View view = View.of("footprint/list").with("page", page);
        if (footprints.isStealth(me)) {
            return view.with("stealth", true);
        }
        Footprints.Page found = footprints.page(me, page);
        Map<Long, MemberSummary> visitors = members.findAll(
                found.items().stream().map(Footprints.Footprint::visitorId).toList());
        List<Visit> visits = found.items().stream()
                .map(f -> new Visit(
                        f.visitorId(),
                        visitors.containsKey(f.visitorId())
                                ? visitors.get(f.visitorId()).nickname()
                                : "?",
                        TIME.format(f.at())))
                .toList();
        if (page == 1) {
            footprints.markSeen(me, Clock.now());
        }
        return view.with("stealth", false)
                .with("visits", visits)
                .with("hasNext", found.hasNext())
                .with("days", days(footprints.perDay(me, 7)));
    }

    @POST
    @Path("stealth")
    public View stealth(@FormParam("stealth") String stealth) {
        long me = currentMember.memberId();
        boolean on;
        try {
            on = footprints.chooseStealth(me, stealth);
        } catch (Refused refused) {
            return list("1").with("error", refused.getMessage());
        }
        return list("1").with("notice", on ? "忍び足にしました。あしあとを残さず、ほかの人のあしあとも見えません。" : "忍び足をやめました。あしあとが残り、見えるようになります。");
    }

    /** Per-day counts, newest day first, as the template shows them. */
    static List<Day> days(List<Footprints.DayCount> counts) {
        List<Day> out = new java.util.ArrayList<>();
        for (int i = counts.size() - 1; i >= 0; i--) {
            out.add(new Day(DAY.format(counts.get(i).day()), counts.get(i).visits()));
        }
        return out;
    }

    static int parsePage(String value) {
        try {
            int p = value == null ? 1 : Integer.parseInt(value.strip());
            return Math.min(Math.max(p, 1), 10_000);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

package jp.keitai.sns.friend;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.diary.DiaryService;
import jp.keitai.sns.footprint.Footprints;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.View;

/**
 * A member's profile ({@code /members/{id}}: leaves a footprint), their 紹介文 and their mixiGraph
 * ({@code /members/{id}/graph}). A member one may not deal with (blocked either way, suspended, withdrawn, unknown)
 * answers 404 alike, so the page does not tell which.
 *
 * <p>The page itself is served by {@link ProfileServlet} (the busiest page after the home page, issue 9); its forms
 * and sub-pages are resources here. {@code /members/{id}/diary} belongs to the diary feature, in a class of its own
 * with that longer path (JAX-RS picks it over this one by its literal characters).
 */
@ApplicationScoped // one instance: a request-scoped resource was built and injected per view (issue 9)
@Path("members/{id}")
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    /** How many of the member's latest diaries the profile lists. */
    static final int LATEST_DIARIES = 5;

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy/M/d").withZone(Clock.JAPAN);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    /** An introduction as the page shows it; {@code deletable} when the viewer is the member or the writer. */
    public record IntroductionLine(long writerId, String writer, String body, String date, boolean deletable) {}

    /** A day's footprint count as the page shows it. */
    public record Day(String day, int visitCount) {}

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    AccessPolicy policy;

    @Inject
    FriendGraph graph;

    @Inject
    Introductions introductions;

    @Inject
    Footprints footprints;

    @Inject
    MixiGraph mixiGraph;

    @Inject
    DiaryService diaries;

    /**
     * The profile page ({@code GET /members/{id}}), served by {@link ProfileServlet} without JAX-RS dispatch; a guest
     * is sent to the top page, a member one may not see is 404.
     */
    public View profile(String idParam) {
        long viewer = currentMember.requireId();
        MemberService.Profile owner = visibleMember(viewer, idParam);
        long id = owner.id();
        footprints.record(viewer, id);
        return profileView(viewer, owner);
    }

    /** The form for one's introduction of a friend on a page of its own (keitai pages keep the profile short). */
    @GET
    @Path("introduction")
    public View introductionForm(@PathParam("id") String idParam) {
        long viewer = currentMember.requireId();
        MemberService.Profile owner = visibleMember(viewer, idParam);
        if (!graph.areFriends(viewer, owner.id())) {
            return profileView(viewer, owner).with("error", "紹介文を書けるのはマイミクだけです。");
        }
        return View.of("friend/introduction")
                .with("owner", owner)
                .with(
                        "myIntroduction",
                        introductions
                                .find(owner.id(), viewer)
                                .map(Introductions.Introduction::body)
                                .orElse(""));
    }

    @POST
    @Path("introduction")
    public View writeIntroduction(
            @PathParam("id") String idParam,
            @FormParam("body") String body,
            @FormParam(CurrentMember.CSRF_FIELD) String csrf) {
        currentMember.checkCsrf(csrf);
        long viewer = currentMember.requireId();
        MemberService.Profile owner = visibleMember(viewer, idParam);
        String problem = introductions.write(viewer, owner.id(), body);
        if (problem == null) {
            return profileView(viewer, owner).with("notice", "紹介文を書きました。");
        }
        if (graph.areFriends(viewer, owner.id())) {
            // back to the form with what was typed, so nothing is lost
            return View.of("friend/introduction")
                    .with("owner", owner)
                    .with("myIntroduction", body)
                    .with("error", problem);
        }
        return profileView(viewer, owner).with("error", problem);
    }

    @POST
    @Path("introduction/delete")
    public View deleteIntroduction(
            @PathParam("id") String idParam,
            @FormParam("writer_id") String writerParam,
            @FormParam(CurrentMember.CSRF_FIELD) String csrf) {
        currentMember.checkCsrf(csrf);
        long viewer = currentMember.requireId();
        MemberService.Profile owner = visibleMember(viewer, idParam);
        long writer;
        try {
            writer = Long.parseLong(writerParam == null ? "" : writerParam.strip());
        } catch (NumberFormatException e) {
            return profileView(viewer, owner).with("error", "削除する紹介文を選んでください。");
        }
        boolean done = introductions.delete(viewer, owner.id(), writer);
        return profileView(viewer, owner).with(done ? "notice" : "error", done ? "紹介文を削除しました。" : "削除できる紹介文がありません。");
    }

    @GET
    @Path("graph")
    public View graph(@PathParam("id") String idParam) {
        long viewer = currentMember.requireId();
        MemberService.Profile owner = visibleMember(viewer, idParam);
        return View.of("friend/graph")
                .with("owner", owner)
                .with("self", viewer == owner.id())
                .with("graph", mixiGraph.picture(viewer, owner.id()));
    }

    private View profileView(long viewer, MemberService.Profile owner) {
        long id = owner.id();
        boolean self = viewer == id;
        Relation relation = graph.relation(viewer, id);
        Visibility introLevel = Visibility.parse(owner.selfIntroVisibility()).orElse(Visibility.PRIVATE);
        List<IntroductionLine> lines = introductions.of(id, viewer).stream()
                .map(i -> new IntroductionLine(
                        i.writerId(), i.writer(), i.body(), DATE.format(i.writtenAt()), self || i.writerId() == viewer))
                .toList();
        View view = View.of("friend/profile")
                .with("owner", owner)
                .with("self", self)
                .with("friend", relation == Relation.FRIEND)
                .with("relation", relation.name())
                // the viewer may deal with the owner (checked before), so the relation decides, as AccessPolicy says
                .with("selfIntro", AccessPolicy.levelsFor(relation).contains(introLevel) ? owner.selfIntro() : null)
                .with("friendCount", graph.friendCount(id))
                .with("introductions", lines)
                .with("diaryPath", "/members/" + id + "/diary")
                // the latest diaries the viewer may see (the diary service asks the access policy)
                .with("latestDiaries", diaries.latest(viewer, id, LATEST_DIARIES));
        if (relation == Relation.FRIEND) {
            view.with(
                    "myIntroduction",
                    introductions
                            .find(id, viewer)
                            .map(Introductions.Introduction::body)
                            .orElse(""));
        }
        if (self && !footprints.isStealth(viewer)) {
            // newest day first: the keitai page shows the first three
            List<Day> days = new java.util.ArrayList<>(footprints.perDay(viewer, 7).stream()
                    .map(d -> new Day(DAY.format(d.day()), d.visits()))
                    .toList());
            java.util.Collections.reverse(days);
            view.with("footprintDays", days);
        }
        return view;
    }

    /** The member of the path, if the viewer may deal with them; else 404. */
    private MemberService.Profile visibleMember(long viewer, String idParam) {
        long id;
        try {
            id = Long.parseLong(idParam);
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (!policy.canInteract(viewer, id)) {
            throw notFound();
        }
        return members.profile(id).orElseThrow(ProfileResource::notFound);
    }

    private static WebApplicationException notFound() {
        return new WebApplicationException(Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML)
                .entity(View.of("error").with("message", "このメンバーのページは表示できません。"))
                .build());
    }
}

package jp.keitai.sns.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.friend.FriendService;
import jp.keitai.sns.home.HomeSection;
import jp.keitai.sns.home.TimelineEntry;
import jp.keitai.sns.member.AccountService;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.message.MessageBoxService;
import jp.keitai.sns.web.CsrfExempt;
import jp.keitai.sns.web.Public;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/me} (the caller's own profile, read and changed), {@code /api/v1/members/{id}} (another member's, as
 * {@code AccessPolicy} lets the caller see it) and {@code /api/v1/home} (the home timeline).
 */
@ApiAccess
@Public
@CsrfExempt
@RequestScoped
@Path("api/v1")
@Produces(Api.JSON)
@Tag(name = "home", description = "自分のプロフィールとホームのタイムライン")
@SecurityRequirement(name = "bearer")
public class ApiMeResource {

    @Inject
    ApiCaller caller;

    @Inject
    MemberService members;

    @Inject
    FriendService friends;

    @Inject
    MessageBoxService messages;

    @Inject
    AccountService accounts;

    @Inject
    AccessPolicy policy;

    @Inject
    Instance<HomeSection> sections;

    @PUT
    @Path("me")
    @Consumes(Api.JSON)
    @Operation(
            summary = "自分のプロフィールを変える",
            description =
                    "nickname, selfIntro, selfIntroVisibility（everyone, friends_of_friends, friends, private）。設定のプロフィールと同じ規則。")
    @RequestBody(
            required = true,
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.ProfilePut.class)))
    @APIResponse(
            responseCode = "200",
            description = "保存しました",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Me.class)))
    @APIResponse(responseCode = "400", description = "JSONが読めない", content = @Content(mediaType = Api.PROBLEM))
    @APIResponse(responseCode = "422", description = "保存できない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Me saveProfile(String json) {
        ApiViews.ProfilePut in = caller.body(json, ApiViews.ProfilePut.class);
        caller.run(me -> accounts.updateProfile(me, in.nickname(), in.selfIntro(), in.selfIntroVisibility()));
        return me();
    }

    @GET
    @Path("members/{id: \\d{1,18}}")
    @Operation(summary = "メンバーのプロフィール", description = "ブロックや停止中のメンバーは404。自己紹介はその公開範囲で見られるときだけ。あしあとは残りません。")
    @APIResponse(
            responseCode = "200",
            description = "プロフィール",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Member.class)))
    @APIResponse(responseCode = "404", description = "ないか見られない", content = @Content(mediaType = Api.PROBLEM))
    public ApiViews.Member member(@PathParam("id") long id) {
        long me = caller.memberId();
        if (!policy.canInteract(me, id)) {
            throw caller.notFound();
        }
        MemberService.Profile p = members.profile(id).orElseThrow(caller::notFound);
        Visibility introLevel = Visibility.parse(p.selfIntroVisibility()).orElse(Visibility.PRIVATE);
        return new ApiViews.Member(
                p.id(),
                p.nickname(),
                policy.canSee(me, id, introLevel) ? p.selfIntro() : null,
                policy.visibleLevels(me, id).contains(Visibility.FRIENDS) && me != id);
    }

    @GET
    @Path("me")
    @Operation(summary = "自分のプロフィール", description = "The caller's own profile and counts.")
    @APIResponse(
            responseCode = "200",
            description = "プロフィール",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Me.class)))
    public ApiViews.Me me() {
        long me = caller.memberId();
        MemberService.Profile p = caller.found(members::profile);
        return new ApiViews.Me(
                p.id(),
                p.nickname(),
                p.selfIntro(),
                p.selfIntroVisibility(),
                friends.friendsCount(me),
                messages.unreadCount(me),
                friends.incomingCount(me));
    }

    @GET
    @Path("home")
    @Operation(summary = "ホームのタイムライン", description = "マイミクの最新のボイスと日記（と自分のもの）、新しい順。ホーム画面と同じ内容で、公開範囲はAccessPolicyが決めます。")
    @APIResponse(
            responseCode = "200",
            description = "タイムライン",
            content = @Content(mediaType = Api.JSON, schema = @Schema(implementation = ApiViews.Timeline.class)))
    public ApiViews.Timeline home() {
        long me = caller.memberId();
        List<TimelineEntry> lines = new ArrayList<>();
        for (HomeSection s : sections) {
            if (s.data(me) instanceof jp.keitai.sns.home.Timeline t) {
                lines.addAll(t.timeline());
            }
        }
        lines.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return new ApiViews.Timeline(lines.stream()
                .map(e -> new ApiViews.TimelineItem(
                        e.kind(),
                        e.id(),
                        new ApiViews.MemberRef(e.authorId(), e.authorName()),
                        e.text(),
                        e.href(),
                        e.at(),
                        e.note()))
                .toList());
    }
}

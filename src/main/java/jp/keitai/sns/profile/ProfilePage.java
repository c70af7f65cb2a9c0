package jp.keitai.sns.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Relation;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.web.MemberId;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.TemplateResolver;
import jp.keitai.sns.web.View;

/**
 * A member's profile page: the owner's name and self-introduction (shown as its visibility allows), then the sections
 * features contribute ({@link ProfileSection}), in order. A member one may not deal with (blocked either way,
 * suspended, withdrawn, unknown) answers 404 alike, so the page does not tell which. Features whose forms redraw the
 * profile (紹介文) ask it here, as do their own pages under {@code /members/{id}/…} for the member of the path.
 */
@ApplicationScoped
public class ProfilePage {

    /** The page's template. */
    static final String TEMPLATE = "profile/profile";

    /** The model entries of the sections: first those under the owner's name, then the long ones. */
    static final String HEAD = "headSections";

    static final String BODY = "bodySections";

    /** One section as the template sees it: its heading, accesskey, resolved fragment path and data. */
    public static final class Part {
        private final String title;
        private final Integer key;
        private final String path;
        private final Object data;

        Part(String title, Integer key, String path, Object data) {
            this.title = title;
            this.key = key;
            this.path = path;
            this.data = data;
        }

        public String getTitle() {
            return title;
        }

        public Integer getKeyNumber() {
            return key;
        }

        public String getPath() {
            return path;
        }

        public Object getData() {
            return data;
        }

        /** Makes this the section the next included fragment shows ({@code ${section}} and the rest). */
        public void expose(ServletRequest request) {
            request.setAttribute(ProfileSection.ATTRIBUTE, data);
            request.setAttribute(ProfileSection.TITLE, title);
            request.setAttribute(ProfileSection.KEY, key);
        }
    }

    /** The parts under the owner's name, as the keitai template reads them in its Java loop. */
    @SuppressWarnings("unchecked")
    public static List<Part> head(ServletRequest request) {
        return (List<Part>) request.getAttribute(HEAD);
    }

    /** The long parts, after the self-introduction (cut into numbered parts on keitai). */
    @SuppressWarnings("unchecked")
    public static List<Part> body(ServletRequest request) {
        return (List<Part>) request.getAttribute(BODY);
    }

    @Inject
    MemberService members;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    Instance<ProfileSection> sections;

    @Inject
    TemplateResolver templates;

    /** The sections in order, asked of CDI once: they are application scoped, and the page is a busy one. */
    private volatile List<ProfileSection> ordered;

    /**
     * The profile as {@code viewer} opens it ({@code GET /members/{id}}): every section hears of the view first (the
     * footprint is left this way).
     */
    public View visit(HttpServletRequest request, long viewer, String idParam) {
        MemberService.Profile owner = visibleMember(viewer, idParam);
        for (ProfileSection s : sections()) {
            s.viewed(viewer, owner.id());
        }
        return view(request, viewer, owner);
    }

    /** The profile page of {@code owner} for {@code viewer} (the caller has checked they may deal with each other). */
    public View view(HttpServletRequest request, long viewer, MemberService.Profile owner) {
        long id = owner.id();
        Relation relation = graph.relation(viewer, id);
        List<String> suffixes = Handset.of(request).templateSuffixes();
        List<Part> head = new ArrayList<>();
        List<Part> body = new ArrayList<>();
        for (ProfileSection s : sections()) {
            Object data = s.data(viewer, id);
            if (data != null) {
                String path = templates.resolve(request.getServletContext(), s.template(), suffixes);
                (s.splittable() ? body : head).add(new Part(s.title(), s.accessKey(), path, data));
            }
        }
        return View.of(TEMPLATE)
                .with("owner", owner)
                .with("self", viewer == id)
                .with("friend", relation == Relation.FRIEND)
                .with("relation", relation.name())
                .with("selfIntro", selfIntroFor(relation, owner))
                .with(HEAD, head)
                .with(BODY, body);
    }

    /** The owner's self-introduction as {@code viewer} may read it; null when its level does not reach them. */
    public String visibleSelfIntro(long viewer, MemberService.Profile owner) {
        return selfIntroFor(graph.relation(viewer, owner.id()), owner);
    }

    // the viewer may deal with the owner (checked before), so the relation decides, as AccessPolicy says
    private static String selfIntroFor(Relation relation, MemberService.Profile owner) {
        Visibility level = Visibility.parse(owner.selfIntroVisibility()).orElse(Visibility.PRIVATE);
        return AccessPolicy.levelsFor(relation).contains(level) ? owner.selfIntro() : null;
    }

    /** The member of the path, if the viewer may deal with them; else 404. */
    public MemberService.Profile visibleMember(long viewer, String idParam) {
        MemberId id;
        try {
            id = MemberId.valueOf(idParam);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return visibleMember(viewer, id);
    }

    /** The member of the path, if the viewer may deal with them; else 404. */
    public MemberService.Profile visibleMember(long viewer, MemberId id) {
        if (!policy.canInteract(viewer, id.value())) {
            throw notFound();
        }
        return members.profile(id.value()).orElseThrow(ProfilePage::notFound);
    }

    private static NotFound notFound() {
        return new NotFound("このメンバーのページは表示できません。");
    }

    private List<ProfileSection> sections() {
        List<ProfileSection> all = ordered;
        if (all == null) {
            all = ordered(sections.stream().toList());
            ordered = all;
        }
        return all;
    }

    /** The sections in their order, refused at the first view if two share an accesskey or one takes 0 or above 9. */
    static List<ProfileSection> ordered(List<ProfileSection> sections) {
        Set<Integer> keys = new HashSet<>();
        for (ProfileSection s : sections) {
            Integer k = s.accessKey();
            if (k != null && (k < 1 || k > 9 || !keys.add(k))) {
                throw new IllegalStateException(
                        "profile section " + s.getClass().getName() + ": accesskey " + k + " is taken or outside 1-9");
            }
        }
        return sections.stream()
                .sorted(Comparator.comparingInt(ProfileSection::order))
                .toList();
    }
}

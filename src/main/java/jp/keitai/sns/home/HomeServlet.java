package jp.keitai.sns.home;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.live.LiveHub;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.web.CurrentMember;
import jp.keitai.sns.web.TemplateResolver;
import jp.keitai.sns.web.View;
import jp.keitai.sns.web.ViewWriter;

/**
 * The member's home page ({@code GET /home}): the sections features contribute ({@link HomeSection}), in order.
 *
 * <p>A plain servlet, not a JAX-RS resource: it is the busiest page of all, and JAX-RS dispatch costs more than the
 * page itself once its data comes from memory (docs/performance.md). web.xml lets {@code /home}
 * past the JAX-RS filter; the page is drawn by the same {@link ViewWriter#render} as every other page.
 */
@WebServlet(urlPatterns = "/home")
public class HomeServlet extends HttpServlet {

    /** One section as the template sees it: its anchor, heading, resolved fragment path and data. */
    public static final class Part {
        private final int order;
        private final String title;
        private final String path;
        private final Object data;
        private final Integer key;

        Part(int order, String title, Integer key, String path, Object data) {
            this.order = order;
            this.key = key;
            this.title = title;
            this.path = path;
            this.data = data;
        }

        /** The section's order, also its in-page anchor ({@code #s100}). */
        public int getOrder() {
            return order;
        }

        /** The in-page anchor of the section, e.g. {@code s100}. */
        public String getAnchorId() {
            return "s" + order;
        }

        /** The accesskey of the section in the home menu (its own {@link HomeSection#accessKey()}). */
        public Integer getKeyNumber() {
            return key;
        }

        public String getTitle() {
            return title;
        }

        public String getPath() {
            return path;
        }

        public Object getData() {
            return data;
        }

        /** Whether the section's lines are in the timeline (its fragment then shows only its controls). */
        public boolean isInTimeline() {
            return data instanceof Timeline;
        }
    }

    /** The sections as the keitai home template reads them, in its Java loops (EL there costs too much). */
    @SuppressWarnings("unchecked")
    public static List<Part> parts(ServletRequest request) {
        return (List<Part>) request.getAttribute(SECTIONS);
    }

    /** The model entry (request attribute) of the sections, {@code ${sections}}. */
    private static final String SECTIONS = "sections";

    /** Who the home page is for, as its template shows them. */
    public record Me(long id, String nickname) {}

    @Inject
    CurrentMember currentMember;

    @Inject
    MemberService members;

    @Inject
    Instance<HomeSection> sections;

    @Inject
    TemplateResolver templates;

    @Inject
    LiveHub live;

    /** Where the page's live updates start ({@code ${live}}): the newest event when drawn, the polling interval. */
    public record Live(long since, int poll) {}

    /** The sections in order, asked of CDI once: they are application scoped, and the page is the busiest. */
    private volatile List<HomeSection> ordered;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!currentMember.isSignedIn()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER); // a guest signs in on the top page
            response.setHeader("Location", "/");
            return;
        }
        response.setContentType(MediaType.TEXT_HTML);
        ViewWriter.render(home(request, currentMember.memberId()), request, response, templates, currentMember);
    }

    private View home(HttpServletRequest request, long me) {
        List<String> suffixes = Handset.of(request).templateSuffixes();
        List<Part> parts = new ArrayList<>();
        List<HomeSection> all = ordered;
        if (all == null) {
            all = ordered(sections.stream().toList());
            ordered = all;
        }
        all.forEach(s -> {
            Object data = s.data(me);
            if (data != null) {
                parts.add(new Part(
                        s.order(),
                        s.title(),
                        s.accessKey(),
                        templates.resolve(request.getServletContext(), s.template(), suffixes),
                        data));
            }
        });
        // the member's name from memory: a warm home page reads no database at all
        String nickname = members.nicknames(List.of(me)).getOrDefault(me, "");
        View view = View.of("home/home").with("me", new Me(me, nickname)).with(SECTIONS, parts);
        return Handset.of(request).isKeitai()
                ? view
                : view.with(TIMELINE, timeline(parts)).with("live", new Live(live.latestId(), live.pollSeconds()));
    }

    /** The model entry of the PC and smartphone home's merged timeline, {@code ${timeline}}. */
    private static final String TIMELINE = "timeline";

    /** The lines of every section that has some ({@link Timeline}), newest first. */
    static List<TimelineEntry> timeline(List<Part> parts) {
        List<TimelineEntry> lines = new ArrayList<>();
        for (Part p : parts) {
            if (p.getData() instanceof Timeline t) {
                lines.addAll(t.timeline());
            }
        }
        lines.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return lines;
    }

    /**
     * The sections in their order, refused at the first page if two share an accesskey or one takes a key outside
     * 1–6 (7–9 are the member menu).
     */
    static List<HomeSection> ordered(List<HomeSection> sections) {
        java.util.Set<Integer> keys = new java.util.HashSet<>();
        for (HomeSection s : sections) {
            Integer k = s.accessKey();
            if (k != null && (k < 1 || k > 6 || !keys.add(k))) {
                throw new IllegalStateException(
                        "home section " + s.getClass().getName() + ": accesskey " + k + " is taken or outside 1-6");
            }
        }
        return sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .toList();
    }
}

package jp.keitai.sns.home;

/**
 * A part of the member home page that a feature contributes: pending マイミク requests, friends' diaries and voices,
 * new comments, the footprint count. {@code /home} asks every section bean in {@link #order()} and includes its
 * fragment template, so the home page needs no knowledge of the features and each feature keeps its own queries.
 *
 * <p>Sections are application scoped: {@code /home} asks CDI for them once and keeps the list.
 *
 * <p>A section must answer with a bounded number of queries, whatever the member's number of friends (the home page
 * is the busiest page of all; {@code voice/HomeQueryCountTest} counts its statements).
 */
public interface HomeSection {

    /** The request attribute a fragment finds its section's data in ({@code ${section}}). */
    String ATTRIBUTE = "section";

    /** The section's data as a fragment written in Java reads it (the keitai home's, where EL costs too much). */
    static <T> T dataOf(jakarta.servlet.ServletRequest request, Class<T> type) {
        return type.cast(request.getAttribute(ATTRIBUTE));
    }

    /** Position on the page; lower first. Voice 100, diaries 200, requests 300, comments 400, footprints 500. */
    int order();

    /**
     * The section's short heading, for the home page's accesskey menu (keep it to a few characters: keitai screens
     * are narrow).
     */
    String title();

    /**
     * The section's accesskey in the keitai home menu, 1–6 (7–9 are the member menu), or null for none. A key means
     * the same section whichever sections a member has today, so no two sections share one.
     */
    Integer accessKey();

    /**
     * The fragment template under {@code mobile-templates/}, resolved with family fallback like any view (e.g.
     * {@code voice/home_section} → {@code voice/home_section_keitai.jsp}). It sees its data as {@code ${section}}.
     */
    String template();

    /** The data the fragment shows for this member, or null to leave the section out. */
    Object data(long memberId);

    /**
     * Loads into memory what {@link #data} will read for these members, so their first home page after a restart
     * is served from memory too ({@link HomePrimer}). By default it simply asks {@link #data} for each; a
     * section whose reads can be batched may do better.
     */
    default void prime(java.util.List<Long> members) {
        members.forEach(this::data);
    }
}

package jp.keitai.sns.profile;

/**
 * A part of a member's profile page that a feature contributes: the friend count and mixiGraph link, the latest
 * diaries, the owner's own あしあと per day, 紹介文. {@code /members/{id}} asks every section bean in {@link #order()}
 * and includes its fragment template, so the profile page needs no knowledge of the features and each feature keeps
 * its own queries. Sections are application scoped.
 *
 * <p>A fragment sees its section's data as {@code ${section}}, its title as {@code ${sectionTitle}} and its accesskey as
 * {@code ${sectionKey}}; and the page's own values: {@code ${owner}} (id, nickname), {@code ${self}} (the viewer is the
 * owner), {@code ${friend}} (they are マイミク), {@code ${relation}} and {@code ${csrf}}.
 *
 * <p>The profile is a hot page: {@link #data} and {@link #viewed} must answer from memory once warm, with a bounded
 * number of queries when cold, whatever the member's number of friends.
 */
public interface ProfileSection {

    /** The request attribute a fragment finds its section's data in ({@code ${section}}). */
    String ATTRIBUTE = "section";

    /** The request attribute of the section's title ({@code ${sectionTitle}}). */
    String TITLE = "sectionTitle";

    /** The request attribute of the section's accesskey ({@code ${sectionKey}}). */
    String KEY = "sectionKey";

    /** Position on the page; lower first. Friends 100, diaries 200, あしあと 300, asking and blocking 400, 紹介文 500. */
    int order();

    /** The section's heading or the label of its link, as its fragment shows it (keitai screens are narrow). */
    String title();

    /**
     * The accesskey of the section's link on keitai, 1–9 (0 is the way home), or null for none. A key means the same
     * section on every profile, so no two sections share one.
     */
    Integer accessKey();

    /**
     * The fragment template under {@code mobile-templates/}, resolved with family fallback like any view (e.g.
     * {@code friend/profile_friends} → {@code friend/profile_friends_keitai.jsp}).
     */
    String template();

    /**
     * Whether the fragment may be long (free text of members): a keitai page puts it after the self-introduction, in
     * the part of the page that is cut into numbered parts to fit the handset's budget. Other sections come first,
     * under the owner's name, where their links stay on every part.
     */
    default boolean splittable() {
        return false;
    }

    /** What the fragment shows {@code viewer} on {@code owner}'s profile, or null to leave the section out. */
    Object data(long viewer, long owner);

    /**
     * Called when {@code viewer} opens {@code owner}'s profile (not when a form of the profile redraws it), before the
     * page is drawn; the viewer may deal with the owner. By default nothing happens.
     */
    default void viewed(long viewer, long owner) {}
}

package jp.keitai.sns.news;

/**
 * The id of a news article, comment or partner feed as it arrives in a URL ({@code @PathParam("id") NewsId id}): a
 * positive number, else the request names nothing. JAX-RS turns a path parameter that does not parse into 404.
 */
public record NewsId(long value) {

    public NewsId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a news id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static NewsId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a news id");
        }
        return new NewsId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

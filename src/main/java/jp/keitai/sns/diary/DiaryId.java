package jp.keitai.sns.diary;

/**
 * A diary's id as it arrives in a URL ({@code @PathParam("id") DiaryId id}): a positive number, else the request names
 * no diary. JAX-RS turns a path parameter that does not parse into 404.
 */
public record DiaryId(long value) {

    public DiaryId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a diary id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static DiaryId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a diary id");
        }
        return new DiaryId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

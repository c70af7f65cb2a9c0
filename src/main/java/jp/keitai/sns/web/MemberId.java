package jp.keitai.sns.web;

/**
 * A member's id as it arrives in a URL or form ({@code @PathParam("id") MemberId id}): a positive number, else the
 * request names nobody. JAX-RS turns a path parameter that does not parse into 404, a form field into 400.
 */
public record MemberId(long value) {

    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a member id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static MemberId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a member id");
        }
        return new MemberId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

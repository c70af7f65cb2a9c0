package jp.keitai.sns.friend;

/**
 * A マイミク request's id as it arrives in a URL ({@code @PathParam("id") RequestId id}): a positive number, else the
 * request names no マイミク request. JAX-RS turns a path parameter that does not parse into 404.
 */
public record RequestId(long value) {

    public RequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a request id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static RequestId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a request id");
        }
        return new RequestId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

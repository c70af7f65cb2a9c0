package jp.keitai.sns.member;

/**
 * An easy-login binding's id as it arrives in a URL ({@code @PathParam("id") BindingId id}): a positive number, else
 * the request names no binding. JAX-RS turns a path parameter that does not parse into 404, a form field into 400.
 */
public record BindingId(long value) {

    public BindingId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a binding id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static BindingId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a binding id");
        }
        return new BindingId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

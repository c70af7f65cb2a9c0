package jp.keitai.sns.voice;

/**
 * A voice's id as it arrives in a URL or form ({@code @PathParam("id") VoiceId id}): a positive number, else the
 * request names no voice. JAX-RS turns a path parameter that does not parse into 404.
 */
public record VoiceId(long value) {

    public VoiceId {
        if (value <= 0) {
            throw new IllegalArgumentException("not a voice id: " + value);
        }
    }

    /** Called by JAX-RS for {@code @PathParam}, {@code @QueryParam} and {@code @FormParam}. */
    public static VoiceId valueOf(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a voice id");
        }
        return new VoiceId(Long.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

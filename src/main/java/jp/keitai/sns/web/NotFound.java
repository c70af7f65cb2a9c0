package jp.keitai.sns.web;

/**
 * Thrown where an id names nothing the viewer may see (or nothing at all: the two look the same, so ids cannot be
 * probed). {@link NotFoundMapper} answers 404 with the message, in the handset's charset.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}

package jp.keitai.sns.mail.inbound;

/**
 * An image attached to an inbound mail, recognised by its bytes (not its declared type) as JPEG, PNG or GIF, whose
 * size and pixel count are within the limits. Dimensions come from the image header; nothing has been decoded.
 *
 * @param format {@code jpeg}, {@code png} or {@code gif}
 * @param filename the attachment's file name as sent (Unicode), or null
 */
public record PhotoCandidate(String format, String filename, byte[] bytes, int width, int height) {

    public String contentType() {
        return "image/" + format;
    }
}

package jp.keitai.sns.mail.inbound;

/** The mail cannot be read safely (broken MIME, a charset that does not fit, a decompression bomb): quarantine it. */
final class UnreadableMail extends Exception {

    UnreadableMail(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}

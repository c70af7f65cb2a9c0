package jp.keitai.sns.member;

import java.util.Locale;

/** Mail addresses as members type them: the domain is case-insensitive, the local part is kept as issued. */
public final class MailAddresses {
    private MailAddresses() {}

    public static String canonical(String address) {
        String a = address.trim();
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return a;
        }
        return a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}

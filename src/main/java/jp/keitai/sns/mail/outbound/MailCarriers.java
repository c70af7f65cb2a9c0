package jp.keitai.sns.mail.outbound;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which carrier a mail address belongs to, by its domain. Until {@link #use} hands it the carrier registry's lookup
 * ({@code CarrierRegistry::carrierOfMailAddress}, with the operators' mail domains) it answers from a small built-in
 * table; {@link #carrierOf(String)} is the one method the parser and the Mailer ask.
 */
public final class MailCarriers {

    public static final String DOCOMO = "docomo";
    public static final String AU = "au";
    public static final String SOFTBANK = "softbank";
    public static final String WILLCOM = "willcom";
    public static final String EMOBILE = "emobile";
    public static final String SMARTPHONE = "smartphone";
    public static final String PC = "pc";

    private static volatile Function<String, Optional<String>> registry;

    private MailCarriers() {}

    /**
     * Answer from this lookup from now on (address → carrier id; empty = not a carrier address, so pc); null goes back
     * to the built-in table.
     */
    public static void use(Function<String, Optional<String>> lookup) {
        registry = lookup;
    }

    /** The carrier id (docomo, au, softbank, willcom, emobile, smartphone, pc) of an address; pc when unknown. */
    public static String carrierOf(String address) {
        if (address == null) {
            return PC;
        }
        Function<String, Optional<String>> lookup = registry;
        if (lookup != null) {
            return lookup.apply(stripEnd(address.trim())).orElse(PC);
        }
        return builtIn(address);
    }

    private static String builtIn(String address) {
        int at = address.lastIndexOf('@');
        String domain = (at < 0 ? "" : address.substring(at + 1)).trim().toLowerCase(Locale.ROOT);
        domain = stripEnd(domain);
        if (domain.equals("docomo.ne.jp")) {
            return DOCOMO;
        }
        if (domain.equals("ezweb.ne.jp") || domain.endsWith(".ezweb.ne.jp") || domain.equals("au.com")) {
            return AU;
        }
        if (domain.equals("i.softbank.jp")) {
            return SMARTPHONE; // iPhone (MMS): UTF-8 and Unicode emoji
        }
        if (domain.equals("softbank.ne.jp") || domain.equals("disney.ne.jp") || domain.endsWith(".vodafone.ne.jp")) {
            return SOFTBANK;
        }
        if (domain.equals("willcom.com")
                || domain.equals("pdx.ne.jp")
                || domain.endsWith(".pdx.ne.jp")
                || domain.equals("wcm.ne.jp")) {
            return WILLCOM;
        }
        if (domain.equals("emnet.ne.jp") || domain.equals("emobile.ne.jp") || domain.equals("emobile-s.ne.jp")) {
            return EMOBILE;
        }
        return PC;
    }

    /** Without trailing {@code >} and whitespace (what {@code replaceAll("[>\\s]+$", "")} did, without a regex). */
    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && "> \t\n\u000B\f\r".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** keitai for the carrier handsets, else the carrier id itself (smartphone, pc): the template family. */
    public static String familyOf(String carrier) {
        return switch (carrier) {
            case DOCOMO, AU, SOFTBANK, WILLCOM, EMOBILE -> "keitai";
            default -> carrier;
        };
    }
}

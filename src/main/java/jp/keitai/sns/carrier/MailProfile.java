package jp.keitai.sns.carrier;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.keitai.sns.carrier.emoji.EmojiCodec;

/**
 * How mail to and from one carrier's handsets is written: the {@code [mail]} section of its carrier file. Mail code
 * reads these values instead of asking "is this docomo?". The emoji set is the carrier's own ({@code [carrier] emoji}).
 *
 * @param charset the Java charset that makes the text's bytes: Windows-31J (so ①, ～ and 髙 survive Shift_JIS),
 *     x-windows-50220 (ISO-2022-JP with the same extensions) or UTF-8
 * @param charsetLabel the charset name written into {@code Content-Type} and into encoded words
 * @param transferEncoding the text body's Content-Transfer-Encoding: {@code 7bit}, {@code 8bit} or {@code base64}
 * @param emoji where the carrier's emoji codes sit in that charset (the emoji codec's source for it)
 * @param domains mail domains whose mail is written for this carrier although another carrier's {@code [mail-domains]}
 *     lists them (SoftBank's {@code i.softbank.jp} belongs to iPhones); {@code *.domain} covers every subdomain
 */
public record MailProfile(
        Charset charset, String charsetLabel, String transferEncoding, EmojiCodec.Source emoji, List<String> domains) {

    /**
     * The mail settings of a carrier file without {@code [mail]} that has no shipped file of its name to inherit them
     * from: ISO-2022-JP, which every Japanese mail reader can show.
     */
    static final MailProfile DEFAULT =
            new MailProfile(EmojiCodec.Source.JIS.charset(), "ISO-2022-JP", "7bit", EmojiCodec.Source.JIS, List.of());

    static final Set<String> KEYS = Set.of("charset", "charset-label", "transfer-encoding", "emoji", "domains");

    private static final Set<String> TRANSFER_ENCODINGS = Set.of("7bit", "8bit", "base64");
    private static final String LABEL = "[A-Za-z0-9][A-Za-z0-9_.:-]*";

    public MailProfile {
        domains = List.copyOf(domains);
    }

    /**
     * The {@code [mail]} section's keys, checked: every key but {@code domains} is required, and the values must fit
     * together (the emoji source's charset is the mail charset; {@code 7bit} only for ISO-2022-JP).
     */
    static MailProfile parse(CarrierFile.Parser p, Map<String, String> m, Map<String, Integer> lines) {
        for (String required : List.of("charset", "charset-label", "transfer-encoding", "emoji")) {
            if (!m.containsKey(required)) {
                throw p.error("[mail] lacks '" + required + "'");
            }
        }
        Charset charset;
        try {
            charset = Charset.forName(m.get("charset"));
        } catch (IllegalArgumentException e) {
            throw p.at(lines, "charset").error("unknown charset " + m.get("charset"));
        }
        EmojiCodec.Source emoji = null;
        for (EmojiCodec.Source s : EmojiCodec.Source.values()) {
            if (s.charset().equals(charset)) {
                emoji = s;
            }
        }
        if (emoji == null) {
            throw p.at(lines, "charset").error("the mail charset is Windows-31J, x-windows-50220 or UTF-8");
        }
        String label = m.get("charset-label");
        if (!label.matches(LABEL)) {
            throw p.at(lines, "charset-label").error("charset-label is a charset name such as Shift_JIS");
        }
        String transfer = m.get("transfer-encoding").toLowerCase(Locale.ROOT);
        if (!TRANSFER_ENCODINGS.contains(transfer)) {
            throw p.at(lines, "transfer-encoding").error("transfer-encoding is 7bit, 8bit or base64");
        }
        if (transfer.equals("7bit") && emoji != EmojiCodec.Source.JIS) {
            throw p.at(lines, "transfer-encoding").error("7bit carries only ISO-2022-JP (x-windows-50220)");
        }
        String named = m.get("emoji").toUpperCase(Locale.ROOT);
        if (!named.equals(emoji.name())) {
            throw p.at(lines, "emoji")
                    .error("charset " + m.get("charset") + " carries emoji as "
                            + emoji.name().toLowerCase(Locale.ROOT)
                            + " (emoji is sjis, jis or unicode, as the charset)");
        }
        List<String> domains = m.containsKey("domains") && !m.get("domains").isBlank()
                ? List.of(m.get("domains").strip().split("\\s+"))
                : List.of();
        for (String d : domains) {
            if (!CarrierFile.DOMAIN.matcher(d.toLowerCase(Locale.ROOT)).matches()) {
                throw p.at(lines, "domains").error("not a mail domain: " + d + " (a domain, or *.domain)");
            }
        }
        return new MailProfile(
                charset,
                label,
                transfer,
                emoji,
                domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
    }
}

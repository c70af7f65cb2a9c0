package jp.keitai.sns.carrier.emoji;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Carrier emoji ↔ standard Unicode emoji, driven by the tables in {@code carrier-config/emoji/} (derived from
 * Unicode's EmojiSources.txt; see README). Inside the application emoji are always standard Unicode (fully
 * qualified, e.g. U+2600 U+FE0F); this class is the only place that knows the carriers' codes.
 *
 * <p>Both directions work on text Java has already decoded (or will encode) with the {@link Source}'s charset, so
 * the carrier codes appear as the characters that charset gives them: docomo Shift_JIS F89F is U+E63E in
 * Windows-31J, SoftBank's FB41 is the IBM extension kanji U+6DAC, au mail JIS 7541 is U+E0A0 in x-windows-50220.
 * Thread-safe and immutable.
 */
public final class EmojiCodec {

    /** Where text came from or is going to, which decides how a carrier's emoji look as Java characters. */
    public enum Source {
        /** Shift_JIS pages, forms and mail, decoded/encoded with Windows-31J. */
        SJIS("Windows-31J"),
        /** ISO-2022-JP mail, decoded/encoded with x-windows-50220 (au's mail emoji live here). */
        JIS("x-windows-50220"),
        /** UTF-8: carrier private-use code points (SoftBank U+E001.., docomo U+E63E.., au U+E468.. or "auto"). */
        UNICODE("UTF-8");

        private final Charset charset;

        Source(String charset) {
            this.charset = Charset.forName(charset);
        }

        /** The Java charset the text is decoded with / will be encoded with. */
        public Charset charset() {
            return charset;
        }
    }

    /** Shown for a carrier's private-use emoji that has no Unicode equivalent, and for characters a charset lacks. */
    public static final String GETA = "\u3013";

    static final String ROOT = "carrier-config/emoji/";
    private static final int VS16 = 0xFE0F;

    private static volatile EmojiCodec bundled;

    private final Map<String, String> setOfCarrier;
    /** set + source → carrier character (one UTF-16 unit each) → Unicode emoji. */
    private final Map<String, Map<Character, String>> decode;
    /** set + target → Unicode emoji → carrier character(s). */
    private final Map<String, EmojiTrie> encode;
    /** set + target → ordinary characters that the target charset would turn into one of that carrier's emoji. */
    private final Map<String, Set<Integer>> reserved;
    /** {@link #reserved} as bit sets, made on first use. */
    private final Map<String, BitSet> reservedBits = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per carrier set and target: the UTF-16 units {@link #fromUnicode} passes through unchanged. */
    private final Map<String, BitSet> plainUnits = new java.util.concurrent.ConcurrentHashMap<>();

    private final EmojiTrie fallbacks;
    /** Code points that start some emoji sequence of any table: the others skip the table lookups. */
    private volatile BitSet starters;

    private final BitSet sjisEncodable;
    private final BitSet jisEncodable;
    private final int mappings;

    private EmojiCodec(Function<String, InputStream> files) {
        EmojiTables tables = new EmojiTables(files);
        setOfCarrier = tables.setOfCarrier;
        decode = tables.decode;
        encode = tables.encode;
        reserved = tables.reserved;
        fallbacks = tables.fallbacks;
        mappings = tables.mappings;
        sjisEncodable = encodable(Source.SJIS.charset());
        jisEncodable = encodable(Source.JIS.charset());
    }

    /** The tables shipped on the class path under {@code carrier-config/emoji/}. */
    public static EmojiCodec bundled() {
        EmojiCodec codec = bundled;
        if (codec == null) {
            synchronized (EmojiCodec.class) {
                codec = bundled;
                if (codec == null) {
                    ClassLoader loader = EmojiCodec.class.getClassLoader();
                    codec = new EmojiCodec(name -> loader.getResourceAsStream(ROOT + name));
                    bundled = codec;
                }
            }
        }
        return codec;
    }

    /** Tables from a directory holding the same three files as {@code carrier-config/emoji/}. */
    public static EmojiCodec fromDirectory(java.nio.file.Path dir) {
        return new EmojiCodec(name -> {
            try {
                return java.nio.file.Files.newInputStream(dir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many Unicode ↔ carrier mappings the table holds (722 for EmojiSources.txt). */
    public int mappings() {
        return mappings;
    }

    /** The carrier ids this codec knows ({@code docomo}, {@code au}, {@code softbank}, {@code willcom}, …). */
    public Set<String> carriers() {
        return new TreeSet<>(setOfCarrier.keySet());
    }

    /**
     * The carrier's emoji in {@code text} become standard Unicode emoji; everything else is unchanged, except that a
     * private-use character the carrier uses for an emoji Unicode lacks becomes {@link #GETA} (it would mean nothing
     * anywhere else).
     *
     * @param text text decoded with {@code source.charset()}; null gives null
     * @param carrier carrier id (see {@link #carriers()})
     */
    public String toUnicode(String text, String carrier, Source source) {
        String set = setOf(carrier);
        Objects.requireNonNull(source, "source");
        if (text == null || !isCarrierSet(set)) {
            return text;
        }
        Map<Character, String> table = decode.getOrDefault(set + "/" + source, Map.of());
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = null;
            if (c >= 0x4E00) { // every carrier character is a kanji or private-use: skips ASCII and kana quickly
                replacement = table.get(c);
                if (replacement == null && isPrivateUse(c)) {
                    replacement = GETA;
                }
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Unicode emoji become the carrier's characters for {@code target}, so that encoding the result with
     * {@code target.charset()} gives the carrier's codes. Emoji the carrier lacks become a short Japanese text such as
     * {@code [太陽]}. For Shift_JIS and JIS targets the wave-dash family is mapped to the characters Windows-31J
     * encodes (〜 → ～, − → －, ‖ → ∥, ¢ £ ¬ → full width), and any remaining character the charset cannot hold becomes
     * {@link #GETA}, so the encoded result never contains {@code ?}.
     *
     * @param carrier carrier id; {@code pc} and {@code smartphone} keep Unicode emoji in UTF-8 and get the text
     *     fallback in Shift_JIS/JIS
     */
    public String fromUnicode(String text, String carrier, Source target) {
        Objects.requireNonNull(target, "target");
        if (text == null || (target == Source.UNICODE && setOf(carrier).equals("unicode"))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        fromUnicode(text, carrier, target, out);
        return out.toString();
    }

    /**
     * {@link #fromUnicode(String, String, Source)}, appended to {@code out}: the edge converts every page this way into
     * a buffer it reuses, without a copy of the page per step.
     */
    public void fromUnicode(CharSequence text, String carrier, Source target, StringBuilder out) {
        String set = setOf(carrier);
        Objects.requireNonNull(target, "target");
        if (target == Source.UNICODE && set.equals("unicode")) {
            out.append(text);
            return;
        }
        String key = set + "/" + target;
        EmojiTrie carrierTrie = isCarrierSet(set) ? encode.get(key) : null;
        Set<Integer> reservedHere = reserved.getOrDefault(key, Set.of());
        BitSet reservedSet = reservedBits.computeIfAbsent(key, k -> {
            BitSet b = new BitSet();
            reservedHere.forEach(b::set);
            return b;
        });
        BitSet charset = target == Source.SJIS ? sjisEncodable : target == Source.JIS ? jisEncodable : null;
        // What a handset shows as a text symbol: its charset's repertoire; on a keitai page in UTF-8 (SoftBank 3G,
        // EMOBILE) the handset's font still holds only the Shift_JIS repertoire, so ❣ or ↔ must not go out raw there
        // when docomo and au pages show the carrier's code or the text fallback for them.
        BitSet textRepertoire = charset != null ? charset : sjisEncodable;
        BitSet starts = starters();
        BitSet plain = plain(key, starts, reservedSet, charset);
        int run = 0; // the characters since run go out as they are, appended in one piece
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (plain.get(c) && (c >= 0x80 || !startsKeycap(text, i + 1))) {
                i++;
                continue;
            }
            out.append(text, run, i);
            int cp = Character.codePointAt(text, i);
            int n = Character.charCount(cp);
            if (cp < 0x80 && !startsKeycap(text, i + n)) {
                out.append((char) cp);
                i += n;
                run = i;
                continue;
            }
            boolean maybe = starts.get(cp);
            EmojiTrie.Match mine = !maybe || carrierTrie == null ? null : carrierTrie.match(text, i);
            EmojiTrie.Match fallback = maybe ? fallbacks.match(text, i) : null;
            if (mine != null && (fallback == null || fallback.end() <= skinTones(text, mine.end()))) {
                out.append(mine.value());
                i = skinTones(text, mine.end()); // the carrier has no skin tones: show the plain emoji
                run = i;
                continue;
            }
            if (fallback != null) {
                String original = text.subSequence(i, fallback.end()).toString();
                // a text-style symbol (⇔ ♪) the handset has stays itself; a picture the carrier lacks becomes words
                boolean keepAsText = fallback.textDefault()
                        && !fallback.selected()
                        && canEncode(textRepertoire, original)
                        && !containsAny(original, reservedHere);
                out.append(keepAsText ? original : fallback.value());
                i = fallback.end();
                run = i;
                continue;
            }
            if (isPrivateUse(cp)) {
                out.append(GETA); // would show as some carrier's unrelated pictogram
            } else if (charset == null) {
                out.appendCodePoint(cp);
            } else {
                int mapped = waveDash(cp);
                if (reservedSet.get(mapped) || !canEncode(charset, mapped)) {
                    out.append(GETA);
                } else {
                    out.appendCodePoint(mapped); // every character of every page: no boxing, no String
                }
            }
            i += n;
            run = i;
        }
        out.append(text, run, text.length());
    }

    /**
     * The UTF-16 units that go out unchanged for this carrier set and charset: ASCII (but see keycaps), and characters
     * that start no emoji, are not private use, need no wave-dash mapping, are not reserved and can be encoded.
     */
    private BitSet plain(String key, BitSet starts, BitSet reservedSet, BitSet charset) {
        return plainUnits.computeIfAbsent(key, k -> {
            BitSet b = new BitSet(0x10000);
            for (int c = 0; c < 0x10000; c++) {
                boolean same = c < 0x80
                        || (!Character.isSurrogate((char) c)
                                && !starts.get(c)
                                && !isPrivateUse(c)
                                && waveDash(c) == c
                                && !reservedSet.get(c)
                                && (charset == null || canEncode(charset, c)));
                if (same) {
                    b.set(c);
                }
            }
            return b;
        });
    }

    private BitSet starters() {
        BitSet b = starters;
        if (b == null) {
            b = new BitSet(0x110000);
            for (Integer cp : fallbacks.children.keySet()) {
                b.set(cp);
            }
            for (EmojiTrie t : encode.values()) {
                for (Integer cp : t.children.keySet()) {
                    b.set(cp);
                }
            }
            starters = b;
        }
        return b;
    }

    /** The text fallback for one emoji (with or without variation selector), if the tables know it. */
    public java.util.Optional<String> fallback(String emoji) {
        EmojiTrie.Match m = fallbacks.match(emoji, 0);
        return m != null && m.end() == emoji.length() ? java.util.Optional.of(m.value()) : java.util.Optional.empty();
    }

    /**
     * The Windows-31J / CP50220 equivalent of characters Java's Shift_JIS and Unicode disagree on, so ～ ∥ － ￠ ￡ ￢
     * survive a round trip through a Shift_JIS handset whichever form a PC posted.
     */
    public static int waveDash(int cp) {
        return switch (cp) {
            case 0x301C -> 0xFF5E; // WAVE DASH → FULLWIDTH TILDE
            case 0x2016 -> 0x2225; // DOUBLE VERTICAL LINE → PARALLEL TO
            case 0x2212 -> 0xFF0D; // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
            case 0x00A2 -> 0xFFE0;
            case 0x00A3 -> 0xFFE1;
            case 0x00AC -> 0xFFE2;
            case 0x2014 -> 0x2015; // EM DASH → HORIZONTAL BAR (Windows-31J 815C)
            case 0x00A6 -> 0xFFE4;
            default -> cp;
        };
    }

    private String setOf(String carrier) {
        Objects.requireNonNull(carrier, "carrier");
        String set = setOfCarrier.get(carrier.toLowerCase(Locale.ROOT));
        if (set == null) {
            throw new IllegalArgumentException(
                    "unknown carrier '" + carrier + "' (known: " + String.join(", ", carriers()) + ")");
        }
        return set;
    }

    private static boolean isCarrierSet(String set) {
        return !set.equals("unicode") && !set.equals("text");
    }

    private static boolean startsKeycap(CharSequence text, int next) {
        if (next >= text.length()) {
            return false;
        }
        char c = text.charAt(next);
        return c == 0x20E3 || c == VS16;
    }

    /** Skin tone modifiers after an emoji the carrier shows without them. */
    private static int skinTones(CharSequence text, int i) {
        while (i + 1 < text.length()) {
            int cp = Character.codePointAt(text, i);
            if (cp < 0x1F3FB || cp > 0x1F3FF) {
                break;
            }
            i += 2;
        }
        return i;
    }

    private static boolean containsAny(String s, Set<Integer> set) {
        return !set.isEmpty() && s.codePoints().anyMatch(set::contains);
    }

    private static boolean isPrivateUse(int cp) {
        return cp >= 0xE000 && cp <= 0xF8FF;
    }

    private static boolean canEncode(BitSet charset, String s) {
        return s.codePoints().allMatch(cp -> canEncode(charset, cp));
    }

    private static boolean canEncode(BitSet charset, int cp) {
        return cp < 0x10000 && charset.get(cp);
    }

    private static BitSet encodable(Charset charset) {
        BitSet set = new BitSet(0x10000);
        var encoder = charset.newEncoder();
        for (int c = 0; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c) && encoder.canEncode((char) c)) {
                set.set(c);
            }
        }
        return set;
    }
}

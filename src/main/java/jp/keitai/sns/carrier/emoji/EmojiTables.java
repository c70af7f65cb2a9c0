package jp.keitai.sns.carrier.emoji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.keitai.sns.carrier.emoji.EmojiCodec.Source;

/**
 * The three files of {@code carrier-config/emoji/} read into the lookups {@link EmojiCodec} works with: which set each
 * carrier uses, each carrier set's characters per source both ways, and the Japanese text fallbacks.
 */
final class EmojiTables {

    private static final String[] CARRIER_SETS = {"docomo", "au", "softbank"};
    private static final int VS16 = 0xFE0F;

    /** carrier id → emoji set (docomo, au, softbank, unicode or text). */
    final Map<String, String> setOfCarrier;
    /** set + source → carrier character (one UTF-16 unit each) → Unicode emoji. */
    final Map<String, Map<Character, String>> decode = new HashMap<>();
    /** set + target → Unicode emoji → carrier character(s). */
    final Map<String, EmojiTrie> encode = new HashMap<>();
    /** set + target → ordinary characters that the target charset would turn into one of that carrier's emoji. */
    final Map<String, Set<Integer>> reserved = new HashMap<>();
    /** Unicode emoji → Japanese text. */
    final EmojiTrie fallbacks = new EmojiTrie();
    /** How many Unicode ↔ carrier mappings emoji-carrier.tsv holds. */
    final int mappings;

    EmojiTables(Function<String, InputStream> files) {
        setOfCarrier = readCarriers(files);
        readFallbacks(files);
        mappings = readCarrierTable(files);
    }

    private static Map<String, String> readCarriers(Function<String, InputStream> files) {
        Map<String, String> map = new HashMap<>();
        for (String[] f : rows(files, "carriers.tsv", 2)) {
            String set = f[1];
            if (!set.equals("unicode")
                    && !set.equals("text")
                    && !List.of(CARRIER_SETS).contains(set)) {
                throw new IllegalStateException("carriers.tsv: unknown emoji set '" + set + "' for " + f[0]);
            }
            map.put(f[0], set);
        }
        return Map.copyOf(map);
    }

    private void readFallbacks(Function<String, InputStream> files) {
        for (String[] f : rows(files, "emoji-fallback-ja.tsv", 3)) {
            fallbacks.put(codePoints(f[0]), f[1], "text".equals(f[2]));
        }
    }

    private int readCarrierTable(Function<String, InputStream> files) {
        Charset sjis = Source.SJIS.charset();
        Charset jis = Source.JIS.charset();
        int count = 0;
        for (String[] f : rows(files, "emoji-carrier.tsv", 8)) {
            count++;
            int[] key = codePoints(f[0]);
            String unicode = qualified(key);
            // docomo: Shift_JIS code, private-use code point (the same character as Windows-31J decodes)
            addCarrier("docomo", f[1], sjis, f[4], null, key, unicode);
            addCarrier("au", f[2], sjis, f[5], f[7], key, unicode);
            addCarrier("softbank", f[3], sjis, f[6], null, key, unicode);
        }
        return count;
    }

    private void addCarrier(
            String set, String sjisHex, Charset sjis, String puaHex, String jisHex, int[] key, String u) {
        if (sjisHex.isEmpty()) {
            return;
        }
        String sjisChar = new String(hexBytes(sjisHex), sjis);
        if (sjisChar.length() != 1 || sjisChar.charAt(0) == '\uFFFD') {
            throw new IllegalStateException("emoji-carrier.tsv: " + set + " code " + sjisHex + " is not one character");
        }
        put(set, Source.SJIS, sjisChar, key, u);
        if (!(sjisChar.charAt(0) >= 0xE000 && sjisChar.charAt(0) <= 0xF8FF)) {
            reserved.computeIfAbsent(set + "/" + Source.SJIS, k -> new HashSet<>())
                    .add((int) sjisChar.charAt(0));
        }
        String pua = Character.toString(Integer.parseInt(puaHex, 16));
        put(set, Source.UNICODE, pua, key, u);
        if (set.equals("au")) {
            // au handsets' "auto" conversion to Unicode: Shift_JIS code − 0x700 (F660 → U+EF60); read, never written
            char auto = (char) (Integer.parseInt(sjisHex, 16) - 0x700);
            decode.computeIfAbsent(set + "/" + Source.UNICODE, k -> new HashMap<>())
                    .put(auto, u);
        }
        if (jisHex != null && !jisHex.isEmpty()) {
            byte[] h = hexBytes(jisHex);
            byte[] iso = {0x1B, '$', 'B', h[0], h[1], 0x1B, '(', 'B'};
            String jisChar = new String(iso, Source.JIS.charset());
            put(set, Source.JIS, jisChar, key, u);
        }
    }

    private void put(String set, Source source, String carrierChars, int[] key, String unicode) {
        if (carrierChars.length() != 1) {
            throw new IllegalStateException("emoji-carrier.tsv: " + set + " " + source + " gives " + carrierChars);
        }
        decode.computeIfAbsent(set + "/" + source, k -> new HashMap<>()).put(carrierChars.charAt(0), unicode);
        encode.computeIfAbsent(set + "/" + source, k -> new EmojiTrie()).put(key, carrierChars, false);
    }

    /** Stored form: text-default single emoji get U+FE0F, keycaps get it before U+20E3 (as RGI lists them). */
    private String qualified(int[] key) {
        StringBuilder sb = new StringBuilder();
        if (key.length == 2 && key[1] == 0x20E3) {
            return sb.appendCodePoint(key[0])
                    .appendCodePoint(VS16)
                    .appendCodePoint(0x20E3)
                    .toString();
        }
        for (int cp : key) {
            sb.appendCodePoint(cp);
        }
        boolean space = key[0] >= 0x2000 && key[0] <= 0x200F; // KDDI's en/em spaces are not pictures
        EmojiTrie.Match m = fallbacks.match(sb.toString(), 0);
        if (key.length == 1 && !space && m != null && m.textDefault()) {
            sb.appendCodePoint(VS16);
        }
        return sb.toString();
    }

    private static List<String[]> rows(Function<String, InputStream> files, String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = files.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("emoji table missing: " + EmojiCodec.ROOT + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(name + ":" + number + ": expected " + columns
                            + " tab-separated columns, found " + f.length);
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static int[] codePoints(String plusJoined) {
        String[] parts = plusJoined.split("\\+");
        int[] cps = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            cps[i] = Integer.parseInt(parts[i], 16);
        }
        return cps;
    }

    private static byte[] hexBytes(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}

package jp.keitai.sns.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A prefecture (都道府県) by its JIS X 0401 code, 1 北海道 … 47 沖縄県: a member's 現住所 and the region a 安否確認 asks.
 * Stored as the code; named by the list below.
 */
public record Prefecture(int code, String name) {

    private static final List<String> NAMES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県",
            "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
            "鹿児島県", "沖縄県");

    private static final List<Prefecture> ALL;

    static {
        List<Prefecture> all = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            all.add(new Prefecture(i + 1, NAMES.get(i)));
        }
        ALL = List.copyOf(all);
    }

    /** All 47, in code order (north to south), for the forms. */
    public static List<Prefecture> all() {
        return ALL;
    }

    /** The prefecture with this code; empty for null or a code outside 1–47. */
    public static Optional<Prefecture> of(Integer code) {
        return code == null || code < 1 || code > ALL.size() ? Optional.empty() : Optional.of(ALL.get(code - 1));
    }

    /**
     * The codes in a form's or a trigger's text: codes or names ("4,7" or "宮城県 福島県"), separated by commas, spaces or
     * 「・」「、」. Empty text gives an empty set.
     *
     * @throws IllegalArgumentException naming the first part that is neither
     */
    public static Set<Integer> parse(String text) {
        Set<Integer> out = new TreeSet<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,、・\\s　]+")) {
            if (part.isEmpty()) {
                continue;
            }
            out.add(codeOf(part).orElseThrow(() -> new IllegalArgumentException(part)));
        }
        return out;
    }

    private static Optional<Integer> codeOf(String part) {
        if (part.chars().allMatch(Character::isDigit) && part.length() <= 2) {
            return of(Integer.parseInt(part)).map(Prefecture::code);
        }
        for (Prefecture p : ALL) {
            // 「宮城」 as well as 「宮城県」; 北海道 has no suffix to drop
            if (p.name.equals(part) || p.name.substring(0, p.name.length() - 1).equals(part) && p.code != 1) {
                return Optional.of(p.code);
            }
        }
        return Optional.empty();
    }

    /** The names of these codes joined with 「・」 in code order (unknown codes left out). */
    public static String names(Collection<Integer> codes) {
        StringBuilder out = new StringBuilder();
        for (int code : new TreeSet<>(codes)) {
            of(code).ifPresent(p -> out.append(out.isEmpty() ? "" : "・").append(p.name));
        }
        return out.toString();
    }

    /** For templates ({@code ${p.code}}, {@code ${p.name}}). */
    public int getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}

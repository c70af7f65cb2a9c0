package jp.keitai.sns.carrier;

/**
 * Input-mode attributes for text fields in the handset's own dialect, for templates:
 * {@code <input type="text" name="nickname" ${handset.input.hiragana}>}. Empty where the browser has no such thing.
 */
public final class InputModes {

    private final String hiragana;
    private final String katakana;
    private final String alphabet;
    private final String numeric;

    private InputModes(String hiragana, String katakana, String alphabet, String numeric) {
        this.hiragana = hiragana;
        this.katakana = katakana;
        this.alphabet = alphabet;
        this.numeric = numeric;
    }

    static InputModes of(String style) {
        return switch (style) {
            // docomo, WILLCOM: istyle 1 全角かな, 2 半角カナ, 3 英字, 4 数字
            case "istyle" -> new InputModes("istyle=\"1\"", "istyle=\"2\"", "istyle=\"3\"", "istyle=\"4\"");
            // au: the WAP CSS input format
            case "wap-input-format" ->
                new InputModes(
                        "style='-wap-input-format:\"*&lt;ja:h&gt;\"'",
                        "style='-wap-input-format:\"*&lt;ja:hk&gt;\"'",
                        "style='-wap-input-format:\"*&lt;ja:en&gt;\"'",
                        "style='-wap-input-format:\"*&lt;ja:n&gt;\"'");
            // SoftBank
            case "mode" ->
                new InputModes("mode=\"hiragana\"", "mode=\"hankakukana\"", "mode=\"alphabet\"", "mode=\"numeric\"");
            case "html5" -> new InputModes("", "", "inputmode=\"latin\"", "inputmode=\"numeric\"");
            default -> new InputModes("", "", "", "");
        };
    }

    public String getHiragana() {
        return hiragana;
    }

    public String getKatakana() {
        return katakana;
    }

    public String getAlphabet() {
        return alphabet;
    }

    public String getNumeric() {
        return numeric;
    }
}

package jp.keitai.sns.member;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import jp.keitai.sns.web.CodePoints;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

/**
 * What a member's own input must be, wherever it is typed (registration, settings): nickname, password and profile as
 * constraints {@link FormCheck} checks, and the carrier and PC addresses, which depend on the carrier allow-list. Each
 * check throws {@link Refused} with the first problem; the parts are checked in the order of the form.
 */
final class AccountForm {

    static final int MAX_NICKNAME = 20;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72;
    static final int MAX_SELF_INTRO = 1000;

    static final String NOT_CARRIER = "携帯電話のメールアドレス（docomo・au・SoftBankなど）を入力してください。";
    static final String CARRIER_AS_PC = "PCメールアドレスには携帯電話以外のアドレスを入力してください。";
    static final String MALFORMED = "メールアドレスの形が正しくありません。";
    static final String RESERVED_NICKNAME = "そのニックネームは運営者用のため使えません。";
    /** The operator account's name as created ({@link OperatorBootstrap}); reserved even if the operator renames. */
    static final String OPERATOR_NICKNAME = "運営";

    static final String PC_MALFORMED = "PCメールアドレスの形が正しくありません。";

    private AccountForm() {}

    /** A nickname as stored (stripped: empty when only spaces were typed), counted in characters as members see them. */
    record Nickname(
            @NotEmpty(message = "{member.nickname.blank}")
            @CodePoints(max = MAX_NICKNAME, message = "{member.nickname.size}")
            String nickname) {}

    /** Checked after the length: a nickname is printed on every page, so no control characters. */
    record NicknameCharacters(
            @Pattern(regexp = "\\P{Cc}*", message = "{member.nickname.characters}")
            String nickname) {}

    /** A new password, as typed (absent counts as empty). */
    record Password(
            @Size(min = MIN_PASSWORD, message = "{member.password.short}")
            @Size(max = MAX_PASSWORD, message = "{member.password.long}")
            String password) {}

    /** The self-introduction as stored (stripped). */
    record SelfIntro(
            @CodePoints(max = MAX_SELF_INTRO, message = "{member.intro.size}")
            String selfIntro) {}

    /** Who may read the self-introduction. */
    record IntroVisibility(
            @NotNull(message = "{member.visibility.choose}")
            @Pattern(regexp = "everyone|friends|private", message = "{member.visibility.choose}")
            String visibility) {}

    /** The nickname to store (stripped); throws {@link Refused} unless it may be used. */
    static String nickname(String typed) {
        String n = typed == null ? null : typed.strip();
        FormCheck.check(new Nickname(n));
        FormCheck.check(new NicknameCharacters(n));
        return n;
    }

    /**
     * Throws {@link Refused} when the nickname is, but for width, case and spaces, 「運営」 or an operator account's
     * nickname: nobody may pass for the operator.
     */
    static void notReserved(String nickname, java.util.Collection<String> operatorNicknames) {
        String typed = fold(nickname);
        if (typed.equals(fold(OPERATOR_NICKNAME))
                || operatorNicknames.stream().anyMatch(n -> n != null && typed.equals(fold(n)))) {
            throw new Refused(RESERVED_NICKNAME);
        }
    }

    /** NFKC (full-width letters and digits to plain), no white space, lower case. */
    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC)
                .replaceAll("[\\s\u3000]+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** Throws {@link Refused} unless the password may be used. */
    static void password(String typed) {
        FormCheck.check(new Password(typed == null ? "" : typed));
    }

    /** The carrier address typed in a form; throws {@link Refused} unless it is on the carrier allow-list. */
    static MobileMailAddress mobile(String typed, CarrierMailDomains domains) {
        Optional<MobileMailAddress> mobile = MobileMailAddress.of(typed, domains);
        if (mobile.isPresent()) {
            return mobile.get();
        }
        Optional<String> domain = MobileMailAddress.domainOf(typed);
        if (domain.isEmpty()) {
            throw new Refused(MALFORMED);
        }
        throw new Refused(NOT_CARRIER + "（" + domain.get() + " は登録できるドメインにありません）");
    }

    /**
     * A (non-blank) PC address typed in a form, as stored; throws {@link Refused} unless it is a well-formed address
     * off the carrier allow-list.
     */
    static String pcAddress(String typed, CarrierMailDomains domains) {
        Optional<String> domain = MobileMailAddress.domainOf(typed);
        if (domain.isEmpty()) {
            throw new Refused(PC_MALFORMED);
        }
        if (domains.carrierOf(domain.get()).isPresent()) {
            throw new Refused(CARRIER_AS_PC);
        }
        return MailAddresses.canonical(typed);
    }

    /** A prefecture's JIS code from a form (1–47). */
    static int prefecture(String code) {
        String c = code.strip();
        if (!c.matches("\\d{1,2}") || Prefecture.of(Integer.parseInt(c)).isEmpty()) {
            throw new Refused("都道府県を一覧から選んでください。");
        }
        return Integer.parseInt(c);
    }
}

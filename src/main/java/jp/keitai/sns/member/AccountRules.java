package jp.keitai.sns.member;

import java.util.Optional;

/** What a member's own input must be, wherever it is typed: nickname, password, carrier and PC addresses. */
final class AccountRules {

    static final String NOT_CARRIER = "携帯電話のメールアドレス（docomo・au・SoftBankなど）を入力してください。";
    static final String CARRIER_AS_PC = "PCメールアドレスには携帯電話以外のアドレスを入力してください。";
    static final String MALFORMED = "メールアドレスの形が正しくありません。";
    static final String PC_MALFORMED = "PCメールアドレスの形が正しくありません。";

    private AccountRules() {}

    /** @return null when the nickname may be used, else the problem */
    static String checkNickname(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "ニックネームを入力してください。";
        }
        String n = nickname.strip();
        if (n.codePointCount(0, n.length()) > 20) {
            return "ニックネームは20文字までです。";
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            return "ニックネームに使えない文字が含まれています。";
        }
        return null;
    }

    /** @return null when the password may be used, else the problem */
    static String checkPassword(String password) {
        if (password == null || password.length() < 8) {
            return "パスワードは8文字以上にしてください。";
        }
        if (password.length() > 72) {
            return "パスワードは72文字までです。";
        }
        return null;
    }

    /** Why an address that is not on the carrier allow-list cannot be the carrier address. */
    static String mobileRefusal(String mobileEmail) {
        Optional<String> domain = MobileMailAddress.domainOf(mobileEmail);
        if (domain.isEmpty()) {
            return MALFORMED;
        }
        return NOT_CARRIER + "（" + domain.get() + " は登録できるドメインにありません）";
    }

    /** @return null when the (non-blank) address may be a PC address, else the problem */
    static String checkPcAddress(String pcEmail, CarrierMailDomains domains) {
        Optional<String> pcDomain = MobileMailAddress.domainOf(pcEmail);
        if (pcDomain.isEmpty()) {
            return PC_MALFORMED;
        }
        if (domains.carrierOf(pcDomain.get()).isPresent()) {
            return CARRIER_AS_PC;
        }
        return null;
    }
}

package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Carrier-issued local parts are kept as issued: never shortened at a quote or something that looks like a comment. */
class SenderAddressTest {

    @Test
    void aLocalPartWithParenthesesIsNotShortened() {
        assertEquals("a(--)l@ezweb.ne.jp", SenderAddress.of("a(--)l@ezweb.ne.jp", "x@example.com"));
        assertEquals("a(--)l@ezweb.ne.jp", SenderAddress.of(" a(--)l@ezweb.ne.jp (Taro)", ""));
        assertEquals("a(--)l@ezweb.ne.jp", SenderAddress.of("Taro <a(--)l@ezweb.ne.jp>", ""));
        assertEquals("a(--)l@ezweb.ne.jp", InboundMail.canonical("a(--)l@EZweb.ne.jp"));
    }

    @Test
    void quotedAndDottedLocalPartsStayWhole() {
        assertEquals("\"a..b\"@docomo.ne.jp", SenderAddress.of("\"a..b\"@docomo.ne.jp", ""));
        assertEquals("a..b@docomo.ne.jp", InboundMail.canonical(SenderAddress.of("\"a..b\"@docomo.ne.jp", "")));
        assertEquals("\"a..b\"@docomo.ne.jp", SenderAddress.of("=?UTF-8?B?5aSq6YOO?= <\"a..b\"@docomo.ne.jp>", ""));
        assertEquals("a..b.@docomo.ne.jp", SenderAddress.of("a..b.@docomo.ne.jp", ""));
    }

    @Test
    void ordinaryFormsAndTheEnvelopeFallback() {
        assertEquals("taro@example.com", SenderAddress.of("taro@example.com (Taro Yamada)", ""));
        assertEquals("taro@example.com", SenderAddress.of("\"Yamada, Taro\" <taro@example.com>", ""));
        assertEquals("env@example.com", SenderAddress.of(null, "env@example.com"));
        assertEquals("env@example.com", SenderAddress.of("   ", "env@example.com"));
    }
}

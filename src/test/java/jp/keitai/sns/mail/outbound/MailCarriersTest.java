package jp.keitai.sns.mail.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailCarriersTest {

    @Test
    void theBuiltInTableKnowsTheCarrierDomains() {
        assertEquals("docomo", MailCarriers.carrierOf("a..b.@docomo.ne.jp"));
        assertEquals("docomo", MailCarriers.carrierOf("\"a.b.\"@DoCoMo.ne.jp"));
        assertEquals("au", MailCarriers.carrierOf("x@ezweb.ne.jp"));
        assertEquals("au", MailCarriers.carrierOf("x@au.com"));
        assertEquals("softbank", MailCarriers.carrierOf("x@softbank.ne.jp"));
        assertEquals("softbank", MailCarriers.carrierOf("x@t.vodafone.ne.jp"));
        assertEquals("smartphone", MailCarriers.carrierOf("x@i.softbank.jp"));
        assertEquals("willcom", MailCarriers.carrierOf("x@dj.pdx.ne.jp"));
        assertEquals("emobile", MailCarriers.carrierOf("x@emnet.ne.jp"));
        assertEquals("pc", MailCarriers.carrierOf("x@example.com"));
        assertEquals("pc", MailCarriers.carrierOf(null));
    }

    @Test
    void theCarrierRegistryTakesOverWhenGiven() {
        try {
            // e.g. an operator removed ezweb.ne.jp: the registry no longer calls it au
            MailCarriers.use(a -> a.endsWith("@docomo.ne.jp") ? Optional.of("docomo") : Optional.empty());
            assertEquals("docomo", MailCarriers.carrierOf("a@docomo.ne.jp"));
            assertEquals("pc", MailCarriers.carrierOf("x@ezweb.ne.jp"));
        } finally {
            MailCarriers.use(null);
        }
        assertEquals("au", MailCarriers.carrierOf("x@ezweb.ne.jp"));
    }
}

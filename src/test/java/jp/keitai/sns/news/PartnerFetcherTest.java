package jp.keitai.sns.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading partner feeds over HTTP: the three formats in the three charsets, and every way a feed can fail. */
class PartnerFetcherTest {

    static FeedServer server;
    static final PartnerFetcher FETCHER =
            new PartnerFetcher(Duration.ofSeconds(2), Duration.ofSeconds(1), 65_536, true);

    @BeforeAll
    static void start() {
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rss2InShiftJisKeepsNecSpecialsAndWaveDash() throws Exception {
        List<PartnerFetcher.Item> items = FETCHER.fetch(server.url("/rss2-sjis.xml"));
        assertEquals(2, items.size());
        PartnerFetcher.Item first = items.get(0);
        // Windows-31J, not Java's Shift_JIS: ① is no U+FFFD and ～ is the full-width tilde
        assertEquals("東京で初雪①　気温は～２度", first.title());
        assertEquals("sjis-0001", first.key());
        assertEquals("http://news.example.jp/a/1", first.link());
        assertEquals("http://img.example.jp/snow.jpg", first.imageUrl());
        // markup and scripts are gone: text only
        assertEquals("都心で初雪を観測しました。", first.summary());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), first.published());
    }

    @Test
    void rss1RdfInEucJp() throws Exception {
        List<PartnerFetcher.Item> items = FETCHER.fetch(server.url("/rdf-eucjp.xml"));
        assertEquals(2, items.size());
        assertEquals("日経平均、続伸　円安が追い風", items.get(0).title());
        assertEquals("http://keizai.example.jp/n/100", items.get(0).key(), "RSS 1.0 items are kept by their link");
        assertEquals(Instant.parse("2026-12-05T01:00:00Z"), items.get(0).published());
        assertEquals("http://keizai.example.jp/img/101.jpg", items.get(1).imageUrl(), "the first <img> of the text");
        assertEquals("温泉街の老舗旅館が…", items.get(1).summary());
    }

    @Test
    void eucJpServedAsTextXmlWithoutCharsetStillReadsByTheProlog() throws Exception {
        server.put("/text-xml", FeedServer.bytes("rdf-eucjp.xml"), "text/xml");
        assertEquals(
                "日経平均、続伸　円安が追い風", FETCHER.fetch(server.url("/text-xml")).get(0).title());
    }

    @Test
    void atomInUtf8WithFourByteCharactersAndEmoji() throws Exception {
        List<PartnerFetcher.Item> items = FETCHER.fetch(server.url("/atom-utf8.xml"));
        assertEquals(2, items.size());
        PartnerFetcher.Item first = items.get(0);
        assertEquals("𠮷野家のアプリ、絵文字☀️に対応", first.title());
        assertEquals("urn:uuid:atom-0001", first.key());
        assertEquals("https://it.example.jp/e/1", first.link());
        assertEquals("https://it.example.jp/e/1.png", first.imageUrl());
        assertEquals("スマートフォン向けアプリが更新", first.summary());
        assertNull(items.get(1).imageUrl());
    }

    @Test
    void aMalformedFeedFails() {
        PartnerFetcher.Failed f =
                assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch(server.url("/malformed.xml")));
        assertTrue(f.getMessage().startsWith("フィードとして読めません"), f.getMessage());
    }

    @Test
    void aFeedThatNeverAnswersTimesOut() {
        PartnerFetcher.Failed f = assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch(server.url("/hang")));
        assertTrue(f.getMessage().contains("タイムアウト"), f.getMessage());
    }

    @Test
    void aFeedOverTheByteLimitFails() {
        server.put("/big", "<rss>".concat("x".repeat(70_000)).getBytes(StandardCharsets.UTF_8), "application/xml");
        PartnerFetcher.Failed f = assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch(server.url("/big")));
        assertTrue(f.getMessage().startsWith("大きすぎます"), f.getMessage());
    }

    @Test
    void missingFeedAndBadUrlsFail() {
        assertTrue(assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch(server.url("/nothing.xml")))
                .getMessage()
                .contains("404"));
        assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch("file:///etc/passwd"));
        assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch("ftp://example.jp/feed"));
    }

    @Test
    void addressesInsideOurNetworkAreRefusedUnlessAllowed() throws Exception {
        PartnerFetcher strict = new PartnerFetcher(Duration.ofSeconds(2), Duration.ofSeconds(1), 65_536, false);
        PartnerFetcher.Failed f =
                assertThrows(PartnerFetcher.Failed.class, () -> strict.fetch(server.url("/atom-utf8.xml")));
        assertTrue(f.getMessage().startsWith("内部ネットワーク"), f.getMessage());
        for (String internal : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "192.168.0.1",
                "172.16.0.1",
                "169.254.169.254",
                "::1",
                "fd00::1",
                "100.64.0.1",
                "0.0.0.0")) {
            assertTrue(PartnerFetcher.isInternal(InetAddress.getByName(internal)), internal);
        }
        assertTrue(!PartnerFetcher.isInternal(InetAddress.getByName("203.0.113.5")));
    }

    @Test
    void redirectsAreFollowedAFewTimes() throws Exception {
        server.redirect("/moved", "/atom-utf8.xml");
        assertEquals(2, FETCHER.fetch(server.url("/moved")).size());
        server.redirect("/loop", "/loop");
        assertTrue(assertThrows(PartnerFetcher.Failed.class, () -> FETCHER.fetch(server.url("/loop")))
                .getMessage()
                .contains("リダイレクト"));
    }
}

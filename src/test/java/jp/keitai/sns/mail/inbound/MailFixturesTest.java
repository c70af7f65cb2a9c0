package jp.keitai.sns.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import jp.keitai.sns.testsupport.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every carrier mail fixture in {@code src/test/resources/mail/} goes over real SMTP into the listener, is spooled in
 * H2 and in PostgreSQL, handled by a worker, and checked as the route's handler saw it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailFixturesTest {

    private static final String SUN = "\u2600\uFE0F";
    private static final String CLOUD = "\u2601\uFE0F";
    private static final String UMBRELLA = "\u2614";

    private record Expect(String state, BiConsumer<SpoolMessage, InboundMail> check) {}

    private static final Map<String, Expect> EXPECTED = new LinkedHashMap<>();

    private static void done(String fixture, BiConsumer<SpoolMessage, InboundMail> check) {
        EXPECTED.put(fixture, new Expect(SpoolMessage.DONE, check));
    }

    static {
        done("docomo-sjis-emoji.eml", (row, m) -> {
            assertEquals("hanako-7@docomo.ne.jp", m.from());
            assertEquals("docomo", m.carrier());
            assertEquals("今日の天気" + CLOUD, m.subject());
            assertEquals("晴れました" + SUN + "\n散歩に行きます。", m.text());
            assertEquals("<A1B2C3D4E5F6G7H8@docomo.ne.jp>", m.messageId());
        });
        done("docomo-base64-sjis.eml", (row, m) -> {
            assertEquals("①番目の日記", m.subject());
            assertEquals("ﾃｽﾄです～\n①②③と㈱", m.text());
        });
        done("docomo-decomail.eml", (row, m) -> {
            assertEquals("デコメ日記", m.subject());
            assertEquals("デコメで日記\n二行目です\n三行目", m.text());
            assertTrue(m.fromHtml());
            assertTrue(m.photos().isEmpty(), "the decoration GIF is not a photo");
        });
        done("docomo-rfc-violating-address.eml", (row, m) -> {
            assertEquals("a..b.@docomo.ne.jp", m.from());
            assertEquals("a..b.@docomo.ne.jp", m.fromCanonical());
            assertEquals("docomo", m.carrier());
            assertEquals("朝です", m.text());
        });
        done("docomo-quoted-local.eml", (row, m) -> {
            assertEquals("\"a.b.\"@docomo.ne.jp", m.from());
            assertEquals("a.b.@docomo.ne.jp", m.fromCanonical());
            assertEquals("docomo", m.carrier());
        });
        done("docomo-three-photos.eml", (row, m) -> {
            assertEquals("写真3枚", m.subject());
            assertEquals("お花見に行きました", m.text());
            assertEquals(3, m.photos().size());
            assertEquals(
                    List.of("DSC00001.JPG", "DSC00002.JPG", "DSC00003.JPG"),
                    m.photos().stream().map(PhotoCandidate::filename).toList());
            PhotoCandidate first = m.photos().get(0);
            assertEquals("jpeg", first.format());
            assertEquals(160, first.width());
            assertEquals(120, first.height());
            assertEquals(240, m.photos().get(2).width());
        });
        done("docomo-empty.eml", (row, m) -> {
            assertTrue(m.isEmpty());
            assertEquals("newbie-2009@docomo.ne.jp", m.from());
            assertEquals("", m.subject());
            assertEquals("", m.text());
        });
        done("au-jis-emoji.eml", (row, m) -> {
            assertEquals("au", m.carrier());
            assertEquals("雨" + UMBRELLA, m.subject());
            assertEquals("今日は" + SUN + "のち" + CLOUD + "\nFor au", m.text());
        });
        done("au-comment-local.eml", (row, m) -> {
            assertEquals("a(--)l@ezweb.ne.jp", m.from(), "not shortened to a@ezweb.ne.jp");
            assertEquals("a(--)l@ezweb.ne.jp", m.fromCanonical());
            assertEquals("au", m.carrier());
            assertEquals("かっこのある差出人", m.subject());
            assertEquals("括弧つきのアドレスから", m.text());
        });
        done("au-decomail.eml", (row, m) -> {
            assertEquals("デコレ", m.subject());
            assertEquals("デコレのテキスト", m.text());
            assertFalse(m.fromHtml(), "the plain alternative says it");
            assertTrue(m.photos().isEmpty());
        });
        done("au-photo.eml", (row, m) -> {
            assertEquals("うちのねこです", m.text());
            assertEquals(1, m.photos().size());
            assertEquals("neko.jpg", m.photos().get(0).filename());
        });
        done("softbank-utf8-emoji.eml", (row, m) -> {
            assertEquals("softbank", m.carrier());
            assertEquals("題名" + CLOUD, m.subject());
            assertEquals("本文" + SUN + "\nFor softbank", m.text());
        });
        done("softbank-sjis-emoji.eml", (row, m) -> {
            assertEquals("天気" + CLOUD, m.subject());
            assertEquals("晴れ" + SUN + "です", m.text());
        });
        done("softbank-decomail.eml", (row, m) -> {
            assertEquals("デコレメール", m.subject());
            assertEquals("ソフトバンクのデコレ\n絵文字" + SUN + "\n最後の段落", m.text());
            assertTrue(m.fromHtml());
            assertTrue(m.photos().isEmpty());
        });
        done("iphone-jis-circled.eml", (row, m) -> {
            assertEquals("smartphone", m.carrier());
            assertEquals("softbank@i.softbank.jp", m.from());
            assertEquals("テスト①", m.subject());
            assertEquals("丸数字のテストです②\n株式会社は㈱\nﾃｽﾄ (half-width kana)", m.text());
        });
        done("iphone-unicode-emoji.eml", (row, m) -> {
            assertEquals("masashi@i.softbank.jp", m.from());
            assertEquals("絵文字\uD83D\uDE00", m.subject());
            assertEquals("にこにこ\uD83D\uDE00と晴れ" + SUN, m.text());
        });
        done("willcom-sjis.eml", (row, m) -> {
            assertEquals("willcom", m.carrier());
            assertEquals("ウィルコム", m.subject());
            assertEquals("PHSから" + SUN, m.text());
        });
        done("pc-qp-alternative.eml", (row, m) -> {
            assertEquals("pc", m.carrier());
            assertEquals("taro.yamada@example.com", m.from());
            assertEquals("PCからの日記", m.subject());
            assertEquals("パソコンから送りました。長い行も=記号も大丈夫かな？ 〜 ここまで", m.text());
            assertFalse(m.fromHtml());
        });
        done("pc-base64-jis.eml", (row, m) -> {
            assertEquals("ＢＡＳＥ６４の本文", m.subject());
            assertEquals("こんにちは\nベースロクヨンです", m.text());
        });
        done("signature.eml", (row, m) -> assertEquals("本文一行目\n本文二行目", m.text()));
        done("android-png-gif-video.eml", (row, m) -> {
            assertEquals("au", m.carrier());
            assertEquals(
                    List.of("png", "gif"),
                    m.photos().stream().map(PhotoCandidate::format).toList());
            assertEquals(64, m.photos().get(0).width());
            assertEquals(48, m.photos().get(0).height());
            assertEquals(1, m.notes().size());
            assertTrue(m.notes().get(0).contains("movie.3gp"), m.notes().toString());
        });
        done("au-raw-jis-subject.eml", (row, m) -> {
            assertEquals("生の件名", m.subject());
            assertEquals("生のJISヘッダ", m.text());
        });
        done("split-encoded-word.eml", (row, m) -> assertEquals("分割された件名", m.subject()));
        EXPECTED.put("too-many-photos.eml", new Expect(SpoolMessage.REFUSED, (row, m) -> {
            assertTrue(row.getReason().contains("3枚まで"), row.getReason());
            assertNull(m, "the handler is not called");
        }));
        done("docomo-decomail-no-end.eml", (row, m) -> {
            // no closing --boundary-- anywhere: the parts that are there are read, the photo included
            assertEquals("デコメ日記", m.subject());
            assertEquals("デコメで日記\n二行目です\n三行目", m.text());
            assertEquals(1, m.photos().size(), "the camera photo; the decoration GIF is not one");
            assertEquals("DSC00042.JPG", m.photos().get(0).filename());
            assertEquals("jpeg", m.photos().get(0).format());
            assertTrue(
                    m.notes().stream().anyMatch(n -> n.contains("--boundary--")),
                    m.notes().toString());
        });
        EXPECTED.put("malformed-mime.eml", new Expect(SpoolMessage.REFUSED, (row, m) -> {
            // cut off inside the photo: the text is read, the half photo refuses the mail (the member is told)
            assertTrue(row.getReason().contains("画像が壊れています"), row.getReason());
            assertNull(m, "the handler is not called");
        }));
        EXPECTED.put("wrong-charset.eml", new Expect(SpoolMessage.QUARANTINED, (row, m) -> {
            assertTrue(row.getReason().contains("文字コード"), row.getReason());
            assertNull(m);
        }));
        EXPECTED.put("decompression-bomb.eml", new Expect(SpoolMessage.QUARANTINED, (row, m) -> {
            assertTrue(row.getReason().contains("画素数"), row.getReason());
            assertTrue(row.getReason().contains("10000×10000"), row.getReason());
            assertNull(m);
        }));
    }

    private final Map<String, MailRig> rigs = new LinkedHashMap<>();
    private final List<TestDb> dbs = new ArrayList<>();

    Stream<Arguments> cases() {
        List<String> engines = Boolean.getBoolean("it.skip.postgresql") ? List.of("H2") : List.of("H2", "PostgreSQL");
        return engines.stream().flatMap(e -> EXPECTED.keySet().stream().map(f -> Arguments.of(e, f)));
    }

    private synchronized MailRig rig(String engine) {
        return rigs.computeIfAbsent(engine, e -> {
            TestDb db = e.equals("H2") ? TestDb.h2() : TestDb.postgresql();
            dbs.add(db);
            return new MailRig(db.database(), Map.of());
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void fixtureArrivesAsTheHandlerExpects(String engine, String fixture) {
        MailRig rig = rig(engine);
        String to = fixture.equals("docomo-empty.eml") ? "get@" + MailRig.DOMAIN : "d.k3j5m2p8q9r4t6v7@sns.example.jp";
        long id = rig.spool(fixture, to);
        rig.work();
        SpoolMessage row = rig.row(id);
        Expect expect = EXPECTED.get(fixture);
        assertEquals(expect.state(), row.getState(), fixture + ": " + row.getReason());
        InboundMail mail = rig.handled.get(id);
        if (expect.state().equals(SpoolMessage.DONE)) {
            assertNotNull(mail);
            assertEquals(1, rig.posts(id), "one post in the worker's transaction");
        } else {
            assertEquals(0, rig.posts(id), "nothing half-written");
        }
        expect.check().accept(row, mail);
        assertEquals("test", row.getRoute());
    }

    @Test
    void everyFixtureIsCheckedAndThereAreAtLeastTwenty() throws IOException, URISyntaxException {
        Path dir = Path.of(MailFixturesTest.class.getResource("/mail/").toURI());
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".eml"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 20, files.toString());
        assertEquals(files, EXPECTED.keySet().stream().sorted().toList());
    }

    @AfterAll
    void close() {
        rigs.values().forEach(MailRig::close);
        dbs.forEach(TestDb::close);
    }
}

package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The edge's reused page buffers: the same bytes as encoding a String, and nothing carried from one page to the next. */
class PageBuffersTest {

    static final Charset SJIS = Charset.forName("Windows-31J");

    @Test
    void encodesAsStringGetBytesDoesWithoutTheSplitMarkers() {
        String page = "<html><body>見出し～①㈱ｶﾅ\uE63E" + PageSplitter.START + "<div>本文 ☃ 𠮷 \uD800 end</div>"
                + PageSplitter.END + "<hr>" + PageSplitter.START + "二つ目" + PageSplitter.END + "</body></html>";
        String expected = page.replace(PageSplitter.START, "").replace(PageSplitter.END, "");
        PageBuffers buffers = new PageBuffers();
        for (Charset charset : new Charset[] {SJIS, StandardCharsets.UTF_8, Charset.forName("x-windows-50220")}) {
            StringBuilder sb = buffers.next().append(page);
            int n = buffers.encode(sb, charset, true);
            assertArrayEquals(expected.getBytes(charset), Arrays.copyOf(buffers.bytes(), n), charset.name());
            n = buffers.encode(sb, charset, false); // not a page: markers are text like any other
            assertArrayEquals(page.getBytes(charset), Arrays.copyOf(buffers.bytes(), n), charset.name());
        }
    }

    @Test
    void growsForLongPages() {
        String page = "あいうえお<br>".repeat(20_000);
        PageBuffers buffers = new PageBuffers();
        int n = buffers.encode(new StringBuilder(page), SJIS, true);
        assertArrayEquals(page.getBytes(SJIS), Arrays.copyOf(buffers.bytes(), n));
    }

    @Test
    void stepsWriteIntoTheOtherBuffer() {
        PageBuffers buffers = new PageBuffers();
        buffers.page().append("captured");
        StringBuilder next = buffers.next();
        assertNotSame(buffers.page(), next);
        next.append(buffers.page()).append(" converted");
        buffers.swap();
        assertEquals("captured converted", buffers.page().toString());
        assertEquals("", buffers.next().toString(), "the step's input is free for the next step");
    }

    @Test
    void thePoolHandsOutEmptySetsAndLetsGrownOnesGo() {
        PageBuffers.Pool pool = new PageBuffers.Pool(2);
        PageBuffers first = pool.take();
        first.page().append("一人目のページ");
        first.next().append("変換後");
        pool.give(first);
        PageBuffers again = pool.take();
        assertSame(first, again);
        assertEquals("", again.page().toString());

        again.page().append("x".repeat(PageBuffers.KEPT_CHARS + 1));
        pool.give(again);
        assertNotSame(again, pool.take(), "a set grown by a long page is not kept");
    }

    @Test
    void aResponseCannotWriteIntoBuffersAfterItsPageIsFinished() {
        PageBuffers buffers = new PageBuffers();
        EdgeResponse edge = new EdgeResponse(
                stub(HttpServletResponse.class), stub(HttpServletRequest.class), null, "example.jp", buffers.page());
        PrintWriter writer = edge.getWriter();
        writer.print("自分のページ");
        assertEquals("自分のページ", edge.text().toString());
        edge.detach();
        buffers.page().setLength(0);
        buffers.page().append("次のリクエストのページ");
        assertThrows(NullPointerException.class, () -> {
            writer.print("遅れた書き込み");
            writer.flush();
        });
        edge.resetBuffer();
        edge.reset();
        assertEquals("次のリクエストのページ", buffers.page().toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> r = method.getReturnType();
            Object none = null;
            if (r == boolean.class) {
                none = Boolean.FALSE;
            } else if (r == int.class) {
                none = 0;
            } else if (r == long.class) {
                none = 0L;
            }
            return none;
        });
    }
}

package jp.keitai.sns.carrier;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The buffers one page passes through at the edge: what the page writes, the page converted for the handset, and its
 * encoded bytes. A set is taken from a small pool for one request and given back afterwards, so a page is converted
 * and encoded without a new copy of it per step. Not thread safe: one request holds a set at a time.
 */
final class PageBuffers {

    /** Characters a set keeps between requests; a set grown past this by a long page is let go. */
    static final int KEPT_CHARS = 16 * 1024;

    private static final int INITIAL_CHARS = 8 * 1024;

    /** The pool: sets given back beyond its size are let go. Owned by one {@link EdgeFilter}. */
    static final class Pool {
        private final ArrayBlockingQueue<PageBuffers> free;

        Pool(int size) {
            free = new ArrayBlockingQueue<>(size);
        }

        PageBuffers take() {
            PageBuffers b = free.poll();
            return b == null ? new PageBuffers() : b;
        }

        void give(PageBuffers b) {
            if (b.fitsForReuse()) {
                b.clear();
                free.offer(b);
            }
        }
    }

    private StringBuilder page = new StringBuilder(INITIAL_CHARS);
    private StringBuilder next = new StringBuilder(INITIAL_CHARS);
    private char[] chars = new char[INITIAL_CHARS];
    private byte[] bytes = new byte[2 * INITIAL_CHARS];
    private final Map<Charset, CharsetEncoder> encoders = new HashMap<>(4);

    /** The page so far: what it wrote while it ran, then what the last step made of it. */
    StringBuilder page() {
        return page;
    }

    /** An empty buffer for the next step to write into, other than {@link #page()}. */
    StringBuilder next() {
        next.setLength(0);
        return next;
    }

    /** After a step: what it wrote into {@link #next()} becomes the page. */
    void swap() {
        StringBuilder done = next;
        next = page;
        page = done;
    }

    /**
     * Encodes {@code page} with {@code charset}, leaving out every {@code <k:split>} marker when {@code stripMarkers}.
     * Characters the charset lacks become its replacement, as {@link String#getBytes(Charset)} does.
     *
     * @return how many bytes of {@link #bytes()} hold the result
     */
    int encode(StringBuilder page, Charset charset, boolean stripMarkers) {
        int n = page.length();
        if (chars.length < n) {
            chars = new char[n];
        }
        int length = 0;
        int from = 0;
        while (true) {
            int start = stripMarkers ? page.indexOf(PageSplitter.START, from) : -1;
            int end = stripMarkers ? page.indexOf(PageSplitter.END, from) : -1;
            boolean startFirst = start >= 0 && (end < 0 || start < end);
            int at = startFirst ? start : end >= 0 ? end : n; // the next marker, or the end of the page
            page.getChars(from, at, chars, length);
            length += at - from;
            if (at == n) {
                break;
            }
            from = at + (startFirst ? PageSplitter.START : PageSplitter.END).length();
        }
        CharsetEncoder encoder = encoders.computeIfAbsent(charset, c -> c.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        int most = (int) Math.ceil(length * (double) encoder.maxBytesPerChar()) + 16;
        if (bytes.length < most) {
            bytes = new byte[most];
        }
        ByteBuffer out = ByteBuffer.wrap(bytes);
        encoder.reset();
        encoder.encode(CharBuffer.wrap(chars, 0, length), out, true);
        encoder.flush(out);
        return out.position();
    }

    /** The bytes {@link #encode} wrote. */
    byte[] bytes() {
        return bytes;
    }

    private boolean fitsForReuse() {
        return page.capacity() <= KEPT_CHARS
                && next.capacity() <= KEPT_CHARS
                && chars.length <= KEPT_CHARS
                && bytes.length <= 3 * KEPT_CHARS + 16;
    }

    private void clear() {
        page.setLength(0);
        next.setLength(0);
    }
}

package jp.keitai.sns.carrier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Holds back what a page writes as characters so the edge can convert and encode it for the handset once it is
 * complete; bytes (JSON, images) pass straight through. Same-site URLs and redirects get the session id and the
 * carrier's link parameters; signed-in responses get no-store cache headers.
 */
final class EdgeResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final Handset handset;
    private final String host;
    private StringBuilder chars; // null once detached: a write then fails
    private PrintWriter writer;
    private boolean noStoreSent;

    /** @param chars where the page's characters go (the edge's {@link PageBuffers#page()}) */
    EdgeResponse(
            HttpServletResponse response,
            HttpServletRequest request,
            Handset handset,
            String host,
            StringBuilder chars) {
        super(response);
        this.chars = chars;
        this.request = request;
        this.handset = handset;
        this.host = host;
    }

    /** The session token the sign-in code left on the request, if any. */
    String sessionToken() {
        Object t = request.getAttribute(EdgeFilter.SESSION_TOKEN);
        return t instanceof String s && !s.isEmpty() ? s : null;
    }

    LinkRewriter links() {
        String token = sessionToken();
        return new LinkRewriter(
                handset.isUrlSession() ? token : null,
                handset.getHttpLinkParams(),
                host,
                request.getContextPath(),
                handset.isXhtml());
    }

    /**
     * A page's links (a template's {@code <c:url>}, {@code <k:link>}) are left as they are: {@link EdgeFilter} rewrites
     * every link of a finished HTML page once, with the same {@link LinkRewriter}, so links are not rewritten twice.
     * Other text gets its URLs rewritten here.
     */
    @Override
    public String encodeURL(String url) {
        return rewritesPage() ? url : links().url(super.encodeURL(url));
    }

    /** Whether the response is an HTML page, which the edge rewrites when it is finished (no type yet: HTML). */
    private boolean rewritesPage() {
        String type = getContentType();
        return type == null
                || type.regionMatches(true, 0, "text/html", 0, 9)
                || type.regionMatches(true, 0, "application/xhtml+xml", 0, 21);
    }

    @Override
    public String encodeRedirectURL(String url) {
        return links().url(super.encodeRedirectURL(url));
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        noStore();
        super.sendRedirect(links().url(location));
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "Location".equalsIgnoreCase(name) ? links().url(value) : value);
        if ("Content-Type".equalsIgnoreCase(name)) {
            noCharsetOnBytes(value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, "Location".equalsIgnoreCase(name) ? links().url(value) : value);
        if ("Content-Type".equalsIgnoreCase(name)) {
            noCharsetOnBytes(value);
        }
    }

    @Override
    public void setContentType(String type) {
        super.setContentType(type);
        noCharsetOnBytes(type);
    }

    /**
     * The container gives every response the context's default charset ({@code parameter-encoding default-charset} in
     * {@code glassfish-web.xml} sets the request <em>and</em> response encoding), which it then appends to any type:
     * {@code image/jpeg;charset=UTF-8}. An image, sound or download has no charset; some handsets refuse the type
     * with one. Cleared here as the type is set (issue 21).
     */
    private void noCharsetOnBytes(String type) {
        if (type != null && isBytes(type) && !type.toLowerCase(Locale.ROOT).contains("charset=")) {
            super.setCharacterEncoding(null);
        }
    }

    /** Image, audio, video and plain downloads: types whose content is not characters. */
    static boolean isBytes(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("image/")
                || t.startsWith("audio/")
                || t.startsWith("video/")
                || t.startsWith("application/octet-stream");
    }

    @Override
    public void setStatus(int sc) {
        if (sc >= 300 && sc < 400) {
            noStore();
        }
        super.setStatus(sc);
    }

    /**
     * Sent on every response while a member is signed in: a shared handset must not show it from cache. The files
     * under {@code /static/} (the stylesheet) are the same for everyone and are cached for a day instead.
     */
    void noStore() {
        if (noStoreSent || isCommitted()) {
            return;
        }
        HttpServletResponse r = (HttpServletResponse) getResponse();
        if (isSharedFile()) {
            noStoreSent = true;
            r.setHeader("Cache-Control", "public, max-age=86400");
            return;
        }
        if (sessionToken() == null) {
            return;
        }
        noStoreSent = true;
        r.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, private");
        r.setHeader("Pragma", "no-cache");
        r.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /** A file under {@code /static/} other than a page: the same bytes for every member and guest. */
    private boolean isSharedFile() {
        String uri = request.getRequestURI();
        return uri.startsWith(request.getContextPath() + "/static/") && !uri.endsWith(".jsp");
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new Capture());
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            // a page already wrote characters (a JSP included from JAX-RS); a later flush of bytes adds nothing
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}

                @Override
                public void write(int b) {}
            };
        }
        noStore();
        return super.getOutputStream();
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // the edge decides the charset of pages; byte responses keep what they set through the content type
    }

    @Override
    public void setContentLength(int len) {
        if (writer == null) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (writer == null) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer == null) {
            noStore();
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        if (chars != null) {
            chars.setLength(0);
        }
        if (writer == null) {
            super.resetBuffer();
        }
    }

    @Override
    public void reset() {
        if (chars != null) {
            chars.setLength(0);
        }
        super.reset();
        noStoreSent = false;
    }

    boolean hasText() {
        return writer != null;
    }

    /** The page is finished: a later write (a bug) fails instead of reaching buffers another request now uses. */
    void detach() {
        chars = null;
    }

    /** What the page wrote, complete. */
    StringBuilder text() {
        writer.flush();
        return chars;
    }

    /** The page's characters into {@link #chars}; unsynchronized, as one request writes its page. */
    private final class Capture extends Writer {
        @Override
        public void write(int c) {
            chars.append((char) c);
        }

        @Override
        public void write(char[] c, int off, int len) {
            chars.append(c, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            chars.append(s, off, off + len);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}

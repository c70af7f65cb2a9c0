package jp.keitai.sns.carrier;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The request as the application sees it: query string and URL-encoded form body in UTF-8 with Unicode emoji,
 * whatever charset the handset posted in. Jersey and {@code getParameter} both read the rewritten form.
 */
final class EdgeRequest extends HttpServletRequestWrapper {

    /** Thrown when a form body is over the limit; the edge answers 413. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final String query;
    private final byte[] body;
    private final Map<String, String[]> parameters;

    private EdgeRequest(HttpServletRequest request, String query, byte[] body, Map<String, String[]> parameters) {
        super(request);
        this.query = query;
        this.body = body;
        this.parameters = parameters;
    }

    static EdgeRequest wrap(HttpServletRequest request, Handset handset, UnaryOperator<String> emoji, int maxFormBytes)
            throws IOException, TooLarge {
        String query = FormDecoder.toUtf8(request.getQueryString(), handset.getCharset(), emoji);
        byte[] body = null;
        if (isUrlEncodedForm(request)) {
            long declared = request.getContentLengthLong();
            if (declared > maxFormBytes) {
                throw new TooLarge();
            }
            byte[] raw = readAtMost(request.getInputStream(), maxFormBytes + 1);
            if (raw.length > maxFormBytes) {
                throw new TooLarge();
            }
            body = FormDecoder.toUtf8(FormDecoder.latin1(raw), handset.getCharset(), emoji)
                    .getBytes(StandardCharsets.ISO_8859_1); // all ASCII after re-encoding
        } else if (request.getCharacterEncoding() == null) {
            // multipart and others: text parts come in the page charset
            request.setCharacterEncoding(handset.getCharset().name());
        }
        Map<String, String[]> parameters = null;
        if (body != null || query != null) {
            Map<String, List<String>> merged = new LinkedHashMap<>(FormDecoder.parse(query));
            if (body != null) {
                FormDecoder.parse(new String(body, StandardCharsets.US_ASCII))
                        .forEach((k, v) -> merged.merge(k, v, (a, b) -> {
                            List<String> all = new java.util.ArrayList<>(a);
                            all.addAll(b);
                            return all;
                        }));
            }
            parameters = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> e : merged.entrySet()) {
                parameters.put(e.getKey(), e.getValue().toArray(String[]::new));
            }
            parameters = Collections.unmodifiableMap(parameters);
        }
        return new EdgeRequest(request, query, body, parameters);
    }

    private static boolean isUrlEncodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod());
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getCharacterEncoding() {
        return body != null ? "UTF-8" : super.getCharacterEncoding();
    }

    @Override
    public String getContentType() {
        String type = super.getContentType();
        return body != null ? "application/x-www-form-urlencoded;charset=UTF-8" : type;
    }

    @Override
    public int getContentLength() {
        return body != null ? body.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return body != null ? body.length : super.getContentLengthLong();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the edge has already read the form");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public String getParameter(String name) {
        if (parameters == null) {
            return super.getParameter(name);
        }
        String[] v = parameters.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        if (parameters == null) {
            return super.getParameterValues(name);
        }
        String[] v = parameters.get(name);
        return v == null ? null : v.clone();
    }
}

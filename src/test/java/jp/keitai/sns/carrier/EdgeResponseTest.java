package jp.keitai.sns.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: images are served as {@code image/jpeg}, without the charset the container gives every response (the
 * context's default from {@code glassfish-web.xml}, which Payara appends to any type as {@code ;charset=UTF-8}).
 */
class EdgeResponseTest {

    /** The container's response as far as types go: a mime type, and a charset that starts as the context default. */
    static final class Container {
        String mime;
        String charset = "UTF-8";

        String contentType() {
            return mime == null ? null : charset == null ? mime : mime + ";charset=" + charset;
        }

        void type(String value) {
            int semi = value.indexOf(';');
            mime = semi < 0 ? value : value.substring(0, semi);
            int at = value.toLowerCase().indexOf("charset=");
            if (at >= 0) {
                charset = value.substring(at + 8).trim();
            }
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    HttpServletResponse.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setContentType" -> {
                            type((String) args[0]);
                            yield null;
                        }
                        case "setHeader", "addHeader" -> {
                            if ("Content-Type".equalsIgnoreCase((String) args[0])) {
                                type((String) args[1]);
                            }
                            yield null;
                        }
                        case "setCharacterEncoding" -> {
                            charset = (String) args[0];
                            yield null;
                        }
                        case "getContentType" -> contentType();
                        case "isCommitted" -> false;
                        default ->
                            method.getReturnType() == boolean.class
                                    ? Boolean.FALSE
                                    : method.getReturnType() == int.class ? 0 : null;
                    });
        }
    }

    private static EdgeResponse edge(Container c) {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : null);
        return new EdgeResponse(c.response(), request, null, "example.jp", new StringBuilder());
    }

    @Test
    void anImageTypeSetAsAHeaderCarriesNoCharset() {
        Container c = new Container();
        edge(c).setHeader("Content-Type", "image/jpeg"); // how JAX-RS sets it
        assertEquals("image/jpeg", c.contentType());
    }

    @Test
    void everyByteTypeLosesTheDefaultCharsetHoweverItIsSet() {
        for (String type :
                new String[] {"image/png", "image/gif", "audio/amr", "video/3gpp", "application/octet-stream"}) {
            Container c = new Container();
            edge(c).setContentType(type);
            assertEquals(type, c.contentType());
            Container d = new Container();
            edge(d).addHeader("Content-Type", type);
            assertEquals(type, d.contentType());
        }
    }

    @Test
    void textKeepsItsCharset() {
        Container c = new Container();
        edge(c).setContentType("text/plain");
        assertEquals("text/plain;charset=UTF-8", c.contentType());
        assertTrue(EdgeResponse.isBytes("IMAGE/JPEG"));
        assertFalse(EdgeResponse.isBytes("application/json"));
        assertFalse(EdgeResponse.isBytes("text/html"));
    }
}

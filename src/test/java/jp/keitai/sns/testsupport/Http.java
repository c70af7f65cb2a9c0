package jp.keitai.sns.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for tests against the running server, speaking as a given handset. */
public final class Http {

    public static final String PC_UA =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    public static final String DOCOMO_FOMA_UA = "DoCoMo/2.0 P903i(c100;TB;W24H12)";
    public static final String SMARTPHONE_UA =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

    private final URI base;
    private final String userAgent;
    private final HttpClient client;
    private final java.util.List<String> headers = new java.util.ArrayList<>();

    /** Sends this header with every later request (e.g. X-Forwarded-For, X-DCMGUID). */
    public Http header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** Places the client behind this address (the test client is a trusted proxy in arquillian.xml). */
    public Http from(String ip) {
        return header("X-Forwarded-For", ip);
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder b) {
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        return b;
    }

    /** A PC browser that keeps cookies. */
    public Http(URL base) {
        this(base, PC_UA, true);
    }

    /** A client with this User-Agent; {@code cookies} false behaves like an old handset that drops them. */
    public Http(URL base, String userAgent, boolean cookies) {
        this(base, userAgent, cookies, true);
    }

    /**
     * A PC browser talking to the address the server advertises, not over loopback: on a machine whose address is
     * public, the client is then no trusted proxy and its X-Forwarded-For must be ignored.
     */
    public static Http direct(URL base) {
        return new Http(base, PC_UA, true, false);
    }

    private Http(URL base, String userAgent, boolean cookies, boolean loopback) {
        // over loopback: the server may advertise another address of this machine, and only loopback is a trusted
        // proxy in arquillian.xml (so tests can place a handset behind a carrier gateway with X-Forwarded-For)
        URI given = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.base = loopback
                ? URI.create(given.getScheme() + "://127.0.0.1:" + given.getPort() + given.getRawPath())
                : given;
        this.userAgent = userAgent;
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.client = b.build();
    }

    public HttpResponse<byte[]> get(String path) {
        return get(path, userAgent);
    }

    /**
     * Posts a form, encoding values in the charset the handset's pages use. The guest forms (login, registration)
     * get the signed token of the top page's form, as a browser would post it, unless the caller gives one.
     */
    public HttpResponse<byte[]> post(String path, Charset charset, String... namesAndValues) {
        if (GUEST_FORMS.contains(path.replaceAll("\\?.*", ""))
                && !java.util.Arrays.asList(namesAndValues).contains("_csrf")) {
            String[] withToken = java.util.Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
            withToken[namesAndValues.length] = "_csrf";
            withToken[namesAndValues.length + 1] = guestCsrf();
            namesAndValues = withToken;
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(namesAndValues[i], charset))
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], charset));
        }
        return send(withHeaders(HttpRequest.newBuilder(uri(path)))
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.US_ASCII))
                .build());
    }

    public HttpResponse<byte[]> post(String path, String... namesAndValues) {
        return post(path, StandardCharsets.UTF_8, namesAndValues);
    }

    /** Signs in through the login form; returns the path the member was sent to (with its sid for keitai). */
    public String signIn(String email, String password) {
        HttpResponse<byte[]> r = post("/login", "email", email, "password", password);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + text(r, StandardCharsets.UTF_8));
        }
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static final java.util.Set<String> GUEST_FORMS = java.util.Set.of("/login", "/register");

    /** The signed token of the guest forms, from the top page's login form (a fresh client, not signed in). */
    public String guestCsrf() {
        Http guest;
        try {
            guest = new Http(base.toURL(), userAgent, false, true);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        guest.headers.addAll(headers);
        return csrf(text(guest.get("/"), StandardCharsets.ISO_8859_1));
    }

    /** The value of the hidden {@code _csrf} field on a page. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in page");
        }
        return m.group(1);
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    public URI uri(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (urlSession != null && !p.contains("sid=")) {
            p += (p.contains("?") ? "&" : "?") + urlSession;
        }
        return base.resolve(p);
    }

    private String urlSession;

    /**
     * Signs in as a cookieless handset does: the session then rides in every URL this client asks for, as the
     * server's rewritten links carry it.
     */
    public Http signInWithoutCookies(String email, String password) {
        String home = signIn(email, password);
        Matcher m = Pattern.compile("(sid=[^&]+)").matcher(home);
        if (!m.find()) {
            throw new AssertionError("no session in the URL after sign-in: " + home);
        }
        urlSession = m.group(1);
        return this;
    }

    /** Any method with any body and content type (null: none), as this handset: for wrong methods and odd forms. */
    public HttpResponse<byte[]> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = withHeaders(HttpRequest.newBuilder(uri(path))).header("User-Agent", userAgent);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
                .build());
    }

    public HttpResponse<byte[]> get(String path, String userAgent) {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)))
                .header("User-Agent", userAgent)
                .GET()
                .build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException stale) {
                // a pooled connection the server closed while the machine was busy ("EOF reached while reading"):
                // a GET is safe to ask again once, as a browser would
                if (!"GET".equals(request.method())) {
                    throw stale;
                }
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String text(HttpResponse<byte[]> response, Charset charset) {
        return new String(response.body(), charset);
    }
}

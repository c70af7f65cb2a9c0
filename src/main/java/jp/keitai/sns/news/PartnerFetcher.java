package jp.keitai.sns.news;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Element;
import org.jsoup.Jsoup;

/**
 * Reads one partner feed over HTTP (RSS 2.0, RSS 1.0/RDF or Atom, with Rome) into plain-text items. Bounded on every
 * side, since a partner's server is not ours: a connect timeout, a read timeout, a deadline for the whole download
 * (a server that drips a byte at a time), a byte limit, at most three redirects, and no addresses inside our own
 * network unless {@code allowPrivate} (tests, whose feed server is on 127.0.0.1). Every failure is a {@link Failed}
 * with a Japanese reason for the console.
 */
final class PartnerFetcher {

    static final int TITLE_MAX = 200;
    static final int SUMMARY_MAX = 1000;
    private static final int MAX_REDIRECTS = 3;

    /** One entry as stored: text only (markup removed), absolute http(s) URLs only. */
    record Item(String key, String title, String summary, String link, String imageUrl, Instant published) {}

    /** Why a feed could not be read. */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }

        Failed(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration deadline;
    private final int maxBytes;
    private final boolean allowPrivate;

    PartnerFetcher(Duration connectTimeout, Duration readTimeout, int maxBytes, boolean allowPrivate) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout.multipliedBy(3));
        this.maxBytes = maxBytes;
        this.allowPrivate = allowPrivate;
    }

    /** Fetches and parses the feed at {@code url}. */
    List<Item> fetch(String url) throws Failed {
        byte[] bytes;
        String contentType;
        URI uri = checkUrl(url);
        long started = System.nanoTime();
        for (int hop = 0; ; hop++) {
            checkHost(uri);
            HttpURLConnection c;
            try {
                c = (HttpURLConnection) uri.toURL().openConnection();
            } catch (IOException | IllegalArgumentException e) {
                throw new Failed("URLを開けません: " + e.getMessage(), e);
            }
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestProperty("User-Agent", "keitai-sns-news/1.0");
            c.setRequestProperty("Accept", "application/rss+xml, application/rdf+xml, application/atom+xml, */*");
            try {
                int status = c.getResponseCode();
                if (status >= 300 && status < 400 && c.getHeaderField("Location") != null) {
                    if (hop >= MAX_REDIRECTS) {
                        throw new Failed("リダイレクトが多すぎます");
                    }
                    uri = checkUrl(uri.resolve(c.getHeaderField("Location")).toString());
                    c.disconnect();
                    continue;
                }
                if (status != 200) {
                    throw new Failed("HTTP " + status);
                }
                contentType = c.getContentType();
                long length = c.getContentLengthLong();
                if (length > maxBytes) {
                    throw new Failed("大きすぎます（" + length + "バイト）");
                }
                try (InputStream in = c.getInputStream()) {
                    bytes = readLimited(in, started);
                }
                break;
            } catch (java.net.SocketTimeoutException e) {
                throw new Failed("応答がありません（タイムアウト）", e);
            } catch (IOException e) {
                throw new Failed("接続できません: " + e.getMessage(), e);
            } finally {
                c.disconnect();
            }
        }
        return parse(bytes, contentType);
    }

    private byte[] readLimited(InputStream in, long started) throws IOException, Failed {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            if (out.size() > maxBytes) {
                throw new Failed("大きすぎます（" + maxBytes + "バイトを超えました）");
            }
            if (System.nanoTime() - started > deadline.toNanos()) {
                throw new Failed("応答がありません（タイムアウト）");
            }
        }
        return out.toByteArray();
    }

    /**
     * Parses feed bytes. The charset comes from Rome's {@link XmlReader} (BOM, the HTTP content type, the XML
     * prolog); Shift_JIS and EUC-JP are then read with the superset charsets the Japanese outlets really write
     * (Windows-31J with ① and ～, eucJP-open), so no character becomes U+FFFD.
     */
    static List<Item> parse(byte[] bytes, String contentType) throws Failed {
        String encoding;
        try (XmlReader sniff = new XmlReader(new ByteArrayInputStream(bytes), contentType, true)) {
            encoding = sniff.getEncoding();
        } catch (IOException e) {
            throw new Failed("文字コードを判別できません: " + e.getMessage(), e);
        }
        SyndFeed feed;
        try (Reader reader = new InputStreamReader(skipBom(bytes), widen(encoding))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IllegalArgumentException e) {
            throw new Failed("フィードとして読めません: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new Failed("フィードとして読めません: " + e.getMessage(), e);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            Item item = item(e);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static ByteArrayInputStream skipBom(byte[] b) {
        int skip = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        return new ByteArrayInputStream(b, skip, b.length - skip);
    }

    static Charset widen(String encoding) {
        String e =
                encoding == null ? "UTF-8" : encoding.toUpperCase(Locale.ROOT).replace('_', '-');
        if (e.equals("SHIFT-JIS")
                || e.equals("SJIS")
                || e.equals("X-SJIS")
                || e.equals("MS932")
                || e.equals("WINDOWS-31J")
                || e.equals("CP932")) {
            return Charset.forName("Windows-31J");
        }
        if (e.equals("EUC-JP") || e.equals("X-EUC-JP") || e.equals("EUCJP")) {
            return Charset.forName("x-eucJP-Open");
        }
        try {
            return Charset.forName(encoding);
        } catch (IllegalArgumentException ex) {
            return Charset.forName("UTF-8");
        }
    }

    private static Item item(SyndEntry e) {
        String link = webUrl(e.getLink());
        String guid =
                e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().strip();
        String key = guid != null ? guid : link;
        String title = text(e.getTitle(), TITLE_MAX);
        if (key == null || title.isEmpty()) {
            return null; // nothing to keep it once by, or nothing to show
        }
        String html = "";
        if (e.getDescription() != null && e.getDescription().getValue() != null) {
            html = e.getDescription().getValue();
        } else if (!e.getContents().isEmpty()) {
            SyndContent c = e.getContents().get(0);
            html = c.getValue() == null ? "" : c.getValue();
        }
        Instant published = e.getPublishedDate() != null
                ? e.getPublishedDate().toInstant()
                : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : null;
        return new Item(key, title, text(html, SUMMARY_MAX), link, image(e, html), published);
    }

    /** Markup and entities to plain text, whitespace collapsed, at most {@code max} characters. */
    static String text(String html, int max) {
        if (html == null) {
            return "";
        }
        String t = Jsoup.parse(html).text().strip();
        if (t.codePointCount(0, t.length()) > max) {
            t = t.substring(0, t.offsetByCodePoints(0, max - 1)) + "…";
        }
        return t;
    }

    private static String image(SyndEntry e, String html) {
        for (SyndEnclosure en : e.getEnclosures()) {
            if (en.getType() != null && en.getType().startsWith("image/") && webUrl(en.getUrl()) != null) {
                return webUrl(en.getUrl());
            }
        }
        for (SyndLink l : e.getLinks()) {
            if ("enclosure".equals(l.getRel())
                    && l.getType() != null
                    && l.getType().startsWith("image/")
                    && webUrl(l.getHref()) != null) {
                return webUrl(l.getHref());
            }
        }
        for (Element el : e.getForeignMarkup()) {
            if ((el.getName().equals("thumbnail") || el.getName().equals("content"))
                    && webUrl(el.getAttributeValue("url")) != null) {
                return webUrl(el.getAttributeValue("url"));
            }
        }
        var img = Jsoup.parse(html).selectFirst("img[src]");
        return img == null ? null : webUrl(img.attr("src"));
    }

    /** The URL if it is an absolute http(s) URL of sensible length, else null. */
    static String webUrl(String s) {
        if (s == null || s.isBlank() || s.length() > 2048) {
            return null;
        }
        try {
            URI u = URI.create(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static URI checkUrl(String url) throws Failed {
        String ok = webUrl(url);
        if (ok == null) {
            throw new Failed("http:// か https:// で始まるURLではありません");
        }
        return URI.create(ok);
    }

    /** Refuses hosts inside our own network (loopback, private, link-local), unless allowed by the setting. */
    private void checkHost(URI uri) throws Failed {
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (isInternal(a)) {
                    throw new Failed("内部ネットワークのアドレスには接続しません: " + uri.getHost());
                }
            }
        } catch (UnknownHostException e) {
            throw new Failed("ホストが見つかりません: " + uri.getHost(), e);
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }
        return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64; // 100.64.0.0/10, carrier-grade NAT
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

package jp.keitai.sns.news;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The partner outlets, for tests without the internet: an HTTP server on 127.0.0.1 (a free port) serving the fixture
 * feeds of {@code src/test/resources/news/} at {@code /<file>}, anything a test puts at a path, a feed that never
 * answers ({@code /hang}: headers never come), and 404 elsewhere.
 */
final class FeedServer implements AutoCloseable {

    record Served(byte[] body, String contentType) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Served> paths = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.equals("/hang")) {
                    closing.await(60, TimeUnit.SECONDS); // never answers while the test runs
                    return;
                }
                Served s = paths.get(path);
                if (s == null) {
                    s = fixture(path.substring(1));
                }
                if (s == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (s.contentType().startsWith("redirect:")) {
                    exchange.getResponseHeaders()
                            .set("Location", s.contentType().substring(9));
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", s.contentType());
                exchange.sendResponseHeaders(200, s.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(s.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** A fixture file, served as {@code application/xml} without a charset: the XML prolog names it. */
    static Served fixture(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/news/" + name)) {
            return in == null ? null : new Served(in.readAllBytes(), "application/xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return fixture(name).body();
    }

    void put(String path, byte[] body, String contentType) {
        paths.put(path, new Served(body, contentType));
    }

    /** {@code from} answers 302 to {@code to} (a path or a URL). */
    void redirect(String from, String to) {
        paths.put(from, new Served(new byte[0], "redirect:" + to));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

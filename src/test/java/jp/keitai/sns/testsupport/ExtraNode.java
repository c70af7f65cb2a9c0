package jp.keitai.sns.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second (third, ...) Payara Micro node of the same build on the same PostgreSQL database as the node Arquillian
 * started, as {@code cluster/cluster.sh} runs them: the same WAR and settings, the same photo directory, its own data
 * directory, HTTP and SMTP ports. For tests of what must hold across nodes (cache invalidation by {@code NOTIFY},
 * jobs that run once per period, events that reach clients on another node). Only on PostgreSQL: H2 is embedded in
 * one process.
 *
 * <pre>
 * try (ExtraNode b = ExtraNode.start("b", Map.of())) {
 *     Http.get(b.url("/health"));
 * }
 * </pre>
 */
public final class ExtraNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int httpPort;
    private final int smtpPort;
    private final Path log;
    private final Path dataDir;

    private ExtraNode(String name, Process process, int httpPort, int smtpPort, Path dataDir) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.smtpPort = smtpPort;
        this.dataDir = dataDir;
        this.log = dataDir.resolve("node.log");
    }

    /** True when the tests run on PostgreSQL, the only database several nodes can share. */
    public static boolean possible() {
        return "postgresql".equals(System.getProperty("it.db"));
    }

    /**
     * Starts a node and waits until {@code /health} answers (up to 240 s).
     *
     * @param name a short name, used for the data directory and log ({@code <it.data.dir>-node-<name>})
     * @param settings extra {@code sns.*} settings for this node only, as system properties
     */
    public static ExtraNode start(String name, Map<String, String> settings) throws IOException, InterruptedException {
        if (!possible()) {
            throw new IllegalStateException("several nodes need PostgreSQL (it.db=postgresql)");
        }
        Path itData = Path.of(System.getProperty("it.data.dir", "target/it-data/postgresql"));
        Path dataDir = Path.of(itData + "-node-" + name);
        TestDatabases.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Outbox.alsoIn(dataDir.resolve("outbox")); // its dispatcher delivers mail queued on any node
        int httpPort = freePort();
        int smtpPort = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:TieredStopAtLevel=1"); // as the Arquillian node: C1 only starts a short-lived server faster
        cmd.add("-Dsns.data.dir=" + dataDir);
        cmd.add("-Dsns.photos.dir=" + itData.resolve("photos"));
        cmd.add("-Dsns.db.url=" + System.getProperty("it.db.url"));
        cmd.add("-Dsns.db.user=" + System.getProperty("it.db.user", ""));
        cmd.add("-Dsns.smtp.port=" + smtpPort);
        // the same settings as the Arquillian node (src/test/resources/arquillian.xml)
        cmd.add("-Dsns.mail.domain=sns.example.jp");
        cmd.add("-Dsns.mail.echo=true");
        cmd.add("-Dsns.password-reset.ttl-seconds=30");
        cmd.add("-Dsns.operator.email=operator@example.jp");
        cmd.add("-Dsns.operator.password=operator-pass");
        cmd.add("-Dsns.trusted-proxies=127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
        cmd.add("-Dsns.news.allow-private-hosts=true");
        cmd.add("-Dsns.news.poll-seconds=0");
        cmd.add("-Dsns.news.read-timeout-seconds=2");
        cmd.add("-Dsns.news.ranking-cache-seconds=0");
        for (Map.Entry<String, String> e : settings.entrySet()) {
            cmd.add("-D" + e.getKey() + "=" + e.getValue());
        }
        cmd.addAll(List.of(
                "-jar",
                System.getProperty("payara.microJar"),
                "--deploy",
                System.getProperty("it.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(httpPort),
                "--nohazelcast",
                "--prebootcommandfile",
                Path.of("src/main/payara/pre-boot-commands.asadmin")
                        .toAbsolutePath()
                        .toString()));
        Path log = dataDir.resolve("node.log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ExtraNode node = new ExtraNode(name, p, httpPort, smtpPort, dataDir);
        node.awaitHealthy();
        return node;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " stopped while starting:\n" + tail());
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("node " + name + " did not answer /health within 240 s:\n" + tail());
    }

    /** True when {@code /health} answers 200. */
    public boolean healthy() {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url("/health")).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The absolute URL of a path on this node, e.g. {@code url("/home")}. */
    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    public int httpPort() {
        return httpPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** This node's own data directory ({@code <it.data.dir>-node-<name>}): its file outbox is {@code outbox/}. */
    public Path dataDir() {
        return dataDir;
    }

    /** True while the node's process runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The end of the node's log, for assertion messages. */
    public String tail() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the node at once (SIGKILL), as a crash would: nothing of it gets to finish. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

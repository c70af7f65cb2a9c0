package jp.keitai.sns.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Black box: the packaged service started with a bad setting ends at once, naming the key. */
class BadSettingsIT {

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aBadValueStopsTheServiceWithTheKeyInTheLog() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("it.db")), "the database plays no part: run once");
        Path dir = Files.createTempDirectory("sns-bad-settings");
        Path log = dir.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1", // as the Arquillian node: a short-lived server starts faster on C1
                        "-jar",
                        System.getProperty("payara.microJar"),
                        "--deploy",
                        System.getProperty("it.war"),
                        "--contextroot",
                        "/",
                        "--port",
                        String.valueOf(freePort()),
                        "--nohazelcast")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("SNS_DATA_DIR", dir.toString());
        pb.environment().put("SNS_SMTP_PORT", "not-a-port");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the process should end by itself");
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
            assertTrue(out.contains("keitai-sns stops") && out.contains("sns.smtp.port='not-a-port'"));
        } finally {
            p.destroyForcibly();
            new File(log.toString()).delete();
        }
    }
}

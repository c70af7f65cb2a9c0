package jp.keitai.sns.mail.outbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.testsupport.TestDb;

/** Test templates in a directory of their own, and settings for a Mailer under test. */
final class OutboundFixtures {

    private OutboundFixtures() {}

    static final String NOTICE = "Subject: お知らせ ${name}さん☀️\n\n${name}さん、①～③の髙橋です☀️\n${baseUrl}/diary\n";

    /** Templates from {@code files} (name → text) under a temporary {@code mail-templates/}. */
    static MailTemplates templates(Map<String, String> files) {
        try {
            Path root = Files.createTempDirectory("mail-templates-");
            Path dir = Files.createDirectories(root.resolve("mail-templates"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey() + ".txt"), f.getValue(), StandardCharsets.UTF_8);
            }
            return new MailTemplates(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Settings settings(Path dataDir, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "sns.data.dir", dataDir.toString(),
                "sns.mail.domain", "sns.example.jp",
                "sns.base-url", "https://sns.example.jp"));
        values.putAll(more);
        return TestDb.settings(values);
    }
}

package jp.keitai.sns.testsupport;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The running server's outbox ({@code <sns.data.dir>/outbox/*.eml}), read as a recipient would. With several nodes
 * ({@link ExtraNode}) a queued mail is written by whichever node's dispatcher claimed it, so the other nodes' outboxes
 * are read too.
 */
public final class Outbox {

    private static final Session SESSION = session();

    /** The outboxes of the extra nodes started so far (kept after they stop: their mail was delivered). */
    private static final List<Path> OTHER_NODES = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Outbox() {}

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        return Session.getInstance(p);
    }

    /** Node A's outbox (the node Arquillian started). */
    public static Path dir() {
        return Path.of(System.getProperty("it.data.dir", "target/it-data/h2")).resolve("outbox");
    }

    /** Every node's outbox: node A's and those of the extra nodes. */
    public static List<Path> dirs() {
        List<Path> all = new java.util.ArrayList<>();
        all.add(dir());
        all.addAll(OTHER_NODES);
        return all;
    }

    /** Reads this extra node's outbox too ({@link ExtraNode#start} calls it). */
    static void alsoIn(Path outbox) {
        if (!OTHER_NODES.contains(outbox)) {
            OTHER_NODES.add(outbox);
        }
    }

    /** Waits (up to 20 s) for the newest mail to this address and returns it. */
    public static MimeMessage latestTo(String address) {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            MimeMessage found = find(address);
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no mail to " + address + " in " + dirs());
    }

    /**
     * Waits (up to a minute) until the newest mail to this address contains {@code text} (its line ends read as
     * {@code \n}) and returns it; a mail is usually there within a second, so it looks every 100 ms.
     */
    public static MimeMessage latestSaying(String address, String text) {
        String last = "";
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            MimeMessage found = find(address);
            if (found != null) {
                last = text(found).replace("\r\n", "\n");
                if (last.contains(text)) {
                    return found;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + address + " saying " + text + "; last: " + last);
    }

    /** The text of a mail (its first text part), decoded. */
    public static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return s;
            }
            if (content instanceof jakarta.mail.Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    if (mp.getBodyPart(i).isMimeType("text/plain")) {
                        return (String) mp.getBodyPart(i).getContent();
                    }
                }
            }
            throw new AssertionError("no text part");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first URL in a mail's text, as path and query relative to the server. */
    public static String firstPath(MimeMessage m) {
        Matcher u = Pattern.compile("https?://[^/\\s]+(/[^\\s]*)").matcher(text(m));
        if (!u.find()) {
            throw new AssertionError("no URL in mail: " + text(m));
        }
        return u.group(1);
    }

    /** How many mails to this address are in the outbox now. */
    public static long countTo(String address) {
        long count = 0;
        try {
            for (Path f : files()) {
                MimeMessage m;
                try (InputStream in = Files.newInputStream(f)) {
                    m = new MimeMessage(SESSION, in);
                }
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
                        count++;
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return count;
    }

    /** The mail files of every node's outbox. */
    private static List<Path> files() throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (Path dir : dirs()) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".eml")).forEach(all::add);
                }
            }
        }
        return all;
    }

    private static MimeMessage find(String address) {
        try {
            List<Path> sorted = files().stream()
                    .sorted((a, b) -> Long.compare(modified(b), modified(a)))
                    .toList();
            for (Path f : sorted) {
                MimeMessage m;
                try (InputStream in = Files.newInputStream(f)) {
                    m = new MimeMessage(SESSION, in);
                }
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
                        return m;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}

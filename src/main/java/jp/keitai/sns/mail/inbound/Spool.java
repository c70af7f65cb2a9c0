package jp.keitai.sns.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import jp.keitai.sns.system.Database;

/** Writes accepted mail into {@code mail_spool}: one row per recipient, all in one transaction. */
public final class Spool {

    private final Database database;

    public Spool(Database database) {
        this.database = database;
    }

    /** Who sent the mail, as the SMTP session saw it. */
    public record Envelope(String remoteAddr, String helo, String from, List<String> recipients) {}

    /**
     * Stores the mail and returns the new row ids once committed; throws when it could not (the listener then answers
     * 4xx and the sender retries).
     */
    public List<Long> accept(Envelope envelope, byte[] raw, Instant now) {
        String messageId = messageId(raw);
        return database.tx(em -> {
            List<SpoolMessage> rows = new ArrayList<>();
            for (String recipient : envelope.recipients()) {
                String local = localPart(recipient);
                SpoolMessage row = new SpoolMessage(
                        now,
                        envelope.remoteAddr(),
                        envelope.helo(),
                        envelope.from() == null ? "" : envelope.from(),
                        recipient,
                        local,
                        messageId,
                        dedupKey(messageId, raw, local),
                        raw);
                em.persist(row);
                rows.add(row);
            }
            em.flush();
            return rows.stream().map(SpoolMessage::getId).toList();
        });
    }

    /** The local part of an address, without quotes. */
    static String localPart(String address) {
        String a = address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return local;
    }

    /** The Message-ID header, read leniently; null when absent or unreadable. */
    static String messageId(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String id = headers.getHeader("Message-ID", null);
            if (id == null) {
                return null;
            }
            id = id.replaceAll("\\s+", "");
            return id.isEmpty() ? null : id;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Same Message-ID to the same local part = the same mail (an MTA retrying, a member pressing send twice). Without a
     * Message-ID only identical bytes are the same mail.
     */
    static String dedupKey(String messageId, byte[] raw, String localPart) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (messageId != null) {
                sha.update(("id:" + messageId).getBytes(StandardCharsets.UTF_8));
            } else {
                sha.update("raw:".getBytes(StandardCharsets.UTF_8));
                sha.update(raw);
            }
            sha.update(("\n" + localPart.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package jp.keitai.sns.diary;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code multipart/form-data} diary form (PC and smartphone pages, which can attach photos): text fields decoded in
 * the page charset, files kept as bytes. Read with Jakarta Mail's MIME parser, bounded in size before parsing.
 */
public final class Uploads {

    /** Thrown when the form is larger than the photos it may carry. */
    public static final class TooLarge extends Exception {}

    private final Map<String, List<String>> fields = new HashMap<>();
    private final List<byte[]> files = new ArrayList<>();

    private Uploads() {}

    public static Uploads read(String contentType, InputStream in, Charset charset, long maxBytes)
            throws IOException, TooLarge {
        byte[] raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (raw.length > maxBytes) {
            throw new TooLarge();
        }
        Uploads out = new Uploads();
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(raw, contentType));
            for (int i = 0; i < multipart.getCount(); i++) {
                MimeBodyPart part = (MimeBodyPart) multipart.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                if (disposition == null || disposition.length == 0) {
                    continue;
                }
                ContentDisposition cd = new ContentDisposition(disposition[0]);
                String name = cd.getParameter("name");
                if (name == null) {
                    continue;
                }
                byte[] bytes;
                try (InputStream body = part.getRawInputStream()) {
                    bytes = body.readAllBytes();
                }
                if (cd.getParameter("filename") != null) {
                    if (bytes.length > 0) {
                        out.files.add(bytes);
                    }
                } else {
                    out.fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(bytes, charset));
                }
            }
        } catch (MessagingException e) {
            throw new IOException("not a multipart form", e);
        }
        return out;
    }

    public String field(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    java.util.Set<String> names() {
        return fields.keySet();
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public List<byte[]> files() {
        return files;
    }
}

package jp.keitai.sns.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.keitai.sns.carrier.CarrierProfile;
import jp.keitai.sns.carrier.CarrierRegistry;

/**
 * Raw spooled bytes to an {@link InboundMail}, with Jakarta Mail (Angus) doing the MIME and {@link MailText} the
 * Japanese. Broken MIME, text that does not fit its declared charset and decompression bombs quarantine the mail;
 * photo limits refuse it (the route may tell the member).
 */
final class MailParser {

    private static final int MAX_DEPTH = 10;
    private static final int MAX_PARTS = 100;
    private static final Pattern CID = Pattern.compile("cid:([^\"'\\s>)]+)", Pattern.CASE_INSENSITIVE);

    /**
     * Jakarta Mail looks up its {@code StreamProvider} with a {@code ServiceLoader} scan on every header block and
     * every decoded part, which is slow through Payara's class loaders. Naming the provider in its system property
     * skips the scan. Only set when unset, and only when Angus (the provider Jakarta Mail would find anyway) is there.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            try {
                Class.forName(ANGUS_STREAM_PROVIDER, false, MailParser.class.getClassLoader());
                System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                // another Jakarta Mail implementation: it is found the slow way
            }
        }
    }

    private final InboundSettings settings;
    private final CarrierRegistry carriers;
    private final Session session;

    /** @param carriers which carrier a sender is, and so which emoji set its mail uses */
    MailParser(InboundSettings settings, CarrierRegistry carriers) {
        this.settings = settings;
        this.carriers = carriers;
        Properties p = new Properties();
        // docomo addresses such as a..b.@docomo.ne.jp are real
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        this.session = Session.getInstance(p);
    }

    /** The parsed mail, and the reason the channel refuses it (null when it goes to the route's handler). */
    record Parsed(InboundMail mail, String refusal) {}

    Parsed parse(SpoolMessage row) throws UnreadableMail {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(row.getRaw()));
            if (!message.getAllHeaders().hasMoreElements()) {
                throw new UnreadableMail("メールのヘッダがありません");
            }
            String from = SenderAddress.of(message.getHeader("From", ","), row.getEnvelopeFrom());
            CarrierProfile carrier = carriers.mailProfileOf(from);
            Walk walk = new Walk(carrier.getEmoji());
            Text text = walk.text(message, 0);
            String subject = MailText.header(message.getHeader("Subject", null), carrier.getEmoji());
            String auto = message.getHeader("Auto-Submitted", null);
            String precedence = message.getHeader("Precedence", null);

            List<Image> photos = new ArrayList<>();
            for (Image image : walk.images) {
                if (image.cid == null || !walk.htmlCids.contains(image.cid)) {
                    photos.add(image);
                }
            }
            List<PhotoCandidate> candidates = new ArrayList<>();
            String refusal = walk.broken.isEmpty() ? null : "画像が壊れています（" + walk.broken.get(0) + "）";
            for (Image image : photos) {
                int[] size = ImageProbe.dimensions(image.format, image.bytes);
                if (size == null) {
                    refusal = refusal != null ? refusal : "画像が壊れています（" + name(image) + "）";
                    continue;
                }
                if ((long) size[0] * size[1] > settings.maxPhotoPixels()) {
                    throw new UnreadableMail(
                            "画像の画素数が大きすぎます（" + size[0] + "×" + size[1] + "、" + name(image) + "）。展開すると巨大になる画像の疑いがあります");
                }
                candidates.add(new PhotoCandidate(image.format, image.filename, image.bytes, size[0], size[1]));
            }
            if (refusal == null && photos.size() > settings.maxPhotos()) {
                refusal = "写真は" + settings.maxPhotos() + "枚までです（" + photos.size() + "枚ありました）";
            }
            if (refusal == null) {
                for (Image image : photos) {
                    if (image.bytes.length > settings.maxPhotoBytes()) {
                        refusal = "写真1枚の大きさは" + settings.maxPhotoBytes() / 1024 + "KBまでです（" + name(image) + "は"
                                + image.bytes.length / 1024 + "KB）";
                        break;
                    }
                }
            }
            InboundMail mail = new InboundMail(
                    row.getId() == null ? 0 : row.getId(),
                    row.getMessageId(),
                    row.getDedupKey(),
                    row.getEnvelopeFrom(),
                    from,
                    row.getRecipient(),
                    row.getLocalPart(),
                    carrier.getId(),
                    subject,
                    MailText.tidy(text.text),
                    text.html,
                    candidates,
                    walk.notes,
                    autoSubmitted(auto),
                    bulk(precedence),
                    row.getReceivedAt());
            return new Parsed(mail, refusal);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMail("MIMEの構造が壊れています: " + MailText.clip(String.valueOf(e.getMessage())));
        }
    }

    /**
     * What can be read of a mail that cannot be parsed (to answer it): the envelope and the From, Subject,
     * Auto-Submitted and Precedence headers as far as they are readable; no text, no photos. Never throws.
     */
    InboundMail partial(SpoolMessage row) {
        String fromHeader = null;
        String subjectHeader = null;
        String auto = null;
        String precedence = null;
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(row.getRaw()));
            fromHeader = headers.getHeader("From", ",");
            subjectHeader = headers.getHeader("Subject", null);
            auto = headers.getHeader("Auto-Submitted", null);
            precedence = headers.getHeader("Precedence", null);
        } catch (MessagingException | RuntimeException e) {
            // the envelope is all there is
        }
        String from = SenderAddress.of(fromHeader, row.getEnvelopeFrom());
        CarrierProfile carrier = carriers.mailProfileOf(from);
        return new InboundMail(
                row.getId() == null ? 0 : row.getId(),
                row.getMessageId(),
                row.getDedupKey(),
                row.getEnvelopeFrom(),
                from,
                row.getRecipient(),
                row.getLocalPart(),
                carrier.getId(),
                MailText.header(subjectHeader, carrier.getEmoji()),
                "",
                false,
                List.of(),
                List.of(),
                autoSubmitted(auto),
                bulk(precedence),
                row.getReceivedAt());
    }

    private static boolean autoSubmitted(String header) {
        return header != null && !header.trim().equalsIgnoreCase("no");
    }

    /** {@code Precedence: bulk}, {@code list} or {@code junk}: mailing lists and the like. */
    private static boolean bulk(String header) {
        if (header == null) {
            return false;
        }
        String p = header.trim().toLowerCase(Locale.ROOT);
        return p.equals("bulk") || p.equals("list") || p.equals("junk");
    }

    private static String name(Image image) {
        return image.filename == null ? image.format.toUpperCase(Locale.ROOT) + "画像" : image.filename;
    }

    private record Image(String format, String filename, String cid, byte[] bytes) {}

    private record Text(String text, boolean html) {
        static final Text NONE = new Text("", false);

        boolean blank() {
            return text.isBlank();
        }
    }

    /** One walk over the MIME tree: text by the rules of each multipart, images and notes collected on the way. */
    private final class Walk {
        final String emojiSet;
        final List<Image> images = new ArrayList<>();
        final Set<String> htmlCids = new HashSet<>();
        final List<String> notes = new ArrayList<>();
        /** attachments whose transfer encoding is broken (a truncated base64) */
        final List<String> broken = new ArrayList<>();

        int parts;

        Walk(String emojiSet) {
            this.emojiSet = emojiSet;
        }

        Text text(Part part, int depth) throws MessagingException, IOException, UnreadableMail {
            if (depth > MAX_DEPTH) {
                throw new UnreadableMail("MIMEの入れ子が深すぎます");
            }
            if (++parts > MAX_PARTS) {
                throw new UnreadableMail("MIMEのパートが多すぎます");
            }
            ContentType type = contentType(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (base.startsWith("multipart/")) {
                return multipart(part, type, depth);
            }
            String filename = filename(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) && filename != null;
            if ((base.equals("text/plain") || base.equals("text/html")) && !attachment) {
                String decoded = MailText.body(bytes(part), type.getParameter("charset"), emojiSet);
                if (base.equals("text/html")) {
                    Matcher m = CID.matcher(decoded);
                    while (m.find()) {
                        htmlCids.add(m.group(1).toLowerCase(Locale.ROOT));
                    }
                    return new Text(MailText.htmlToText(decoded), true);
                }
                return new Text(decoded, false);
            }
            if (base.startsWith("image/") || base.equals("application/octet-stream")) {
                byte[] bytes;
                try {
                    bytes = bytes(part);
                } catch (IOException e) {
                    // cut off inside its base64 (a mail that ends early): the mail is refused with the reason
                    broken.add(filename == null ? base : filename);
                    return Text.NONE;
                }
                String format = ImageProbe.format(bytes);
                if (format != null) {
                    images.add(new Image(format, filename, contentId(part), bytes));
                } else if (base.startsWith("image/")) {
                    notes.add("対応していない画像を無視しました（" + (filename == null ? base : filename) + "）");
                } else {
                    notes.add("添付ファイルを無視しました（" + (filename == null ? base : filename) + "）");
                }
                return Text.NONE;
            }
            notes.add("添付ファイルを無視しました（" + (filename == null ? base : filename) + "）");
            return Text.NONE;
        }

        private Text multipart(Part part, ContentType type, int depth)
                throws MessagingException, IOException, UnreadableMail {
            if (type.getParameter("boundary") == null) {
                throw new UnreadableMail("multipart に boundary がありません");
            }
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
            int count;
            try {
                // a missing closing --boundary-- (docomo and au decomail often end so) is tolerated by Jakarta Mail
                // (mail.mime.multipart.ignoremissingendboundary, true unless set false): the parts there are read
                count = multipart.getCount();
            } catch (MessagingException e) {
                throw new UnreadableMail(
                        "MIMEの区切り（boundary）が見つかりません: " + MailText.clip(String.valueOf(e.getMessage())));
            }
            if (!multipart.isComplete()) {
                notes.add("メールの終わりの区切り（--boundary--）がありませんでした。届いた部分を読みました");
            }
            List<Text> texts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                texts.add(text(multipart.getBodyPart(i), depth + 1));
            }
            String subtype = type.getSubType().toLowerCase(Locale.ROOT);
            if (subtype.equals("alternative")) {
                // decomail: the plain alternative when it says something, else the HTML made into text
                for (Text t : texts) {
                    if (!t.html() && !t.blank()) {
                        return t;
                    }
                }
                for (Text t : texts) {
                    if (!t.blank()) {
                        return t;
                    }
                }
                return Text.NONE;
            }
            if (subtype.equals("related")) {
                return texts.isEmpty() ? Text.NONE : texts.get(0); // the root; the rest are its resources
            }
            StringBuilder joined = new StringBuilder();
            boolean html = false;
            for (Text t : texts) {
                if (!t.blank()) {
                    if (joined.length() > 0) {
                        joined.append('\n');
                    }
                    joined.append(t.text());
                    html |= t.html();
                }
            }
            return new Text(joined.toString(), html);
        }

        private ContentType contentType(Part part) throws UnreadableMail, MessagingException {
            String[] header = part.getHeader("Content-Type");
            if (header == null || header.length == 0 || header[0].isBlank()) {
                return new ContentType("text", "plain", null);
            }
            try {
                return new ContentType(header[0]);
            } catch (ParseException e) {
                throw new UnreadableMail("Content-Type が読めません: " + MailText.clip(header[0]));
            }
        }

        private String filename(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    return null;
                }
                String decoded = MailText.header(name, emojiSet);
                return decoded.isBlank() ? null : decoded;
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private static String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static String contentId(Part part) throws MessagingException {
            String[] ids = part.getHeader("Content-ID");
            if (ids == null || ids.length == 0) {
                return null;
            }
            return ids[0].trim().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
        }

        private static byte[] bytes(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
    }
}

package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import jp.keitai.sns.system.Settings;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Diary photos on disk: each original is stored once under {@code <sns.data.dir>/photos/}, and what handsets get are
 * copies re-encoded from its pixels at their size and in a format their carrier shows. Re-encoding from pixels is
 * what strips EXIF (camera, time, GPS position) from every served copy; the original itself is never served.
 *
 * <p>Before anything is decoded the bytes must be a JPEG, PNG or GIF by their signature, and the pixel count in the
 * header must stay within {@code sns.mail.max-photo-pixels} (a decompression bomb is refused unread). Pixels are
 * decoded by a {@link PhotoDecoder} within the memory budget of {@code sns.image.decode-budget-mb} (all decodes at
 * once) and {@code sns.image.decode-max-mb} (one decode, subsampled while reading to stay within it).
 */
@ApplicationScoped
public class PhotoStore {

    private static final Logger LOG = Logger.getLogger(PhotoStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A photo that cannot be taken, with the reason members read. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The decode budget is taken: the photo cannot be made now (the page answers 503, a post is refused). */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("ただいま写真の処理が混み合っています。しばらくしてからもう一度お試しください。");
        }
    }

    /** An original as stored. */
    public record Stored(String key, String format, int width, int height, int size) {}

    /** A served copy: bytes and content type. */
    public record Served(byte[] bytes, String contentType) {}

    /** The size a copy is made for: the longest width and height it may have. */
    public enum Size {
        KEITAI(240, 320),
        KEITAI_THUMB(120, 160),
        SMARTPHONE(640, 960),
        SMARTPHONE_THUMB(320, 480),
        PC(800, 800),
        PC_THUMB(240, 240);

        final int maxWidth;
        final int maxHeight;

        Size(int maxWidth, int maxHeight) {
            this.maxWidth = maxWidth;
            this.maxHeight = maxHeight;
        }

        public int maxWidth() {
            return maxWidth;
        }
    }

    @Inject
    Settings settings;

    private Path root;
    private int maxBytes;
    private long maxPixels;
    private PhotoDecoder decoder;

    protected PhotoStore() {}

    public PhotoStore(Path dataDir, int maxBytes, long maxPixels) {
        this(
                dataDir,
                maxBytes,
                maxPixels,
                new PhotoDecoder(DEFAULT_BUDGET_MB << 20, DEFAULT_MAX_MB << 20, PhotoDecoder.WAIT));
    }

    PhotoStore(Path dataDir, int maxBytes, long maxPixels, PhotoDecoder decoder) {
        this.root = dataDir.resolve("photos");
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.decoder = decoder;
    }

    static final int DEFAULT_BUDGET_MB = 96;
    static final int DEFAULT_MAX_MB = 24;

    @jakarta.annotation.PostConstruct
    void init() {
        if (settings != null) {
            root = settings.photosDir();
            maxBytes = settings.intValue("sns.mail.max-photo-bytes", 3 * 1024 * 1024, 1024, 100 * 1024 * 1024);
            maxPixels = settings.intValue("sns.mail.max-photo-pixels", 25_000_000, 1, 1_000_000_000);
            int budget = settings.intValue("sns.image.decode-budget-mb", DEFAULT_BUDGET_MB, 8, 4096);
            int one = settings.intValue("sns.image.decode-max-mb", DEFAULT_MAX_MB, 4, 1024);
            decoder = new PhotoDecoder((long) budget << 20, (long) Math.min(one, budget) << 20, PhotoDecoder.WAIT);
        }
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Checks and stores an original; the returned key names it from now on. */
    public Stored store(byte[] bytes) throws Refused {
        if (bytes == null || bytes.length == 0) {
            throw new Refused("写真が空です。");
        }
        if (bytes.length > maxBytes) {
            throw new Refused("写真1枚の大きさは" + maxBytes / 1024 + "KBまでです。");
        }
        String format = formatOf(bytes).orElseThrow(() -> new Refused("JPEG・PNG・GIFの画像だけを載せられます。"));
        int[] size = headerSize(bytes).orElseThrow(() -> new Refused("画像が壊れています。"));
        if ((long) size[0] * size[1] > maxPixels || size[0] <= 0 || size[1] <= 0) {
            throw new Refused("画像が大きすぎます（" + size[0] + "×" + size[1] + "）。");
        }
        try {
            // the pixels must decode too (within the budget): a valid header on broken data is not a photo
            decoder.decode(bytes, LARGEST_COPY, LARGEST_COPY);
        } catch (PhotoDecoder.Busy e) {
            throw new Refused(new Busy().getMessage());
        } catch (IOException e) {
            throw new Refused("画像が壊れています。");
        }
        String key = HexFormat.of().formatHex(randomBytes());
        Path file = original(key, format);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("写真を保存できません: " + file, e);
        }
        return new Stored(key, format, size[0], size[1], bytes.length);
    }

    /** The longest side any copy has: what a stored photo is test-decoded for. */
    private static final int LARGEST_COPY = java.util.Arrays.stream(Size.values())
            .mapToInt(z -> Math.max(z.maxWidth, z.maxHeight))
            .max()
            .orElse(960);

    /**
     * A copy of the photo for a handset: at most {@code size}, never enlarged, in the first of the original's format
     * (PNG only), JPEG and GIF the handset shows. Copies are cached beside the original.
     *
     * @throws Busy when the decode budget stays taken (nothing is cached then)
     */
    public Optional<Served> serve(DiaryPhoto photo, Size size, List<String> handsetFormats) {
        return serve(photo.getStorageKey(), photo.getFormat(), size, handsetFormats);
    }

    /** {@link #serve(DiaryPhoto, Size, List)} for an original known by key and format (community photos). */
    public Optional<Served> serve(String storageKey, String format, Size size, List<String> handsetFormats) {
        String out = outputFormat(format, handsetFormats);
        Path cached = root.resolve("copies")
                .resolve(storageKey.substring(0, 2))
                .resolve(storageKey + "-" + size.name().toLowerCase(Locale.ROOT) + "." + out);
        try {
            if (Files.exists(cached)) {
                return Optional.of(new Served(Files.readAllBytes(cached), "image/" + out));
            }
            Path source = original(storageKey, format);
            if (!Files.exists(source)) {
                return Optional.empty();
            }
            byte[] bytes = reencode(Files.readAllBytes(source), size, out);
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), storageKey, ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new Served(bytes, "image/" + out));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "photo " + storageKey + " cannot be served", e);
            return Optional.empty();
        }
    }

    /** Removes an original and its copies (after the diary or photo row is gone). */
    public void delete(String key, String format) {
        try {
            Files.deleteIfExists(original(key, format));
            Path copies = root.resolve("copies").resolve(key.substring(0, 2));
            if (Files.isDirectory(copies)) {
                try (var files = Files.list(copies)) {
                    for (Path p : files.filter(p -> p.getFileName().toString().startsWith(key + "-"))
                            .toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "photo " + key + " not removed", e);
        }
    }

    static String outputFormat(String original, List<String> handsetFormats) {
        if (original.equals("png") && handsetFormats.contains("png")) {
            return "png";
        }
        if (handsetFormats.contains("jpeg") || !handsetFormats.contains("gif")) {
            return "jpeg";
        }
        return "gif";
    }

    byte[] reencode(byte[] original, Size size, String format) throws IOException {
        // decoded within the budget and EXIF orientation applied, then only pixels go on: no metadata survives;
        // the copy is made while the decode's share of the budget is still held
        try {
            return decoder.decode(original, size.maxWidth, size.maxHeight, d -> copy(d.image(), size, format));
        } catch (PhotoDecoder.Busy e) {
            throw new Busy();
        }
    }

    private static byte[] copy(BufferedImage decoded, Size size, String format) throws IOException {
        BufferedImage image = decoded;
        double scale = Math.min(
                1.0, Math.min((double) size.maxWidth / image.getWidth(), (double) size.maxHeight / image.getHeight()));
        if (scale < 1.0) {
            image = Thumbnails.of(image).scale(scale).asBufferedImage();
        }
        if (!format.equals("png")) {
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
            image = rgb;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("jpeg")) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        } else if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }

    /** JPEG, PNG or GIF by the file signature, whatever the declared type. */
    static Optional<String> formatOf(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        if (b.length > 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a) {
            return Optional.of("png");
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("gif");
        }
        return Optional.empty();
    }

    /** Width and height from the image header, without decoding the pixels. */
    static Optional<int[]> headerSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path original(String key, String format) {
        if (!key.matches("[0-9a-f]{32}") || !format.matches("jpeg|png|gif")) {
            throw new IllegalArgumentException("photo key");
        }
        return root.resolve(key.substring(0, 2)).resolve(key + "." + format);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}

package jp.keitai.sns.diary;

import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Decodes photos within a memory budget. Before any pixel is read, the header gives width, height and the bits per
 * pixel of the raster the reader will make (a 16-bit RGBA PNG is 8 bytes a pixel, not 4); the decode is then
 * subsampled while reading ({@link ImageReadParam#setSourceSubsampling}) so that the raster plus one 4-byte working
 * copy stays within {@code sns.image.decode-max-mb}, and no further than the copy being made needs. All decodes at
 * once share {@code sns.image.decode-budget-mb}: a decode takes its estimate from the budget before it starts and
 * gives it back after; when the budget is taken it waits briefly and is then refused ({@link Busy}), so a burst of
 * large photos is answered "busy" rather than with an {@link OutOfMemoryError}.
 */
final class PhotoDecoder {

    /** How long a decode waits for its share of the budget before it is refused. */
    static final Duration WAIT = Duration.ofSeconds(3);
    /** The working copy the resizer and the JPEG/GIF conversion make: 4 bytes a pixel (INT_ARGB/RGB). */
    private static final int WORKING_BYTES_PER_PIXEL = 4;

    /** The budget is taken: the photo is not decoded now. */
    static final class Busy extends Exception {
        Busy() {
            super("画像の処理が混み合っています");
        }
    }

    /** A decoded photo, upright (EXIF orientation applied). */
    record Decoded(BufferedImage image, int subsampling, long budgetBytes) {}

    private final Semaphore budget; // in KiB
    private final long totalBytes;
    private final long perDecodeBytes;
    private final Duration wait;

    /**
     * @param totalBytes what all decodes at once may hold ({@code sns.image.decode-budget-mb})
     * @param perDecodeBytes what one decode may hold ({@code sns.image.decode-max-mb}, at most the total)
     */
    PhotoDecoder(long totalBytes, long perDecodeBytes, Duration wait) {
        this(
                new Semaphore((int) Math.min(Integer.MAX_VALUE, Math.max(1024, totalBytes) / 1024), true),
                perDecodeBytes,
                wait);
    }

    /** @param budgetKib the shared budget in KiB, its permits all free (a test may hold some) */
    PhotoDecoder(Semaphore budgetKib, long perDecodeBytes, Duration wait) {
        this.budget = budgetKib;
        this.totalBytes = (long) budgetKib.availablePermits() * 1024;
        this.perDecodeBytes = Math.max(1024, Math.min(perDecodeBytes, this.totalBytes));
        this.wait = wait;
    }

    long perDecodeBytes() {
        return perDecodeBytes;
    }

    /** KiB of the budget free now (for tests and diagnostics). */
    int availableKib() {
        return budget.availablePermits();
    }

    /**
     * Decodes {@code bytes}, subsampled to stay within the per-decode budget and, when {@code maxWidth}/{@code
     * maxHeight} are given (above 0), no larger than twice that box needs (the resizer smooths from there).
     *
     * @throws IOException when the bytes are not an image the readers can decode
     * @throws Busy when the shared budget stays taken for longer than the wait
     */
    Decoded decode(byte[] bytes, int maxWidth, int maxHeight) throws IOException, Busy {
        return decode(bytes, maxWidth, maxHeight, d -> d);
    }

    /** What is made from a decoded photo while its share of the budget is still held (the copies it needs). */
    interface Work<T> {
        T apply(Decoded decoded) throws IOException;
    }

    /**
     * As {@link #decode(byte[], int, int)}, and {@code work} (resizing, re-encoding) runs before the share of the
     * budget is given back: the working copies it makes are what the estimate counts beside the raster.
     */
    <T> T decode(byte[] bytes, int maxWidth, int maxHeight, Work<T> work) throws IOException, Busy {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // EXIF is read from the bytes (see orientation)
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new IOException("no size");
                }
                int bytesPerPixel = bytesPerPixel(reader) + WORKING_BYTES_PER_PIXEL;
                int step = subsampling(width, height, bytesPerPixel, perDecodeBytes, maxWidth, maxHeight);
                long estimate = (long) ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel;
                int kib = (int) Math.max(1, Math.min(totalBytes / 1024, (estimate + 1023) / 1024));
                if (!acquire(kib)) {
                    throw new Busy();
                }
                try {
                    ImageReadParam param = reader.getDefaultReadParam();
                    if (step > 1) {
                        param.setSourceSubsampling(step, step, 0, 0);
                    }
                    Orientation orientation = orientation(bytes);
                    BufferedImage image = reader.read(0, param);
                    if (orientation != null && orientation != Orientation.TOP_LEFT) {
                        image = ExifFilterUtils.getFilterForOrientation(orientation)
                                .apply(image);
                    }
                    return work.apply(new Decoded(image, step, estimate));
                } finally {
                    budget.release(kib);
                }
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot decode: " + e.getMessage(), e);
        }
    }

    private boolean acquire(int kib) {
        try {
            return budget.tryAcquire(kib, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The smallest subsampling step that keeps the decoded raster within {@code limit}, or larger when the copy to be
     * made is that much smaller (subsampled to no less than twice the box).
     */
    static int subsampling(int width, int height, int bytesPerPixel, long limit, int maxWidth, int maxHeight) {
        int step = 1;
        while ((long) ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel > limit) {
            step++;
        }
        if (maxWidth > 0 && maxHeight > 0) {
            // the copy is at most box/longest side of the original whichever way EXIF turns it
            int box = Math.max(maxWidth, maxHeight);
            step = Math.max(step, Math.max(width, height) / (2 * box));
        }
        return step;
    }

    /**
     * Bytes per pixel of the raster the reader makes without a destination type: the larger of its raw type and its
     * first offered type, counting every band's bits (16-bit colour, alpha).
     */
    static int bytesPerPixel(ImageReader reader) throws IOException {
        int bits = 0;
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null) {
            bits = bits(raw);
        }
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types.hasNext()) {
            bits = Math.max(bits, bits(types.next()));
        }
        return Math.max(1, (bits + 7) / 8);
    }

    private static int bits(ImageTypeSpecifier type) {
        SampleModel model = type.getSampleModel();
        int sum = 0;
        for (int band = 0; band < model.getNumBands(); band++) {
            sum += model.getSampleSize(band);
        }
        // packed and indexed models store whole samples: at least what the colour model says a pixel takes
        return Math.max(sum, type.getColorModel().getPixelSize());
    }

    /**
     * The EXIF orientation of a JPEG, from its APP1 segment wherever it stands among the leading segments (ImageIO's
     * metadata drops an APP1 that comes before the JFIF APP0); null when there is none or it cannot be read.
     */
    static Orientation orientation(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) {
            return null;
        }
        int at = 2;
        try {
            while (at + 4 <= b.length && (b[at] & 0xff) == 0xff) {
                int marker = b[at + 1] & 0xff;
                if (marker == 0xda || marker == 0xd9) {
                    return null; // the pixels start: no EXIF before them
                }
                int length = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
                if (length < 2 || at + 2 + length > b.length) {
                    return null;
                }
                if (marker == 0xe1 && length > 8 && b[at + 4] == 'E' && b[at + 5] == 'x' && b[at + 6] == 'i') {
                    return ExifUtils.getOrientationFromExif(java.util.Arrays.copyOfRange(b, at + 4, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (RuntimeException e) {
            // an unreadable EXIF: as stored
        }
        return null;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

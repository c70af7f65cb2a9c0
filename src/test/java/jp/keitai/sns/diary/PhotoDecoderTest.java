package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a photo within every documented limit (under 200 KB, 5000×5000, 16-bit colour) decodes to 150 MB
 * when read whole. It must be read subsampled within the per-decode budget, and decodes at once must share
 * one budget, refused ("busy") rather than run out of memory.
 */
class PhotoDecoderTest {

    private static final byte[] BIG = png16(5000, 5000);

    @TempDir
    Path dir;

    @Test
    void theGeneratedPhotoIsWithinEveryDocumentedLimit() throws Exception {
        assertTrue(BIG.length < 200 * 1024, "under 200 KB: " + BIG.length);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(BIG))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(5000, reader.getWidth(0));
            assertEquals(6, PhotoDecoder.bytesPerPixel(reader), "16-bit RGB: 6 bytes a pixel, not 3 or 4");
            reader.dispose();
        }
    }

    @Test
    void aSixteenBitPhotoIsDecodedSubsampledWithinThePerDecodeBudget() throws Exception {
        PhotoDecoder decoder = new PhotoDecoder(64L << 20, 16L << 20, Duration.ofSeconds(1));
        PhotoDecoder.Decoded d = decoder.decode(BIG, 0, 0);
        assertTrue(d.subsampling() > 1, "subsampled: " + d.subsampling());
        assertTrue(d.budgetBytes() <= 16L << 20, "within the per-decode budget: " + d.budgetBytes());
        long raster = (long) d.image().getWidth() * d.image().getHeight() * 6;
        assertTrue(raster <= 16L << 20, "the raster itself: " + raster);
        assertEquals(64 * 1024, decoder.availableKib(), "the budget given back");
        // for a keitai copy no more is read than twice what the copy needs
        PhotoDecoder.Decoded small = decoder.decode(BIG, 240, 320);
        assertTrue(
                small.image().getWidth() <= 2 * 320 + 320,
                "width " + small.image().getWidth());
    }

    @Test
    void theStoreAcceptsItAndServesACopyWithinTheBudget() throws Exception {
        PhotoDecoder decoder = new PhotoDecoder(32L << 20, 16L << 20, Duration.ofSeconds(5));
        PhotoStore store = new PhotoStore(dir, 3 << 20, 25_000_000, decoder);
        DiaryPhoto photo = new DiaryPhoto(1, 1, store.store(BIG), jp.keitai.sns.system.Clock.now());
        assertEquals(5000, photo.getWidth());
        PhotoStore.Served keitai = store.serve(photo, PhotoStore.Size.KEITAI, List.of("jpeg", "gif"))
                .orElseThrow();
        assertEquals("image/jpeg", keitai.contentType());
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(keitai.bytes()));
        assertTrue(copy.getWidth() <= 240 && copy.getHeight() <= 320, copy.getWidth() + "x" + copy.getHeight());
        PhotoStore.Served png =
                store.serve(photo, PhotoStore.Size.PC, List.of("png", "jpeg")).orElseThrow();
        assertEquals("image/png", png.contentType());
        assertTrue(ImageIO.read(new ByteArrayInputStream(png.bytes())).getWidth() <= 800);
        assertEquals(32 * 1024, decoder.availableKib());
    }

    @Test
    void whenTheBudgetIsTakenADecodeIsRefusedWithAJapaneseMessageNotAnOutOfMemoryError() throws Exception {
        Semaphore budget = new Semaphore(32 * 1024);
        PhotoDecoder decoder = new PhotoDecoder(budget, 16L << 20, Duration.ofMillis(50));
        PhotoStore store = new PhotoStore(dir, 3 << 20, 25_000_000, decoder);
        DiaryPhoto photo = new DiaryPhoto(1, 1, store.store(BIG), jp.keitai.sns.system.Clock.now());
        budget.acquire(30 * 1024); // other decodes hold most of it
        PhotoStore.Refused refused = assertThrows(PhotoStore.Refused.class, () -> store.store(BIG));
        assertTrue(refused.getMessage().contains("混み合って"), refused.getMessage());
        PhotoStore.Busy busy =
                assertThrows(PhotoStore.Busy.class, () -> store.serve(photo, PhotoStore.Size.KEITAI, List.of("jpeg")));
        assertTrue(busy.getMessage().contains("混み合って"), busy.getMessage());
        budget.release(30 * 1024);
        assertTrue(store.serve(photo, PhotoStore.Size.KEITAI, List.of("jpeg")).isPresent(), "served once free");
    }

    @Test
    void decodesAtOnceAreBoundedByTheSharedBudget() throws Exception {
        // each decode takes 15 MB of a 20 MB budget (1250x1250 at 6+4 bytes): one at a time, the others wait
        Semaphore budget = new Semaphore(20 * 1024);
        PhotoDecoder decoder = new PhotoDecoder(budget, 16L << 20, Duration.ofMinutes(2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> steps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                steps.add(pool.submit(() -> decoder.decode(BIG, 0, 0).subsampling()));
            }
            int mostTaken = 0;
            while (!steps.stream().allMatch(Future::isDone)) {
                mostTaken = Math.max(mostTaken, 20 * 1024 - budget.availablePermits());
                Thread.sleep(1);
            }
            for (Future<Integer> f : steps) {
                assertEquals(4, f.get());
            }
            assertTrue(mostTaken <= 16 * 1024, "never two decodes at once: " + mostTaken + " KiB taken");
            assertEquals(20 * 1024, budget.availablePermits(), "every share given back");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPhotoTakenSidewaysIsServedUprightAsBefore() throws Exception {
        // EXIF orientation 6 (turn 90° clockwise): a 400x200 JPEG as stored is a 200x400 photo
        byte[] plain = DiaryRig.image(400, 200, "jpeg");
        byte[] exif = {
            'E',
            'x',
            'i',
            'f',
            0,
            0,
            'M',
            'M',
            0,
            0x2A,
            0,
            0,
            0,
            8, // TIFF header, IFD0 at 8
            0,
            1,
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1,
            0,
            6,
            0,
            0, // one entry: Orientation = 6
            0,
            0,
            0,
            0 // no next IFD
        };
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        jpeg.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, (byte) (exif.length + 2)});
        jpeg.write(exif);
        jpeg.write(plain, 2, plain.length - 2);
        PhotoStore store = new PhotoStore(dir, 3 << 20, 25_000_000);
        DiaryPhoto photo = new DiaryPhoto(1, 1, store.store(jpeg.toByteArray()), jp.keitai.sns.system.Clock.now());
        byte[] served = store.serve(photo, PhotoStore.Size.PC, List.of("jpeg"))
                .orElseThrow()
                .bytes();
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(served));
        assertEquals(200, upright.getWidth());
        assertEquals(400, upright.getHeight());
    }

    /**
     * A 16-bit RGB PNG written row by row (the test never holds its 150 MB raster): a few red bands on black,
     * which deflate to well under 200 KB.
     */
    static byte[] png16(int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(16); // bit depth
            h.writeByte(2); // RGB
            h.writeByte(0);
            h.writeByte(0);
            h.writeByte(0);
            chunk(png, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 64 * 1024)) {
                byte[] row = new byte[1 + width * 6];
                byte[] band = new byte[1 + width * 6];
                for (int x = 0; x < width; x++) {
                    band[1 + x * 6] = (byte) 0xff; // red
                    band[1 + x * 6 + 1] = (byte) 0xff;
                }
                for (int y = 0; y < height; y++) {
                    z.write((y / 500) % 2 == 0 ? row : band);
                }
            }
            chunk(png, "IDAT", idat.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}

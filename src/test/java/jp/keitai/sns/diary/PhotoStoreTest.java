package jp.keitai.sns.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos: checked before decoding, stored once, served per handset without EXIF. */
class PhotoStoreTest {

    @TempDir
    Path dir;

    private DiaryPhoto stored(PhotoStore store, byte[] bytes) throws PhotoStore.Refused {
        return new DiaryPhoto(1, 1, store.store(bytes), jp.keitai.sns.system.Clock.now());
    }

    @Test
    void everyServedCopyLosesTheExifGpsPosition() throws Exception {
        PhotoStore store = new PhotoStore(dir, 3 << 20, 25_000_000);
        byte[] camera = DiaryRig.jpegWithGps(1200, 900);
        assertTrue(new String(camera, StandardCharsets.ISO_8859_1).contains("GPSLatitude"));
        DiaryPhoto photo = stored(store, camera);
        for (PhotoStore.Size size : PhotoStore.Size.values()) {
            for (List<String> formats : List.of(List.of("gif", "jpeg"), List.of("gif", "jpeg", "png"))) {
                byte[] served = store.serve(photo, size, formats).orElseThrow().bytes();
                String text = new String(served, StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("GPSLatitude"), size + " " + formats);
                assertFalse(text.contains("Exif"), size + " " + formats);
                assertFalse(text.contains("35.681236"), size + " " + formats);
                assertTrue(widthOf(served) <= size.maxWidth(), size + ": " + widthOf(served));
            }
        }
        // stored once: one original, the copies beside it
        try (var files = Files.walk(dir.resolve("photos"))) {
            assertEquals(
                    1,
                    files.filter(p -> p.toString().endsWith(".jpeg")
                                    && !p.toString().contains("copies"))
                            .count());
        }
    }

    @Test
    void keitaiGetsAtMost240PixelsInAFormatItsCarrierShows() throws Exception {
        PhotoStore store = new PhotoStore(dir, 3 << 20, 25_000_000);
        DiaryPhoto png = stored(store, DiaryRig.image(640, 480, "png"));
        PhotoStore.Served docomo =
                store.serve(png, PhotoStore.Size.KEITAI, List.of("gif", "jpeg")).orElseThrow();
        assertEquals("image/jpeg", docomo.contentType());
        assertEquals(240, widthOf(docomo.bytes()));
        PhotoStore.Served au = store.serve(png, PhotoStore.Size.KEITAI, List.of("gif", "jpeg", "png"))
                .orElseThrow();
        assertEquals("image/png", au.contentType());
        PhotoStore.Served gifOnly =
                store.serve(png, PhotoStore.Size.KEITAI_THUMB, List.of("gif")).orElseThrow();
        assertEquals("image/gif", gifOnly.contentType());
        assertTrue(widthOf(gifOnly.bytes()) <= 120);
        // never enlarged
        DiaryPhoto small = stored(store, DiaryRig.image(100, 80, "gif"));
        assertEquals(
                100,
                widthOf(store.serve(small, PhotoStore.Size.PC, List.of("jpeg"))
                        .orElseThrow()
                        .bytes()));
    }

    @Test
    void nonImagesBrokenImagesOversizeAndBombsAreRefused() throws Exception {
        PhotoStore store = new PhotoStore(dir, 64 * 1024, 25_000_000);
        assertThrows(PhotoStore.Refused.class, () -> store.store("<html>not a photo</html>".getBytes()));
        byte[] broken = DiaryRig.image(50, 50, "jpeg");
        for (int i = broken.length / 3; i < broken.length - 2; i++) {
            broken[i] = 0;
        }
        byte[] fake = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
        assertThrows(PhotoStore.Refused.class, () -> store.store(fake));
        assertThrows(PhotoStore.Refused.class, () -> store.store(noise(300, 300)), "over 64 KB");
        // 10000×10000 pixels in a small PNG: refused by its header, never decoded
        BufferedImage bomb = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bomb, "png", out);
        assertTrue(out.size() < 64 * 1024, "small file: " + out.size());
        PhotoStore.Refused refused = assertThrows(PhotoStore.Refused.class, () -> store.store(out.toByteArray()));
        assertTrue(refused.getMessage().contains("10000×10000"), refused.getMessage());
        try (var files = Files.walk(dir)) {
            assertEquals(0, files.filter(Files::isRegularFile).count(), "nothing stored");
        }
    }

    private static byte[] noise(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static int widthOf(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image)).getWidth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

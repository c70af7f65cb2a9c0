package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.web.Refused;

/**
 * The diary photo path for other features (メッセージ): the same checks, storage and per-handset copies as diary photos
 * ({@link PhotoStore}, {@link PhotoDecoder}), and the same multipart form reading, without handing out the store
 * itself. The caller keeps the key and format of each photo in its own table and asks here to serve or delete it.
 */
@ApplicationScoped
public class Photos {

    /** Photos a post may carry, as for diaries. */
    public static final int MAX = DiaryService.MAX_PHOTOS;

    /** A stored original: its key and format name it from now on. */
    public record Photo(String key, String format) {}

    /** A copy for a handset: bytes and content type. */
    public record Copy(byte[] bytes, String contentType) {}

    /** A multipart form: text fields (decoded in the page charset) and the attached files. */
    public record Form(java.util.Map<String, String> fields, List<byte[]> files) {
        public String field(String name) {
            return fields.get(name);
        }
    }

    @Inject
    PhotoStore store;

    protected Photos() {}

    public Photos(PhotoStore store) {
        this.store = store;
    }

    /**
     * Checks and stores up to {@link #MAX} photos; all or none (the ones stored are removed again when one is
     * refused).
     *
     * @throws Refused with the reason in Japanese
     */
    public List<Photo> store(List<byte[]> photos) {
        if (photos.size() > MAX) {
            throw new Refused("写真は" + MAX + "枚までです。");
        }
        List<Photo> out = new ArrayList<>();
        try {
            for (byte[] b : photos) {
                PhotoStore.Stored s = store.store(b);
                out.add(new Photo(s.key(), s.format()));
            }
        } catch (PhotoStore.Refused e) {
            delete(out);
            throw new Refused(e.getMessage());
        }
        return out;
    }

    /** Removes originals and their copies (after the rows naming them are gone). */
    public void delete(List<Photo> photos) {
        photos.forEach(p -> store.delete(p.key(), p.format()));
    }

    /**
     * A copy for this handset (thumbnail or full), empty when the original is gone.
     *
     * @throws Refused when the decode budget is taken (the page may answer 503)
     */
    public Optional<Copy> serve(Photo photo, Handset handset, boolean thumb) {
        PhotoStore.Size s =
                switch (handset.getFamily()) {
                    case KEITAI -> thumb ? PhotoStore.Size.KEITAI_THUMB : PhotoStore.Size.KEITAI;
                    case SMARTPHONE -> thumb ? PhotoStore.Size.SMARTPHONE_THUMB : PhotoStore.Size.SMARTPHONE;
                    case PC -> thumb ? PhotoStore.Size.PC_THUMB : PhotoStore.Size.PC;
                };
        List<String> formats = handset.getProfile() == null
                ? List.of("jpeg", "png", "gif")
                : handset.getProfile().getImageFormats();
        try {
            return store.serve(photo.key(), photo.format(), s, formats).map(c -> new Copy(c.bytes(), c.contentType()));
        } catch (PhotoStore.Busy e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * Reads a multipart form that may carry {@link #MAX} photos.
     *
     * @throws Refused when the form is larger than that
     */
    public Form readForm(String contentType, InputStream in, Charset charset) {
        try {
            Uploads u = Uploads.read(contentType, in, charset, (long) store.maxBytes() * MAX + 256 * 1024);
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            for (String name : u.names()) {
                fields.put(name, u.field(name));
            }
            return new Form(fields, u.files());
        } catch (Uploads.TooLarge e) {
            throw new Refused("写真が大きすぎます（1枚" + store.maxBytes() / 1024 + "KBまで、" + MAX + "枚まで）。");
        } catch (IOException e) {
            throw new jakarta.ws.rs.BadRequestException(e);
        }
    }
}

package jp.keitai.sns.diary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.web.Refused;

/**
 * The diary photo path offered to other features (community comments): originals checked and stored once by {@link
 * PhotoStore}, copies re-encoded without EXIF at the handset's size. Callers keep the key and format in their own
 * tables and ask the access policy before serving.
 */
@ApplicationScoped
public class PhotoService {

    /** An original as stored: its key and format. */
    public record Saved(String key, String format) {}

    /** A copy for a handset. */
    public record Copy(byte[] bytes, String contentType) {}

    /** The decode budget is taken: answer 503 and let the handset reload. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    PhotoStore photos;

    protected PhotoService() {}

    public PhotoService(PhotoStore photos) {
        this.photos = photos;
    }

    public int maxBytes() {
        return photos.maxBytes();
    }

    /** Checks and stores each original; on a refused one deletes those already stored and throws the reason. */
    public List<Saved> storeAll(List<byte[]> originals) {
        List<Saved> out = new java.util.ArrayList<>();
        try {
            for (byte[] b : originals) {
                PhotoStore.Stored s = photos.store(b);
                out.add(new Saved(s.key(), s.format()));
            }
        } catch (PhotoStore.Refused e) {
            out.forEach(s -> photos.delete(s.key(), s.format()));
            throw new Refused(e.getMessage());
        }
        return out;
    }

    /** A copy at the handset's size ({@code thumb}: the small one), in a format its carrier shows. */
    public Optional<Copy> serve(String key, String format, Handset handset, boolean thumb) {
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
            return photos.serve(key, format, s, formats).map(p -> new Copy(p.bytes(), p.contentType()));
        } catch (PhotoStore.Busy e) {
            throw new Busy(e.getMessage());
        }
    }

    public void delete(Saved photo) {
        photos.delete(photo.key(), photo.format());
    }
}

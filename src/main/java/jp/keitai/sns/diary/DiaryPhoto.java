package jp.keitai.sns.diary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A photo of a diary: where its original lies under the data directory, and its size. */
@Entity
@Table(name = "diary_photo")
public class DiaryPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "diary_id", nullable = false)
    private long diaryId;

    /** 1, 2 or 3: the number in the photo URL */
    @Column(nullable = false)
    private int position;

    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(nullable = false)
    private String format;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "byte_size", nullable = false)
    private int byteSize;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DiaryPhoto() {}

    DiaryPhoto(long diaryId, int position, PhotoStore.Stored stored, Instant createdAt) {
        this.diaryId = diaryId;
        this.position = position;
        this.storageKey = stored.key();
        this.format = stored.format();
        this.width = stored.width();
        this.height = stored.height();
        this.byteSize = stored.size();
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getDiaryId() {
        return diaryId;
    }

    public int getPosition() {
        return position;
    }

    /** The position, as templates name it in URLs. */
    public int getNumber() {
        return position;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getFormat() {
        return format;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public int getByteSize() {
        return byteSize;
    }
}

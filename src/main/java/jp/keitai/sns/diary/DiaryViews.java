package jp.keitai.sns.diary;

import java.util.List;

/** What diary templates show (JavaBean getters, as EL reads them). Built by {@link DiaryReader}. */
public final class DiaryViews {

    private DiaryViews() {}

    /** A diary as its page shows it, with what the viewer may do there. */
    public static final class Page {
        private final Diary diary;
        private final String authorNickname;
        private final List<DiaryPhoto> photos;
        private final List<Comment> comments;
        private final boolean mine;
        private final boolean canComment;

        Page(
                Diary diary,
                String authorNickname,
                List<DiaryPhoto> photos,
                List<Comment> comments,
                boolean mine,
                boolean canComment) {
            this.diary = diary;
            this.authorNickname = authorNickname;
            this.photos = photos;
            this.comments = comments;
            this.mine = mine;
            this.canComment = canComment;
        }

        public Diary getDiary() {
            return diary;
        }

        public long getId() {
            return diary.getId();
        }

        public long getAuthorId() {
            return diary.getAuthorId();
        }

        public String getAuthorNickname() {
            return authorNickname;
        }

        public String getWhen() {
            return DiaryText.when(diary.getCreatedAt());
        }

        public List<DiaryText.Segment> getBody() {
            return DiaryText.segments(diary.getBody(), false);
        }

        public List<DiaryPhoto> getPhotos() {
            return photos;
        }

        public List<Comment> getComments() {
            return comments;
        }

        /** The number of comments shown (those across a block or by an inactive member are not). */
        public int getCommentCount() {
            return comments.size();
        }

        public boolean isMine() {
            return mine;
        }

        public boolean isCanComment() {
            return canComment;
        }
    }

    /** A comment with its writer's nickname. */
    public static final class Comment {
        private final DiaryComment comment;
        private final String authorNickname;
        private final boolean canDelete;

        Comment(DiaryComment comment, String authorNickname, boolean canDelete) {
            this.comment = comment;
            this.authorNickname = authorNickname;
            this.canDelete = canDelete;
        }

        public int getNumber() {
            return comment.getNumber();
        }

        public long getAuthorId() {
            return comment.getAuthorId();
        }

        public String getAuthorNickname() {
            return authorNickname;
        }

        public String getBody() {
            return comment.getBody();
        }

        public String getWhen() {
            return DiaryText.when(comment.getCreatedAt());
        }

        public List<DiaryText.Segment> getSegments() {
            return DiaryText.segments(comment.getBody(), true);
        }

        public boolean isCanDelete() {
            return canDelete;
        }
    }

    /** What a list line needs of a diary (kept in memory for profiles: no body). */
    record Line(
            long id,
            long authorId,
            String title,
            jp.keitai.sns.access.Visibility level,
            java.time.Instant createdAt,
            int commentCount) {
        static Line of(Diary d) {
            return new Line(
                    d.getId(), d.getAuthorId(), d.getTitle(), d.visibility(), d.getCreatedAt(), d.getCommentCount());
        }
    }

    /** A line of a list: a member's diaries or friends' latest. */
    public static final class Entry {
        private final Line line;
        private final String authorNickname;

        Entry(Diary diary, String authorNickname) {
            this(Line.of(diary), authorNickname);
        }

        Entry(Line line, String authorNickname) {
            this.line = line;
            this.authorNickname = authorNickname;
        }

        public long getId() {
            return line.id();
        }

        public String getTitle() {
            return line.title();
        }

        public long getAuthorId() {
            return line.authorId();
        }

        public String getAuthorNickname() {
            return authorNickname;
        }

        public int getCommentCount() {
            return line.commentCount();
        }

        /** This entry with the number of comments its viewer is shown. */
        Entry withCommentCount(int count) {
            return new Entry(
                    new Line(line.id(), line.authorId(), line.title(), line.level(), line.createdAt(), count),
                    authorNickname);
        }

        public String getVisibilityLabel() {
            return line.level().label();
        }

        public String getWhen() {
            return DiaryText.when(line.createdAt());
        }

        public String getShortWhen() {
            return DiaryText.shortWhen(line.createdAt());
        }

        /** When it was written (the home timeline's order). */
        java.time.Instant createdAt() {
            return line.createdAt();
        }
    }

    /** One month of the archive. */
    public static final class Month {
        private final int yyyymm;
        private final long count;

        Month(int yyyymm, long count) {
            this.yyyymm = yyyymm;
            this.count = count;
        }

        /** The query value, {@code 202611}. */
        public int getMonthNumber() {
            return yyyymm;
        }

        public String getLabel() {
            return (yyyymm / 100) + "年" + (yyyymm % 100) + "月";
        }

        public long getCount() {
            return count;
        }
    }

    /** A page of a member's diaries the viewer may see. */
    public static final class ListPage {
        private final long ownerId;
        private final String ownerNickname;
        private final List<Entry> entries;
        private final long total;
        private final int page;
        private final int pages;
        private final Integer month;
        private final List<Month> months;

        ListPage(
                long ownerId,
                String ownerNickname,
                List<Entry> entries,
                long total,
                int page,
                int pages,
                Integer month,
                List<Month> months) {
            this.ownerId = ownerId;
            this.ownerNickname = ownerNickname;
            this.entries = entries;
            this.total = total;
            this.page = page;
            this.pages = pages;
            this.month = month;
            this.months = months;
        }

        public long getOwnerId() {
            return ownerId;
        }

        public String getOwnerNickname() {
            return ownerNickname;
        }

        public List<Entry> getEntries() {
            return entries;
        }

        /** How many diaries the viewer may see (in the chosen month, if any). */
        public long getTotalCount() {
            return total;
        }

        public int getPageNumber() {
            return page;
        }

        public int getPageCount() {
            return pages;
        }

        /** The month shown (yyyymm), or 0 for all. */
        public int getMonthNumber() {
            return month == null ? 0 : month;
        }

        public String getMonthLabel() {
            return month == null ? "" : new Month(month, 0).getLabel();
        }

        public List<Month> getMonths() {
            return months;
        }
    }

    /** The member's diary settings. */
    public static final class Settings {
        private final String defaultVisibility;
        private final boolean commentMail;

        Settings(String defaultVisibility, boolean commentMail) {
            this.defaultVisibility = defaultVisibility;
            this.commentMail = commentMail;
        }

        public String getDefaultVisibility() {
            return defaultVisibility;
        }

        public boolean isCommentMail() {
            return commentMail;
        }
    }

    /** A choice of 公開範囲 for forms. */
    public static final class Level {
        private final jp.keitai.sns.access.Visibility level;

        Level(jp.keitai.sns.access.Visibility level) {
            this.level = level;
        }

        public String getValue() {
            return level.value();
        }

        public String getLabel() {
            return level.label();
        }
    }

    /** The four levels, widest first (as forms list them). */
    public static List<Level> levels() {
        return java.util.stream.Stream.of(
                        jp.keitai.sns.access.Visibility.EVERYONE,
                        jp.keitai.sns.access.Visibility.FRIENDS_OF_FRIENDS,
                        jp.keitai.sns.access.Visibility.FRIENDS,
                        jp.keitai.sns.access.Visibility.PRIVATE)
                .map(Level::new)
                .toList();
    }
}

package jp.keitai.sns.diary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.web.FormCheck;

/**
 * The limits of what a member writes in the diary feature, as constraints {@link FormCheck} checks. Lengths count
 * characters as members see them (code points, {@link DiaryText#length}) of the text as stored (stripped, line ends
 * normalised), so each length is a field of its own. The parts are checked one after another, title first, so the
 * member hears of the first problem in the order of the form.
 */
final class DiaryForm {

    private DiaryForm() {}

    record Title(
            @NotBlank(message = "{diary.title.blank}") String title,

            @Max(value = DiaryService.MAX_TITLE, message = "{diary.title.size}")
            int titleLength) {}

    record Body(
            @NotBlank(message = "{diary.body.blank}") String body,

            @Max(value = DiaryService.MAX_BODY, message = "{diary.body.size}")
            int bodyLength) {}

    record Level(
            @NotNull(message = "{diary.visibility.choose}") Visibility visibility) {}

    record Photos(
            @Max(value = DiaryService.MAX_PHOTOS, message = "{diary.photos.size}")
            int photoCount) {}

    record Comment(
            @NotBlank(message = "{diary.comment.blank}") String body,

            @Max(value = CommentService.MAX_COMMENT, message = "{diary.comment.size}")
            int length) {}

    /** A diary's title, body, level and photo count; throws {@code Refused} with the first problem. */
    static void checkDiary(String title, String body, String visibility, int photoCount) {
        String t = title == null ? null : title.strip();
        FormCheck.check(new Title(t, t == null ? 0 : DiaryText.length(t)));
        String b = body == null ? null : DiaryText.normalise(body);
        FormCheck.check(new Body(b, b == null ? 0 : DiaryText.length(b)));
        checkLevel(visibility);
        FormCheck.check(new Photos(photoCount));
    }

    /** A level chosen on a form; throws {@code Refused} unless it names one. */
    static Visibility checkLevel(String visibility) {
        Visibility v = visibility == null ? null : Visibility.parse(visibility).orElse(null);
        FormCheck.check(new Level(v));
        return v;
    }

    /** A comment's text as stored; throws {@code Refused} when it is empty or too long. */
    static String checkComment(String body) {
        String text = body == null ? null : DiaryText.normalise(body);
        FormCheck.check(new Comment(text, text == null ? 0 : DiaryText.length(text)));
        return text;
    }
}

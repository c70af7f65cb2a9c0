package jp.keitai.sns.friend;

import jakarta.validation.constraints.NotBlank;
import jp.keitai.sns.web.CodePoints;
import jp.keitai.sns.web.FormCheck;

/**
 * The limits of what a member writes in the friend feature, as constraints {@link FormCheck} checks on the text as
 * stored (stripped). Lengths count characters as members see them (code points).
 */
final class FriendForm {

    private FriendForm() {}

    /** The optional message that comes with a マイミク request. */
    record Request(
            @CodePoints(max = FriendService.MESSAGE_MAX, message = "{friend.request.size}")
            String message) {}

    /** A 紹介文. */
    record Introduction(
            @NotBlank(message = "{friend.introduction.blank}")
            @CodePoints(max = Introductions.MAX_LENGTH, message = "{friend.introduction.size}")
            String body) {}
}

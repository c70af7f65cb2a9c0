package jp.keitai.sns.community;

import java.time.Instant;
import java.util.List;

/**
 * A community as its row holds it. Policies are their database values: join {@code open} | {@code approval}, topics
 * {@code all} | {@code admin}, read {@code everyone} | {@code members}.
 */
public record Community(
        long id,
        String name,
        String category,
        String description,
        String joinPolicy,
        String topicPolicy,
        String readPolicy,
        Long adminId,
        Long handoverTo,
        Instant vacantSince,
        int memberCount,
        int topicCount,
        String imageKey,
        String imageFormat,
        Instant lastActivityAt,
        Instant createdAt) {

    /** The fixed list of categories (value = label), in the order the forms show them. */
    public static final List<String> CATEGORIES =
            List.of("音楽", "映画", "本・マンガ", "スポーツ", "趣味", "地域", "学校", "会社・団体", "グルメ", "ペット", "ゲーム", "PC・インターネット", "その他");

    public static final List<String> JOIN_POLICIES = List.of("open", "approval");
    public static final List<String> TOPIC_POLICIES = List.of("all", "admin");
    public static final List<String> READ_POLICIES = List.of("everyone", "members");

    public boolean membersOnly() {
        return "members".equals(readPolicy);
    }

    public boolean approval() {
        return "approval".equals(joinPolicy);
    }

    public boolean adminOnlyTopics() {
        return "admin".equals(topicPolicy);
    }

    public boolean hasImage() {
        return imageKey != null;
    }

    public String joinLabel() {
        return approval() ? "管理人の承認制" : "誰でも参加可";
    }

    public String topicLabel() {
        return adminOnlyTopics() ? "管理人のみ" : "メンバー全員";
    }

    public String readLabel() {
        return membersOnly() ? "メンバーのみ" : "全員に公開";
    }
}

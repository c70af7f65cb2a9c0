package jp.keitai.sns.diary;

import java.util.LinkedHashMap;
import java.util.Map;

/** A diary's page as JSON data ({@code /diary/{id}.json}): the same fields the page shows, photos as their URLs. */
final class DiaryJson {

    private DiaryJson() {}

    static Map<String, Object> of(DiaryViews.Page p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.getId());
        out.put("author", Map.of("id", p.getAuthorId(), "nickname", p.getAuthorNickname()));
        out.put("title", p.getDiary().getTitle());
        out.put("body", p.getDiary().getBody());
        out.put("visibility", p.getDiary().getVisibility());
        out.put("createdAt", p.getDiary().getCreatedAt().toString());
        out.put("updatedAt", p.getDiary().getUpdatedAt().toString());
        out.put(
                "photos",
                p.getPhotos().stream()
                        .map(ph -> "/diary/" + p.getId() + "/photos/" + ph.getPosition())
                        .toList());
        out.put(
                "comments",
                p.getComments().stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("number", c.getNumber());
                            m.put("author", Map.of("id", c.getAuthorId(), "nickname", c.getAuthorNickname()));
                            m.put("body", c.getBody());
                            return m;
                        })
                        .toList());
        return out;
    }
}

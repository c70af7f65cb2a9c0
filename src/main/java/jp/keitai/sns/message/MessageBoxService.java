package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;

/**
 * The member's own messages: the inbox and sent box with read/unread, opening one (which marks it read), the reply
 * form's quoted text, deleting one's own copy (the other side keeps theirs), a message's photos and the unread count.
 * A member sees only messages they received or sent and did not delete; sending is {@link MessageService}'s.
 */
@ApplicationScoped
public class MessageBoxService {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /**
     * One message as a list or the message page shows it, from the viewer's side.
     *
     * @param otherId the sender (in the inbox) or the recipient (in the sent box)
     * @param sent whether the viewer sent it
     */
    public record Item(
            long id,
            long otherId,
            String otherName,
            String title,
            String body,
            String time,
            boolean unread,
            boolean sent,
            int photoCount) {}

    /** A page of the inbox or sent box. */
    public record Page(String box, List<Item> items, int page, boolean hasNext) {}

    @Inject
    Database database;

    @Inject
    MemberService members;

    @Inject
    Photos photos;

    @Inject
    MessageStore store;

    @Inject
    MessageFeed feed;

    protected MessageBoxService() {}

    MessageBoxService(Database database, MemberService members, Photos photos, MessageStore store, MessageFeed feed) {
        this.database = database;
        this.members = members;
        this.photos = photos;
        this.store = store;
        this.feed = feed;
    }

    /** The viewer's inbox ({@code sent} false) or sent box, newest first, {@code size} per page, pages from 1. */
    public Page box(long viewer, boolean sent, int page, int size) {
        int offset = (page - 1) * size;
        List<MessageStore.Row> rows =
                sent ? store.sent(viewer, offset, size + 1) : store.inbox(viewer, offset, size + 1);
        boolean more = rows.size() > size;
        List<MessageStore.Row> shown = more ? rows.subList(0, size) : rows;
        return new Page(sent ? "sent" : "inbox", items(viewer, shown, false), page, more);
    }

    /**
     * A message of the viewer's (received or sent, not deleted by the viewer); opening a received one marks it read.
     */
    public Optional<Item> open(long viewer, long id) {
        Optional<MessageStore.Row> row = mine(viewer, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        MessageStore.Row r = row.get();
        if (r.recipientId() == viewer && r.readAt() == null) {
            database.run(em -> {
                if (store.markRead(id, Clock.now())) {
                    feed.changed(viewer);
                }
            });
        }
        return items(viewer, List.of(r), true).stream().findFirst();
    }

    /** The reply form's values for a message the viewer received: "Re: " title and the quoted text. */
    public Optional<Map<String, String>> replyDraft(long viewer, long id) {
        return mine(viewer, id).filter(r -> r.recipientId() == viewer).map(r -> {
            String title = r.title().startsWith("Re:") ? r.title() : "Re: " + r.title();
            if (title.codePointCount(0, title.length()) > MessageService.MAX_TITLE) {
                title = title.substring(0, title.offsetByCodePoints(0, MessageService.MAX_TITLE));
            }
            StringBuilder quoted = new StringBuilder("\n\n");
            for (String line : r.body().split("\n", -1)) {
                quoted.append("> ").append(line).append('\n');
            }
            return Map.of("title", title, "body", quoted.toString(), "to", String.valueOf(r.senderId()));
        });
    }

    /** Deletes the viewer's copy; false when the viewer has none. The other side keeps theirs. */
    public boolean delete(long viewer, long id) {
        return database.tx(em -> {
            Optional<MessageStore.Row> row = mine(viewer, id);
            if (row.isEmpty()) {
                return false;
            }
            List<Photos.Photo> files = store.photos(id);
            if (store.deleteCopy(id, viewer)) {
                database.afterCommit(() -> photos.delete(files));
            }
            feed.changed(viewer);
            return true;
        });
    }

    /** A photo of a message of the viewer's (1–3), at the handset's size. */
    public Optional<Photos.Photo> photo(long viewer, long id, int number) {
        if (mine(viewer, id).isEmpty()) {
            return Optional.empty();
        }
        List<Photos.Photo> all = store.photos(id);
        return number < 1 || number > all.size() ? Optional.empty() : Optional.of(all.get(number - 1));
    }

    /** Unread messages in the member's inbox (the home page's count; from memory once warm). */
    public int unreadCount(long member) {
        return feed.unread(member);
    }

    private Optional<MessageStore.Row> mine(long viewer, long id) {
        return store.find(id)
                .filter(r -> (r.recipientId() == viewer && !r.recipientDeleted())
                        || (r.senderId() == viewer && !r.senderDeleted()));
    }

    private List<Item> items(long viewer, List<MessageStore.Row> rows, boolean withPhotos) {
        Set<Long> others = new HashSet<>();
        rows.forEach(r -> others.add(r.senderId() == viewer ? r.recipientId() : r.senderId()));
        Map<Long, String> names = members.nicknames(others);
        List<Item> out = new ArrayList<>();
        for (MessageStore.Row r : rows) {
            boolean sent = r.senderId() == viewer;
            long other = sent ? r.recipientId() : r.senderId();
            out.add(new Item(
                    r.id(),
                    other,
                    names.getOrDefault(other, "（退会したメンバー）"),
                    r.title(),
                    r.body(),
                    TIME.format(r.createdAt()),
                    !sent && r.readAt() == null,
                    sent,
                    withPhotos ? store.photos(r.id()).size() : 0));
        }
        return out;
    }
}

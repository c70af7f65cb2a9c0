package jp.keitai.sns.message;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.member.PostingSecretsRotated;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.Refused;

/**
 * The rules of メッセージ: who may message whom ({@link AccessPolicy#canMessage} with the recipient's setting
 * マイミクのみ / 全員 / 受け取らない; blocks either way), title and body limits, up to three photos on the diary photo
 * path, the inbox and sent box with read/unread, replies with the quoted text, each side deleting its own copy, and
 * the new-message notice by mail (with a reply-by-mail address {@code m.{secret}@} per thread and member). Rows are
 * {@link MessageStore}'s; the unread counts the home page shows are {@link MessageFeed}'s.
 */
@ApplicationScoped
public class MessageService {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 5000;
    static final String NOT_FOUND = "メッセージが見つかりません（削除されたか、あなた宛てではありません）。";
    static final String CANNOT_SEND = "このメンバーにはメッセージを送れません（受け取る相手の設定、またはブロックのため）。";
    static final int SECRET_LENGTH = 16;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("M/d HH:mm").withZone(Clock.JAPAN);

    /** Who a member takes messages from: the setting's values, and the visibility level the policy checks. */
    public enum Accept {
        FRIENDS("friends", "マイミクのみ", Visibility.FRIENDS),
        EVERYONE("everyone", "全員", Visibility.EVERYONE),
        NONE("none", "受け取らない", Visibility.PRIVATE);

        private final String value;
        private final String label;
        private final Visibility level;

        Accept(String value, String label, Visibility level) {
            this.value = value;
            this.label = label;
            this.level = level;
        }

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }

        static Optional<Accept> parse(String value) {
            for (Accept a : values()) {
                if (a.value.equals(value)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /** A member's message settings as the settings page shows them. */
    public record MessageSettings(String acceptFrom, boolean noticeMail, boolean noticeBody) {}

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
    AccessPolicy policy;

    @Inject
    MemberService members;

    @Inject
    Photos photos;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    private MessageStore store;
    private MessageFeed feed;

    protected MessageService() {}

    public MessageService(
            Database database,
            AccessPolicy policy,
            MemberService members,
            Photos photos,
            Mailer mailer,
            Settings settings) {
        this.database = database;
        this.policy = policy;
        this.members = members;
        this.photos = photos;
        this.mailer = mailer;
        this.settings = settings;
        init();
    }

    @PostConstruct
    void init() {
        store = new MessageStore(database);
        feed = new MessageFeed(database, store);
    }

    /**
     * Sends a message, or a reply when {@code replyTo} names a message the sender received (the reply goes to its
     * sender, in its thread; {@code to} is then not read).
     *
     * @param sourceKey what made the message (a form's one-time key, a mail's dedup key) or null: a second send with
     *     the same key finds the first instead of sending twice
     * @return the message's id
     * @throws Refused with the reason in Japanese
     */
    public long send(
            long sender, Long to, String title, String body, List<byte[]> photoBytes, Long replyTo, String sourceKey) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.strip();
        if (b.isEmpty()) {
            throw new Refused("本文を入力してください。");
        }
        if (t.isEmpty()) {
            t = "（件名なし）";
        }
        if (t.codePointCount(0, t.length()) > MAX_TITLE) {
            throw new Refused("件名は" + MAX_TITLE + "文字までです。");
        }
        if (b.codePointCount(0, b.length()) > MAX_BODY) {
            throw new Refused("本文は" + MAX_BODY + "文字までです。");
        }
        List<byte[]> files = photoBytes == null ? List.of() : photoBytes;
        if (files.size() > Photos.MAX) {
            throw new Refused("写真は" + Photos.MAX + "枚までです。");
        }
        String finalTitle = t;
        return database.tx(em -> {
            if (sourceKey != null) {
                Optional<Long> earlier = store.bySourceKey(sender, sourceKey);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            long recipient;
            Long thread = null;
            if (replyTo != null) {
                MessageStore.Row original = store.find(replyTo)
                        .filter(r -> r.recipientId() == sender && !r.recipientDeleted())
                        .orElseThrow(() -> new Refused("返信先の" + NOT_FOUND));
                recipient = original.senderId();
                thread = original.threadId();
            } else if (to == null) {
                throw new Refused("宛先がありません。");
            } else {
                recipient = to;
            }
            MessageStore.Setting theirs = store.setting(recipient);
            if (!policy.canMessage(sender, recipient, accept(theirs).level)) {
                throw new Refused(CANNOT_SEND);
            }
            List<Photos.Photo> stored = photos.store(files); // files first: a refused photo sends nothing
            long id;
            try {
                id = store.insert(sender, recipient, thread, finalTitle, b, replyTo, sourceKey, Clock.now());
                store.addPhotos(id, stored);
            } catch (RuntimeException e) {
                photos.delete(stored);
                throw e;
            }
            long threadId = thread == null ? id : thread;
            feed.changed(recipient);
            notice(em, sender, recipient, theirs, id, threadId, finalTitle, b);
            return id;
        });
    }

    /** Whether {@code sender} may message {@code recipient} now (the form says so before it is filled in). */
    public boolean canSend(long sender, long recipient) {
        return policy.canMessage(sender, recipient, accept(store.setting(recipient)).level);
    }

    private void notice(
            jakarta.persistence.EntityManager em,
            long sender,
            long recipient,
            MessageStore.Setting theirs,
            long id,
            long threadId,
            String title,
            String body) {
        if (!theirs.noticeMail()) {
            return;
        }
        Optional<MemberSummary> r = members.find(recipient);
        if (r.isEmpty()) {
            return;
        }
        String to =
                r.get().mobileEmail() != null ? r.get().mobileEmail() : r.get().pcEmail();
        if (to == null) {
            return;
        }
        String nickname = members.nicknames(List.of(sender)).getOrDefault(sender, "");
        String replyAddress =
                "m." + store.secretFor(recipient, threadId, () -> Secrets.newSecret(SECRET_LENGTH), Clock.now()) + "@"
                        + settings.mailDomain();
        Map<String, Object> values = new HashMap<>();
        values.put("nickname", nickname);
        values.put("title", title);
        values.put("body", theirs.noticeBody() ? "\n" + body + "\n" : "");
        values.put("path", "/messages/" + id);
        values.put("replyAddress", replyAddress);
        mailer.queue(em, to, "message/notice", values, replyAddress);
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
            if (title.codePointCount(0, title.length()) > MAX_TITLE) {
                title = title.substring(0, title.offsetByCodePoints(0, MAX_TITLE));
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

    public MessageSettings settings(long member) {
        MessageStore.Setting s = store.setting(member);
        return new MessageSettings(accept(s).value, s.noticeMail(), s.noticeBody());
    }

    public void saveSettings(long member, String acceptFrom, boolean noticeMail, boolean noticeBody) {
        Accept a = Accept.parse(acceptFrom).orElseThrow(() -> new Refused("受け取る範囲を選んでください。"));
        database.run(em -> store.saveSetting(member, new MessageStore.Setting(a.value, noticeMail, noticeBody)));
    }

    /** The choices of the setting, in order. */
    public static List<Accept> accepts() {
        return List.of(Accept.values());
    }

    /**
     * The thread and member a reply-by-mail local part ({@code m.{secret}}) belongs to, and the message it answers:
     * the newest one of the thread the member received and kept. Empty for an unknown secret.
     */
    record MailThread(long memberId, long threadId, Optional<MessageStore.Row> answering) {}

    Optional<MailThread> mailThread(String localPart) {
        if (localPart == null || !localPart.toLowerCase(java.util.Locale.ROOT).startsWith("m.")) {
            return Optional.empty();
        }
        String given = localPart.substring(2).toLowerCase(java.util.Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return store.address(given)
                .map(a ->
                        new MailThread(a.memberId(), a.threadId(), store.latestReceivedIn(a.threadId(), a.memberId())));
    }

    /** New posting secrets: the member's reply-by-mail addresses stop working too (in the same transaction). */
    void onRotated(@Observes PostingSecretsRotated rotated) {
        store.dropSecrets(rotated.memberId());
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

    private static Accept accept(MessageStore.Setting s) {
        return Accept.parse(s.acceptFrom()).orElse(Accept.FRIENDS);
    }

    /** For tests and the mail route: when the message was made. */
    static Instant now() {
        return Clock.now();
    }
}

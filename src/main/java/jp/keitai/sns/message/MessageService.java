package jp.keitai.sns.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.diary.Photos;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.Refused;

/**
 * Sending メッセージ: who may message whom ({@link AccessPolicy#canMessage} with the recipient's setting
 * マイミクのみ / 全員 / 受け取らない; blocks either way), title and body limits, up to three photos on the diary photo
 * path, replies in the thread of the message answered, the recipient's settings, and the new-message notice by mail
 * (with a reply-by-mail address from {@link ReplyAddresses}). Reading one's messages is {@link MessageBoxService}'s;
 * rows are {@link MessageStore}'s, the unread counts {@link MessageFeed}'s.
 */
@ApplicationScoped
public class MessageService {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 5000;
    static final String NOT_FOUND = "メッセージが見つかりません（削除されたか、あなた宛てではありません）。";
    static final String CANNOT_SEND = "このメンバーにはメッセージを送れません（受け取る相手の設定、またはブロックのため）。";

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
    MessageStore store;

    @Inject
    MessageFeed feed;

    @Inject
    ReplyAddresses replies;

    protected MessageService() {}

    MessageService(
            Database database,
            AccessPolicy policy,
            MemberService members,
            Photos photos,
            Mailer mailer,
            MessageStore store,
            MessageFeed feed,
            ReplyAddresses replies) {
        this.database = database;
        this.policy = policy;
        this.members = members;
        this.photos = photos;
        this.mailer = mailer;
        this.store = store;
        this.feed = feed;
        this.replies = replies;
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
        String replyAddress = replies.addressFor(recipient, threadId);
        Map<String, Object> values = new HashMap<>();
        values.put("nickname", nickname);
        values.put("title", title);
        values.put("body", theirs.noticeBody() ? "\n" + body + "\n" : "");
        values.put("path", "/messages/" + id);
        values.put("replyAddress", replyAddress);
        mailer.queue(em, to, "message/notice", values, replyAddress);
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

    private static Accept accept(MessageStore.Setting s) {
        return Accept.parse(s.acceptFrom()).orElse(Accept.FRIENDS);
    }

    /** For tests and the mail route: when the message was made. */
    static Instant now() {
        return Clock.now();
    }
}

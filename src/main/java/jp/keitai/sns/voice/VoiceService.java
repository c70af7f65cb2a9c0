package jp.keitai.sns.voice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.access.SocialGraph;
import jp.keitai.sns.access.Visibility;
import jp.keitai.sns.live.LiveEvent;
import jp.keitai.sns.live.LiveEvents;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.FormCheck;
import jp.keitai.sns.web.Refused;

/**
 * The rules of voices: posting and replying (1 to 150 characters, once per form or mail), deleting one's own, イイネ!
 * once per member, and who sees what. Voices are kept at {@link #LEVEL}: the author's friends and the author see them,
 * as {@link AccessPolicy} decides. A reply belongs to its post's thread: whoever may see the post sees the replies,
 * except replies by members the viewer cannot deal with (a block either way, a suspended or withdrawn author). The
 * rows are {@link VoiceStore}'s; the lists, and the memory behind the home page, are {@link VoiceFeed}'s.
 */
@ApplicationScoped
public class VoiceService {

    /** Who sees voices: friends (and the author). */
    public static final Visibility LEVEL = Visibility.FRIENDS;

    static final String NOT_FOUND = "ボイスが見つかりません（削除されたか、見られない範囲です）。";

    @Inject
    Database database;

    @Inject
    AccessPolicy policy;

    @Inject
    SocialGraph graph;

    @Inject
    MemberService members;

    @Inject
    LiveEvents live;

    private VoiceStore store;
    private VoiceFeed feed;

    protected VoiceService() {}

    public VoiceService(Database database, AccessPolicy policy, SocialGraph graph, MemberService members) {
        this.database = database;
        this.policy = policy;
        this.graph = graph;
        this.members = members;
        this.live = new LiveEvents(database);
        init();
    }

    @PostConstruct
    void init() {
        store = new VoiceStore(database);
        feed = new VoiceFeed(database, store, policy, graph, members);
    }

    /**
     * What a post came to: the voice's id.
     *
     * @param created false when the same form or mail had already made this voice
     */
    public record Posted(long id, boolean created) {}

    /**
     * Posts a voice, or a reply when {@code replyTo} is given. The body is normalised ({@link VoiceText#normalise})
     * and must have 1 to 150 characters.
     *
     * @throws Refused with the reason in Japanese: a blank or too long body, a reply to a voice not there or not
     *     visible
     *
     * @param sourceKey what made the post (a form's one-time key, a mail's dedup key) or null: a second post with the
     *     same key finds the first instead of posting twice
     */
    public Posted post(long author, String body, Long replyTo, String sourceKey) {
        String text = VoiceText.normalise(body);
        FormCheck.check(VoiceForm.of(text));
        try {
            return database.tx(em -> {
                Optional<Long> earlier = sourceKey == null ? Optional.empty() : store.bySourceKey(author, sourceKey);
                if (earlier.isPresent()) {
                    return new Posted(earlier.get(), false);
                }
                Long root = null;
                if (replyTo != null) {
                    Optional<Voice> target = store.find(replyTo);
                    Optional<Voice> post = target.flatMap(this::postOf);
                    if (post.isEmpty()
                            || !policy.canSee(author, post.get().authorId(), LEVEL)
                            || !policy.canInteract(author, target.get().authorId())) {
                        throw new Refused("返信先の" + NOT_FOUND);
                    }
                    root = post.get().id();
                    feed.changed(post.get().authorId()); // its replies
                } else {
                    feed.changed(author);
                }
                long id = store.insert(author, text, root, sourceKey, Clock.now());
                if (root == null) { // a new post goes live to friends' home pages; replies stay in their thread
                    live.record(LiveEvent.VOICE, author, id, null);
                }
                return new Posted(id, true);
            });
        } catch (Refused e) {
            throw e;
        } catch (RuntimeException e) {
            // the same key posted at the same moment from a second request: the unique constraint kept one
            if (sourceKey != null) {
                Optional<Long> earlier = store.bySourceKey(author, sourceKey);
                if (earlier.isPresent()) {
                    return new Posted(earlier.get(), false);
                }
            }
            // the voice being answered was deleted at this very moment
            if (replyTo != null && store.find(replyTo).isEmpty()) {
                throw new Refused("返信先の" + NOT_FOUND);
            }
            throw e;
        }
    }

    /**
     * What a delete came to.
     *
     * @param thread the post whose reply went, when the member still sees that post's thread; else null
     */
    public record Deleted(Long thread) {}

    /**
     * Deletes the member's own voice; its replies and イイネ! go with it.
     *
     * @throws Refused when the voice is not the member's, or is gone already (nothing is written then)
     */
    public Deleted delete(long member, long voiceId) {
        return database.tx(em -> {
            Optional<Voice> v = store.find(voiceId);
            if (v.isEmpty() || v.get().authorId() != member) {
                throw new Refused("削除できるのは自分のボイスだけです。");
            }
            Optional<Voice> post = postOf(v.get());
            feed.changed(post.map(Voice::authorId).orElse(member));
            store.delete(voiceId);
            boolean reply = v.get().replyTo() != null;
            return new Deleted(
                    reply
                                    && post.isPresent()
                                    && policy.canSee(member, post.get().authorId(), LEVEL)
                            ? post.get().id()
                            : null);
        });
    }

    /**
     * Says イイネ! for the member; saying it again changes nothing. Returns a problem in Japanese, or null. Not for
     * use inside another transaction: the primary key decides a race between two clicks, and the losing insert is
     * simply the like that already exists.
     */
    public String like(long member, long voiceId) {
        Optional<VoiceItem> seen = visible(member, voiceId);
        if (seen.isEmpty()) {
            return NOT_FOUND;
        }
        VoiceStore.Liked liked = store.like(voiceId, member, Clock.now());
        feed.changed(seen.get().getAuthorId());
        return liked == VoiceStore.Liked.GONE ? NOT_FOUND : null;
    }

    /** Takes the member's イイネ! back (nothing happens when there is none). */
    public void unlike(long member, long voiceId) {
        if (store.unlike(voiceId, member)) {
            store.find(voiceId).ifPresent(v -> feed.changed(v.authorId()));
        }
    }

    /**
     * The member's own voice (post or reply), for asking before it is deleted: found even when the thread of a reply
     * is no longer visible to them, since the delete itself works then too.
     */
    public Optional<VoiceItem> own(long member, long voiceId) {
        return store.find(voiceId)
                .filter(v -> v.authorId() == member)
                .flatMap(v -> feed.items(member, List.of(v), false).stream().findFirst());
    }

    /** The voice itself (post or reply), if the viewer may see it. */
    public Optional<VoiceItem> visible(Long viewer, long voiceId) {
        if (viewer == null) {
            return Optional.empty();
        }
        Optional<Voice> found = store.find(voiceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Voice v = found.get();
        if (v.replyTo() != null) {
            Optional<Voice> post = store.find(v.replyTo());
            if (post.isEmpty()
                    || !policy.canSee(viewer, post.get().authorId(), LEVEL)
                    || !policy.canInteract(viewer, v.authorId())) {
                return Optional.empty();
            }
        } else if (!policy.canSee(viewer, v.authorId(), LEVEL)) {
            return Optional.empty();
        }
        return feed.items(viewer, List.of(v), false).stream().findFirst();
    }

    /** A post with the replies the viewer may see (given a reply, its post's thread). */
    public Optional<VoiceItem> thread(Long viewer, long voiceId) {
        if (viewer == null) {
            return Optional.empty();
        }
        Optional<Voice> post = store.find(voiceId).flatMap(this::postOf);
        if (post.isEmpty() || !policy.canSee(viewer, post.get().authorId(), LEVEL)) {
            return Optional.empty();
        }
        return feed.items(viewer, List.of(post.get()), true).stream().findFirst();
    }

    /** Friends' voices and the viewer's own, newest first: {@code size} posts per page, pages from 1. */
    public VoicePage timeline(long viewer, int page, int size) {
        return feed.timeline(viewer, page, size);
    }

    /**
     * The owner's latest posts (not replies) as the viewer may see them, newest first: empty when the viewer may not
     * see the owner's voices. For the profile page.
     */
    public List<VoiceItem> latestBy(Long viewer, long owner, int limit) {
        if (viewer == null || !policy.canSee(viewer, owner, LEVEL)) {
            return List.of();
        }
        return feed.items(viewer, store.posts(List.of(owner), 0, limit), false);
    }

    /** For tests: the number of voices a member has posted (posts and replies). */
    int countBy(long author) {
        return store.countBy(author);
    }

    /** The post itself, or a reply's post (empty when that is gone). */
    private Optional<Voice> postOf(Voice v) {
        return v.replyTo() == null ? Optional.of(v) : store.find(v.replyTo());
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.access.AccessPolicy;
import jp.keitai.sns.carrier.Handset;
import jp.keitai.sns.diary.PhotoService;
import jp.keitai.sns.mail.outbound.Mailer;
import jp.keitai.sns.member.MemberService;
import jp.keitai.sns.member.MemberStatus;
import jp.keitai.sns.member.MemberSummary;
import jp.keitai.sns.system.Clock;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.web.NotFound;
import jp.keitai.sns.web.Refused;

/**
 * Numbered comments on topics, from the web, the API and mail: add (with photos), edit and delete one's own (an
 * administrator may delete any), and their photos. Numbers are taken under the topic row's lock and never reused; the
 * topic's writer and commenters who asked for notices are mailed in the comment's transaction.
 */
@ApplicationScoped
public class TopicComments {

    @Inject
    Database database;

    @Inject
    CommunityStore communities;

    @Inject
    CommunityMailStore mail;

    @Inject
    TopicStore store;

    @Inject
    TopicService topics;

    @Inject
    MemberService members;

    @Inject
    AccessPolicy policy;

    @Inject
    PhotoService photos;

    @Inject
    Mailer mailer;

    protected TopicComments() {}

    TopicComments(
            Database database,
            CommunityStore communities,
            CommunityMailStore mail,
            TopicStore store,
            TopicService topics,
            MemberService members,
            AccessPolicy policy,
            PhotoService photos,
            Mailer mailer) {
        this.database = database;
        this.communities = communities;
        this.mail = mail;
        this.store = store;
        this.topics = topics;
        this.members = members;
        this.policy = policy;
        this.photos = photos;
        this.mailer = mailer;
    }

    private static final Logger LOG = Logger.getLogger(TopicComments.class.getName());

    /** Adds a comment from the web; answers its number. */
    public int comment(long me, long communityId, long topicId, String body, List<byte[]> files) {
        Optional<Topic> t = topics.readable(me, communityId, topicId);
        if (t.isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        topics.requireActive(me);
        return addComment(me, t.get(), body, files, false);
    }

    /** Checks a comment's text; answers it normalised. */
    static String checkComment(String body) {
        String b = TopicService.text(body);
        if (b.isEmpty()) {
            throw new Refused("コメントを入力してください。");
        }
        if (TopicService.length(b) > TopicService.MAX_COMMENT) {
            throw new Refused("コメントは" + TopicService.MAX_COMMENT + "文字までです（" + TopicService.length(b) + "文字あります）。");
        }
        return b;
    }

    private int addComment(long me, Topic topic, String body, List<byte[]> files, boolean viaMail) {
        String b = checkComment(body);
        if (files.size() > TopicService.MAX_PHOTOS) {
            throw new Refused("写真は" + TopicService.MAX_PHOTOS + "枚までです。");
        }
        if (!communities.standing(topic.communityId(), me).isMember()) {
            throw new Refused("コミュニティに参加するとコメントできます。");
        }
        List<PhotoService.Saved> saved = photos.storeAll(files);
        try {
            return database.tx(em -> {
                Instant now = Clock.now();
                store.lock(topic.id()).orElseThrow(() -> new NotFound(TopicService.NOT_FOUND));
                int number = store.takeNumber(topic.id(), topic.communityId(), now);
                store.addComment(topic.id(), number, me, b, viaMail, now);
                topics.addPhotos(topic.id(), number, saved);
                communities.touched(topic.communityId(), now);
                notices(em, me, topic, number);
                return number;
            });
        } catch (RuntimeException x) {
            saved.forEach(photos::delete);
            throw x;
        }
    }

    /**
     * Mails the topic's writer and its commenters who asked for notices (not the one who wrote, and only those who
     * may still read the community), in the comment's transaction.
     */
    private void notices(EntityManager em, long writer, Topic topic, int number) {
        Set<Long> to = new HashSet<>(store.commenters(topic.id()));
        to.add(topic.authorId());
        to.remove(writer);
        if (to.isEmpty()) {
            return;
        }
        Set<Long> wanting = mail.wantingMail(to);
        if (wanting.isEmpty()) {
            return;
        }
        String nickname = members.find(writer).map(MemberSummary::nickname).orElse("");
        for (Map.Entry<Long, MemberSummary> e : members.findAll(wanting).entrySet()) {
            MemberSummary m = e.getValue();
            if (m.status() != MemberStatus.ACTIVE || !policy.canReadCommunity(m.id(), topic.communityId())) {
                continue;
            }
            String address = m.mobileEmail() != null ? m.mobileEmail() : m.pcEmail();
            if (address == null) {
                continue;
            }
            try {
                mailer.queue(
                        em,
                        address,
                        "community/comment",
                        Map.of(
                                "title",
                                topic.title(),
                                "nickname",
                                nickname,
                                "number",
                                String.valueOf(number),
                                "path",
                                "/communities/" + topic.communityId() + "/topics/" + topic.id() + "?page="
                                        + ((number - 1) / TopicService.PAGE + 1) + "#c" + number));
            } catch (IllegalArgumentException x) {
                LOG.log(Level.WARNING, "community notice for topic " + topic.id() + " not queued", x);
            }
        }
    }

    /** The writer changes their comment's text. */
    public void editComment(long me, long communityId, long topicId, int number, String body) {
        String b = checkComment(body);
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        database.tx(em -> {
            store.lock(topicId);
            TopicStore.CommentRow c = store.comment(topicId, number)
                    .filter(r -> !r.deleted() && !r.hidden())
                    .orElseThrow(() -> new NotFound("コメントが見つかりません。"));
            if (c.authorId() != me || !communities.standing(communityId, me).isMember()) {
                throw new Refused("自分のコメントだけを編集できます。");
            }
            store.editComment(topicId, number, b, Clock.now());
            return null;
        });
    }

    /** The comment's text for its edit form: the writer's own only. */
    public Optional<String> ownComment(long me, long communityId, long topicId, int number) {
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            return Optional.empty();
        }
        return store.comment(topicId, number)
                .filter(r -> !r.deleted() && !r.hidden() && r.authorId() == me)
                .map(TopicStore.CommentRow::body);
    }

    /** Deletes a comment: its writer, or an administrator of the community. The number stays taken. */
    public void deleteComment(long me, long communityId, long topicId, int number) {
        if (topics.readable(me, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        List<TopicStore.Photo> gone = database.tx(em -> {
            store.lock(topicId);
            TopicStore.CommentRow c = store.comment(topicId, number)
                    .filter(r -> !r.deleted())
                    .orElseThrow(() -> new NotFound("コメントが見つかりません。"));
            if (c.authorId() != me && !communities.standing(communityId, me).isAdministrator()) {
                throw new Refused("書いた人と管理人だけが削除できます。");
            }
            store.deleteComment(topicId, number, Clock.now());
            return store.removePhotos(topicId, number);
        });
        gone.forEach(p -> photos.delete(new PhotoService.Saved(p.key(), p.format())));
    }

    /** A photo of the topic ({@code number} 0) or a comment, for a viewer who may read the community. */
    public Optional<PhotoService.Copy> photo(
            Long viewer, long communityId, long topicId, int number, int position, Handset handset, boolean thumb) {
        if (topics.readable(viewer, communityId, topicId).isEmpty()) {
            return Optional.empty();
        }
        if (number > 0
                && store.comment(topicId, number)
                        .filter(r -> !r.deleted() && !r.hidden())
                        .isEmpty()) {
            return Optional.empty();
        }
        return store.photos(topicId, number, number).stream()
                .filter(p -> p.position() == position)
                .findFirst()
                .flatMap(p -> photos.serve(p.key(), p.format(), handset, thumb));
    }

    /** A comment by mail, in the mail worker's transaction; answers its number or throws {@link Refused}. */
    public int commentByMail(long me, TopicMail.MailOwner owner, String body, List<byte[]> files) {
        Topic t = store.find(owner.topicId()).filter(x -> !x.hidden()).orElseThrow(() -> new Refused("トピックが見つかりません。"));
        if (!policy.canReadCommunity(me, t.communityId())) {
            throw new Refused("このコミュニティにはコメントできません。");
        }
        return addComment(me, t, body, files, true);
    }
}

package jp.keitai.sns.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;
import jp.keitai.sns.web.NotFound;

/**
 * Posting addresses ({@code c.{secret}@domain}): one random secret per member and topic, issued when the member first
 * asks for it (not by viewing the topic: a page view writes nothing), replaced on request, and looked up when mail
 * arrives.
 */
@ApplicationScoped
public class TopicMail {

    @Inject
    Database database;

    @Inject
    CommunityMailStore mail;

    @Inject
    TopicStore store;

    @Inject
    TopicService topics;

    @Inject
    CommunityFeed feed;

    @Inject
    Settings settings;

    protected TopicMail() {}

    TopicMail(
            Database database,
            CommunityMailStore mail,
            TopicStore store,
            TopicService topics,
            CommunityFeed feed,
            Settings settings) {
        this.database = database;
        this.mail = mail;
        this.store = store;
        this.topics = topics;
        this.feed = feed;
        this.settings = settings;
    }

    private static final Logger LOG = Logger.getLogger(TopicMail.class.getName());

    /**
     * The member's posting address for the topic ({@code c.{secret}@domain}), issued on first use: from memory once
     * issued; the first view writes it and reads it back from the database.
     */
    public String postingAddress(long member, long topicId) {
        Optional<String> secret = feed.secret(member, topicId);
        if (secret.isEmpty()) {
            try {
                database.tx(em -> {
                    mail.saveSecret(member, topicId, Secrets.newSecret(TopicService.SECRET_LENGTH));
                    return null;
                });
            } catch (RuntimeException e) {
                // two first views at once: the other one's secret stands
                LOG.log(Level.FINE, "posting secret raced", e);
            }
            secret = mail.secret(member, topicId);
        }
        return "c." + secret.orElseThrow() + "@" + settings.mailDomain();
    }

    /** The member's posting address for the topic if one was issued (from memory). */
    public Optional<String> knownAddress(long member, long topicId) {
        return feed.secret(member, topicId).map(s -> "c." + s + "@" + settings.mailDomain());
    }

    /** Issues the member's posting address for the topic they may read (once; later calls keep it). */
    public String issueAddress(long member, long communityId, long topicId) {
        if (topics.readable(member, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        return postingAddress(member, topicId);
    }

    /** Replaces the member's secret for the topic; the old address stops working at once. */
    public void rotateAddress(long member, long communityId, long topicId) {
        if (topics.readable(member, communityId, topicId).isEmpty()) {
            throw new NotFound(TopicService.NOT_FOUND);
        }
        database.tx(em -> {
            mail.saveSecret(member, topicId, Secrets.newSecret(TopicService.SECRET_LENGTH));
            return null;
        });
    }

    /** Who a {@code c.} local part belongs to, and for which topic. */
    public record MailOwner(long memberId, long topicId, long communityId, String topicTitle) {}

    public Optional<MailOwner> mailOwner(String localPart) {
        if (localPart == null || !localPart.toLowerCase(java.util.Locale.ROOT).startsWith("c.")) {
            return Optional.empty();
        }
        String given = localPart.substring(2).toLowerCase(java.util.Locale.ROOT);
        if (given.length() != TopicService.SECRET_LENGTH) {
            return Optional.empty();
        }
        return mail.secretOwner(given)
                .filter(o -> Secrets.matches(given, o.secret()))
                .flatMap(o -> store.find(o.topicId())
                        .map(t -> new MailOwner(o.memberId(), t.id(), t.communityId(), t.title())));
    }
}

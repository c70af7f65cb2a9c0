package jp.keitai.sns.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.keitai.sns.mail.inbound.Secrets;
import jp.keitai.sns.system.Database;
import jp.keitai.sns.system.Settings;

/**
 * A member's posting addresses, {@code d.{secret}@{domain}} for diaries and {@code v.{secret}@{domain}} for voices.
 * Secrets are issued on first use, shown on {@code /settings/mail}, and replaced by {@link #rotate}. A mail route
 * finds the member with {@link #memberFor}; it must still check that the sender is that member's carrier address.
 */
@ApplicationScoped
public class PostingAddresses {

    /** Which address: the local part is {@code prefix + secret}. */
    public enum Kind {
        DIARY("d."),
        VOICE("v.");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int SECRET_LENGTH = 16;

    @Inject
    Database database;

    @Inject
    Settings settings;

    @Inject
    PostingAddressStore store;

    /** Tells the features with addresses of their own (null when built by hand). */
    @Inject
    jakarta.enterprise.event.Event<PostingSecretsRotated> rotated;

    protected PostingAddresses() {}

    public PostingAddresses(Database database, Settings settings) {
        this.database = database;
        this.settings = settings;
        this.store = new PostingAddressStore(database);
    }

    /** The member's address of this kind, issuing a secret when the member has none yet. */
    public String addressOf(long memberId, Kind kind) {
        return kind.prefix() + secretOf(memberId, kind) + "@" + settings.mailDomain();
    }

    /** Replaces both secrets; the old addresses stop working at once. */
    public void rotate(long memberId) {
        Map<Kind, String> secrets = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            secrets.put(kind, Secrets.newSecret(SECRET_LENGTH));
        }
        database.run(em -> {
            store.replace(memberId, secrets);
            if (rotated != null) {
                rotated.fire(new PostingSecretsRotated(memberId)); // in the same transaction
            }
        });
    }

    /**
     * The member a local part such as {@code d.abcd…} belongs to, or empty. The secret is looked up by its exact
     * (lower-cased) value and then compared in constant time.
     */
    public Optional<Long> memberFor(Kind kind, String localPart) {
        if (localPart == null || !localPart.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String given = localPart.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        return store.find(kind, given)
                .filter(found -> Secrets.matches(given, found.secret()))
                .map(PostingAddressStore.Secret::memberId);
    }

    /**
     * Who a posting address belongs to, as the mail routes need it: id, addresses and status, read with plain JDBC
     * (no entity is built: in the mail worker's transaction every entity is registered and copied for the flush, and
     * that cost more than the query).
     */
    public record Owner(long id, String mobileEmail, String pcEmail, MemberStatus status) {}

    /**
     * The member a local part belongs to, found with one statement (secret and member together): for the mail routes,
     * which handle every posting mail with it. Inside a caller's transaction (the mail worker's) it reads through that
     * transaction.
     */
    public Optional<Owner> ownerOf(Kind kind, String localPart) {
        if (localPart == null || !localPart.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String given = localPart.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
        if (given.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        Map<String, Optional<Owner>> known = database.transactionLocal(prefetchKey(kind), HashMap::new);
        if (known != null && known.containsKey(given)) {
            return known.get(given);
        }
        // the secret is matched by the index lookup itself: comparing it again with the value found by it would
        // compare a string with itself
        return store.owner(kind, given);
    }

    /**
     * Reads the owners of these local parts in one statement and keeps them for the rest of the current transaction,
     * where {@link #ownerOf} answers from them: the mail worker calls it for a batch of posting mails. Returns the
     * owners found. Outside a transaction it only reads.
     */
    public java.util.List<Owner> prefetchOwners(Kind kind, java.util.Collection<String> localParts) {
        java.util.List<String> secrets = new java.util.ArrayList<>();
        for (String lp : localParts) {
            if (lp != null && lp.toLowerCase(Locale.ROOT).startsWith(kind.prefix())) {
                String given = lp.substring(kind.prefix().length()).toLowerCase(Locale.ROOT);
                if (given.length() == SECRET_LENGTH && !secrets.contains(given)) {
                    secrets.add(given);
                }
            }
        }
        if (secrets.isEmpty()) {
            return java.util.List.of();
        }
        Map<String, Optional<Owner>> found = new HashMap<>();
        secrets.forEach(s -> found.put(s, Optional.empty()));
        store.owners(kind, secrets).forEach((secret, owner) -> found.put(secret, Optional.of(owner)));
        Map<String, Optional<Owner>> known = database.transactionLocal(prefetchKey(kind), HashMap::new);
        if (known != null) {
            known.putAll(found);
        }
        return found.values().stream().flatMap(Optional::stream).toList();
    }

    private static String prefetchKey(Kind kind) {
        return PostingAddresses.class.getName() + ".owners." + kind.name();
    }

    private String secretOf(long memberId, Kind kind) {
        return store.secretOf(memberId, kind, () -> Secrets.newSecret(SECRET_LENGTH));
    }
}

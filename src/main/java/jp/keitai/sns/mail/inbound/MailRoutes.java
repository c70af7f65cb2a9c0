package jp.keitai.sns.mail.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The routes features register for inbound mail, by the recipient's local part. The SMTP listener asks it at RCPT time
 * (an address no route takes is refused there) and the spool worker asks it again when handling.
 *
 * <pre>{@code
 * void onStart(@Observes Started started) {       // default priority: before the listener starts
 *     routes.register("diary", MailRoutes.prefix("d."), diaryMail::handle);
 * }
 * }</pre>
 *
 * The predicate runs on the SMTP thread for every RCPT, so it should be a cheap pattern test; secrets are checked by
 * the handler ({@link Secrets#matches}). The first registered route that matches wins.
 */
@ApplicationScoped
public class MailRoutes {

    private static final Logger LOG = Logger.getLogger(MailRoutes.class.getName());

    private final List<MailRoute> routes = new CopyOnWriteArrayList<>();

    /**
     * Adds a route.
     *
     * @param name a short name recorded on each spool row it handles (e.g. {@code diary})
     * @param localPart which local parts (as given, any case) belong to it; see {@link #exactly} and {@link #prefix}
     * @throws IllegalStateException when a route of that name exists
     */
    public void register(String name, Predicate<String> localPart, MailHandler handler) {
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(handler, "handler");
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("route name: " + name);
        }
        synchronized (routes) {
            if (routes.stream().anyMatch(r -> r.name().equals(name))) {
                throw new IllegalStateException("mail route '" + name + "' is registered already");
            }
            routes.add(new MailRoute(name, localPart, handler));
        }
    }

    /** Removes a route (mail already spooled for it is refused when handled). */
    public void unregister(String name) {
        routes.removeIf(r -> r.name().equals(name));
    }

    /** The local part is exactly {@code value}, ignoring case (e.g. {@code get}). */
    public static Predicate<String> exactly(String value) {
        return lp -> lp != null && lp.equalsIgnoreCase(value);
    }

    /** The local part starts with {@code prefix}, ignoring case, and has something after it (e.g. {@code d.}). */
    public static Predicate<String> prefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return lp -> lp != null
                && lp.length() > p.length()
                && lp.toLowerCase(Locale.ROOT).startsWith(p);
    }

    /** Whether some route takes this local part. */
    public boolean accepts(String localPart) {
        return find(localPart).isPresent();
    }

    /** The first route that takes this local part. */
    public Optional<MailRoute> find(String localPart) {
        for (MailRoute route : routes) {
            try {
                if (route.localPart().test(localPart)) {
                    return Optional.of(route);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "mail route '" + route.name() + "' failed to match", e);
            }
        }
        return Optional.empty();
    }

    public List<MailRoute> all() {
        return List.copyOf(routes);
    }
}

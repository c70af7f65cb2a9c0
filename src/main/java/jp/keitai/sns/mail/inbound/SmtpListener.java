package jp.keitai.sns.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import jp.keitai.sns.system.BackgroundThreads;
import jp.keitai.sns.system.Clock;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The SMTP listener (subethasmtp). It takes mail for {@code sns.mail.domain} only, refuses at RCPT any local part no
 * route takes, refuses at DATA what is larger than {@code sns.mail.max-bytes}, and answers 250 only after the raw
 * message is committed to the spool; if that fails it answers 451 so the sending MTA tries again.
 *
 * <p>Memory is bounded by settings: the bytes all sessions hold at once by {@code sns.smtp.data-budget-mb} (a
 * {@link DataBudget}; past it DATA is answered 452), the sessions by {@code sns.smtp.max-connections} and those of
 * one client address by {@code sns.smtp.max-connections-per-client} (both answered 421).
 */
public final class SmtpListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpListener.class.getName());
    private static final int MAX_RECIPIENTS = 10;
    private static final int MAX_LOCAL_PART = 64;

    private final InboundSettings settings;
    private final MailRoutes routes;
    private final Spool spool;
    private final Runnable onSpooled;
    private final DataBudget budget;
    private final ExecutorService sessions;
    private final SMTPServer server;

    /**
     * @param port where to listen (0 = any free port, for tests)
     * @param onSpooled called after each committed mail (wakes the workers)
     */
    public SmtpListener(InboundSettings settings, int port, MailRoutes routes, Spool spool, Runnable onSpooled) {
        this(settings, port, routes, spool, onSpooled, null);
    }

    /** @param threads the container's thread factory for the session threads; null outside the container */
    public SmtpListener(
            InboundSettings settings,
            int port,
            MailRoutes routes,
            Spool spool,
            Runnable onSpooled,
            ThreadFactory threads) {
        this.settings = settings;
        this.routes = routes;
        this.spool = spool;
        this.onSpooled = onSpooled;
        this.budget = new DataBudget(settings.dataBudgetBytes());
        // a thread per open session, made when needed and ended after a minute idle; maxConnections bounds them
        this.sessions = new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                BackgroundThreads.numbered(threads, "sns-smtp-"));
        this.server = SMTPServer.port(port)
                .hostName(settings.domain())
                .softwareName("keitai-sns")
                .messageHandlerFactory(Transaction::new)
                .fromAddressValidator(SmtpListener::plausibleSender)
                .maxMessageSize(settings.maxBytes())
                .maxRecipients(MAX_RECIPIENTS)
                .maxConnections(settings.maxConnections())
                .sessionHandler(SessionHandler.limitConcurrentSessionsBySource(settings.maxConnectionsPerClient()))
                .connectionTimeout(120, TimeUnit.SECONDS)
                .executorService(sessions)
                .serverThreadName("sns-smtp-accept")
                .build();
    }

    public void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            sessions.shutdownNow();
            throw new IllegalStateException(
                    "SMTP listener: port " + server.getPort() + " (sns.smtp.port) cannot be opened: " + e.getMessage(),
                    e);
        }
        LOG.info(() -> "SMTP listener on port " + port() + " for @" + settings.domain());
    }

    /** Bytes of the DATA budget free now (for tests). */
    long budgetFree() {
        return budget.free();
    }

    /** The port actually bound. */
    public int port() {
        return server.getPortAllocated();
    }

    /** Stops accepting, closes open sessions (a mail not yet answered 250 is retried by its sender). */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
            LOG.info("SMTP listener stopped");
        }
        sessions.shutdownNow();
    }

    /**
     * MAIL FROM as carriers send it: no strict RFC check (docomo's {@code a..b.@docomo.ne.jp} must pass), only what
     * could not be an address at all.
     */
    static boolean plausibleSender(String address) {
        return address.isEmpty()
                || (address.length() <= 512 && address.indexOf('@') > 0 && !hasSpaceOrBracket(address));
    }

    /** What the regular expression {@code .*[\\s<>].*} matched, without compiling it for every MAIL FROM. */
    private static boolean hasSpaceOrBracket(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private final class Transaction implements MessageHandler {
        private final MessageContext context;
        private final List<String> recipients = new ArrayList<>();
        private String from;

        Transaction(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) {
            this.from = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            int at = recipient.lastIndexOf('@');
            if (at <= 0) {
                throw new RejectException(553, "5.1.3 Bad recipient address syntax");
            }
            String domain = recipient.substring(at + 1).toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (!domain.equals(settings.domain())) {
                throw new RejectException(550, "5.7.1 Relay access denied");
            }
            String local = Spool.localPart(recipient);
            if (local.isEmpty() || local.length() > MAX_LOCAL_PART || !routes.accepts(local)) {
                throw new RejectException(550, "5.1.1 Recipient address rejected: user unknown");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            List<Long> ids;
            // read to the end even when too large or over budget: what is left would otherwise be read as commands
            try (DataBudget.Read read = budget.read(data, settings.maxBytes())) {
                if (read.total > settings.maxBytes()) {
                    throw new RejectException(
                            552, "5.3.4 Message size exceeds fixed limit of " + settings.maxBytes() + " bytes");
                }
                if (read.overBudget) {
                    LOG.warning(() ->
                            "SMTP data budget (sns.smtp.data-budget-mb) used up: " + remoteAddress() + " answered 452");
                    throw new RejectException(452, "4.3.1 Insufficient system storage, please try again later");
                }
                try {
                    ids = spool.accept(
                            new Spool.Envelope(
                                    remoteAddress(), context.getHelo().orElse(null), from, recipients),
                            read.bytes(),
                            Clock.now());
                } catch (RuntimeException e) {
                    LOG.warning(() -> "could not spool a mail, answering 451: " + e.getMessage());
                    throw new RejectException(451, "4.3.0 Temporary failure, please try again later");
                }
            }
            onSpooled.run();
            return "2.0.0 Ok: queued as " + ids;
        }

        @Override
        public void done() {}

        private String remoteAddress() {
            return context.getRemoteAddress() instanceof InetSocketAddress a
                    ? a.getAddress().getHostAddress()
                    : String.valueOf(context.getRemoteAddress());
        }
    }
}

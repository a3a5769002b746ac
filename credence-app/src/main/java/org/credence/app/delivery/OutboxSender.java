package org.credence.app.delivery;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Drains the e-mail outbox: claims due messages, hands them to the {@link Mailer} no faster than
 * {@link OutboxSettings#messagesPerSecond()}, records the Message-ID of each sent message, and
 * retries failed ones with backoff until their attempts are spent. Several senders (nodes) may run
 * on one database: each claims rows under a lock, so a message is not sent twice (unless a sender
 * dies mid-send: then it is retried after the send timeout). The rate is per sender.
 *
 * <p>Call {@link #sendDue()} from a scheduler, or {@link #start()} a background thread and {@link
 * #close()} it. Thread-safe.
 */
public final class OutboxSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Clock clock;
    private final OutboxSettings settings;
    private final Throttle throttle;
    private final OutboxStore store = new OutboxStore();
    private volatile boolean closed;
    private volatile Thread thread;

    public OutboxSender(Database database, Mailer mailer, Clock clock, OutboxSettings settings) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.throttle = new Throttle(settings.messagesPerSecond(), clock);
    }

    /**
     * Sends the messages that are due now, as many as the throttle allows at this moment.
     *
     * @return how many messages were tried (sent or failed)
     */
    public synchronized int sendDue() {
        int permits = throttle.available();
        if (permits == 0) {
            return 0;
        }
        List<OutboxMessage> claimed = claim(permits);
        throttle.take(claimed.size());
        for (OutboxMessage message : claimed) {
            send(message);
        }
        return claimed.size();
    }

    private List<OutboxMessage> claim(int limit) {
        return jdbi.inTransaction(
                handle -> {
                    Instant now = clock.instant();
                    List<OutboxMessage> claimed = new ArrayList<>();
                    for (UUID id : store.lockDue(handle, now, limit)) {
                        if (store.claim(handle, id, now, now.plus(settings.sendTimeout()))) {
                            store.find(handle, id).ifPresent(claimed::add);
                        }
                    }
                    return claimed;
                });
    }

    private void send(OutboxMessage message) {
        try {
            String messageId = mailer.send(message.email());
            jdbi.useHandle(
                    handle -> store.markSent(handle, message.id(), messageId, clock.instant()));
        } catch (MailException e) {
            boolean retry = !e.permanent() && message.attempts() < settings.maxAttempts();
            Instant now = clock.instant();
            Instant retryAt = retry ? now.plus(settings.backoff().after(message.attempts())) : now;
            LOG.log(
                    Level.INFO,
                    "E-mail {0} attempt {1} failed{2}: {3}",
                    message.id(),
                    message.attempts(),
                    retry ? ", retrying at " + retryAt : " for good",
                    e.getMessage());
            jdbi.useHandle(
                    handle ->
                            store.markFailedAttempt(
                                    handle, message.id(), e.getMessage(), retryAt, retry));
        }
    }

    /** Starts a background thread that sends due messages until {@link #close()}. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("an outbox sender starts once");
        }
        thread = new Thread(this::loop, "credence-outbox-sender");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            Duration pause;
            try {
                pause = sendDue() == 0 ? pauseWhenIdle() : Duration.ZERO;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot drain the outbox; trying again", e);
                pause = settings.pollInterval();
            }
            try {
                Thread.sleep(Math.max(pause.toMillis(), 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration pauseWhenIdle() {
        Duration untilPermit = throttle.untilNext();
        return untilPermit.isZero() ? settings.pollInterval() : untilPermit;
    }

    /**
     * Stops the background thread once it has finished the messages it claimed (it is not
     * interrupted: a message interrupted mid-send would be sent again after the send timeout).
     */
    @Override
    public void close() {
        closed = true;
        Thread running = thread;
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package org.credence.server;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.credence.app.bulk.BulkIssueService;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.delivery.SmtpMailer;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.job.JobRunner;
import org.credence.app.job.RunnerSettings;

/**
 * The server's background work: the durable job runner (bulk issues) and, when SMTP is configured,
 * the e-mail outbox sender. Without SMTP, e-mails stay queued in the outbox (nothing is lost) and
 * are sent once a mail server is configured. Closing stops both, giving running jobs back to the
 * queue.
 */
public final class Background implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    private final JobRunner runner;
    private final Optional<OutboxSender> sender;

    private Background(JobRunner runner, Optional<OutboxSender> sender) {
        this.runner = runner;
        this.sender = sender;
    }

    /** Starts the job runner and, with SMTP settings, the outbox sender. */
    public static Background start(Services services, Optional<SmtpSettings> smtp, Clock clock) {
        Objects.requireNonNull(services, "services");
        JobRunner runner =
                new JobRunner(
                        services.jobs(),
                        Map.of(BulkIssueService.JOB_KIND, services.bulkHandler()),
                        new RunnerSettings(
                                "credence",
                                2,
                                Duration.ofMillis(500),
                                // Three heartbeats per lease: a busy node never loses its job.
                                services.jobs().leaseDuration().dividedBy(3),
                                Duration.ofSeconds(20)));
        runner.start();
        Optional<OutboxSender> sender =
                smtp.map(
                        settings ->
                                new OutboxSender(
                                        services.database(),
                                        new SmtpMailer(settings, clock),
                                        clock,
                                        OutboxSettings.defaults()));
        sender.ifPresentOrElse(
                OutboxSender::start,
                () ->
                        LOG.info(
                                "No SMTP server configured (CREDENCE_SMTP_HOST): e-mails stay"
                                        + " queued until one is."));
        return new Background(runner, sender);
    }

    @Override
    public void close() {
        try {
            sender.ifPresent(OutboxSender::close);
        } finally {
            runner.close();
        }
    }
}

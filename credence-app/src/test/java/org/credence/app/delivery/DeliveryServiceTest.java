package org.credence.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.job.Backoff;
import org.credence.app.job.MutableClock;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.testing.BounceMessages;
import org.credence.app.testing.IssuanceWorld;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delivery against a real in-process SMTP server (GreenMail) and both database engines. */
class DeliveryServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final String BASE_URL = "https://badges.example.edu";
    private static final Pattern CLAIM_LINK =
            Pattern.compile(Pattern.quote(BASE_URL) + "/claim/([A-Za-z0-9_-]{43})");
    private static final OutboxSettings SETTINGS =
            new OutboxSettings(
                    10,
                    3,
                    new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                    Duration.ofMinutes(5),
                    Duration.ofMillis(50));

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(START);

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_deliver_the_email_with_its_claim_link_and_escaped_html_when_the_outbox_is_drained(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN an e-mail queued in the issuing transaction
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            UUID credentialId = credential(world);
            UUID outboxId =
                    database.jdbi()
                            .inTransaction(
                                    handle ->
                                            delivery.queueCredentialEmail(
                                                    handle,
                                                    email(
                                                            owner,
                                                            credentialId,
                                                            "<script>alert(1)</script> Ada")));
            assertThat(delivery.delivery(owner, credentialId).state())
                    .isEqualTo(DeliveryState.ISSUED);

            // WHEN
            int sent = sender(database).sendDue();

            // THEN
            assertThat(sent).isEqualTo(1);
            MimeMessage received = single(SMTP.getReceivedMessages());
            assertThat(received.getSubject())
                    .isEqualTo("School of Nursing awarded you Safe medication");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            assertThat(received.getFrom()[0].toString())
                    .isEqualTo("Riverside Badges <badges@riverside.example>");
            assertThat(received.getMessageID()).isEqualTo("<" + outboxId + "@riverside.example>");
            String text = part(received, "text/plain");
            String html = part(received, "text/html");
            assertThat(text).contains("Dear <script>alert(1)</script> Ada,");
            assertThat(html)
                    .doesNotContain("<script>")
                    .contains("Dear &lt;script&gt;alert(1)&lt;/script&gt; Ada,");
            String token = token(text);
            assertThat(html).contains("href=\"" + BASE_URL + "/claim/" + token + "\"");
            CredentialDelivery state = delivery.delivery(owner, credentialId);
            assertThat(state.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(state.lastSentAt()).contains(START);
            assertThat(delivery.claim(token)).isEqualTo(credentialId);
            assertThat(delivery.delivery(owner, credentialId).state())
                    .isEqualTo(DeliveryState.CLAIMED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_send_no_more_than_the_rate_when_many_emails_are_due(TestDatabase testDatabase)
            throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN 25 e-mails and a sender allowed 10 a second
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            database.jdbi()
                    .useTransaction(
                            handle -> {
                                for (int i = 0; i < 25; i++) {
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, credential(world), "Ada " + i));
                                }
                            });
            OutboxSender sender = sender(database);

            // WHEN the clock moves in steps, THEN each step sends what the rate allows
            assertThat(sender.sendDue()).isEqualTo(10);
            assertThat(sender.sendDue()).isZero();
            clock.advance(Duration.ofMillis(500));
            assertThat(sender.sendDue()).isEqualTo(5);
            clock.advance(Duration.ofMinutes(1));
            assertThat(sender.sendDue()).isEqualTo(10);
            clock.advance(Duration.ofMinutes(1));
            assertThat(sender.sendDue()).isZero();
            assertThat(SMTP.getReceivedMessages()).hasSize(25);
            assertThat(delivery.counts(owner)).containsEntry(DeliveryState.DELIVERED, 25L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_record_the_failed_attempt_and_retry_later_when_the_smtp_server_is_down(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            UUID credentialId = credential(world);
            database.jdbi()
                    .useTransaction(
                            handle ->
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, credentialId, "Ada")));
            OutboxSender down =
                    new OutboxSender(
                            database,
                            new SmtpMailer(
                                    SmtpSettings.plain(
                                            "127.0.0.1",
                                            closedPort(),
                                            "badges@riverside.example",
                                            "Riverside Badges"),
                                    clock),
                            clock,
                            SETTINGS);

            // WHEN the server is down
            assertThat(down.sendDue()).isEqualTo(1);

            // THEN the attempt is recorded and retried after the backoff, not before
            CredentialDelivery afterFailure = delivery.delivery(owner, credentialId);
            assertThat(afterFailure.state()).isEqualTo(DeliveryState.ISSUED);
            assertThat(afterFailure.lastError().orElseThrow()).startsWith("SMTP failed");
            OutboxSender up = sender(database);
            clock.advance(Duration.ofSeconds(59));
            assertThat(up.sendDue()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(up.sendDue()).isEqualTo(1);
            assertThat(SMTP.getReceivedMessages()).hasSize(1);
            CredentialDelivery delivered = delivery.delivery(owner, credentialId);
            assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(delivered.lastError()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_fail_the_email_when_every_attempt_failed(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            UUID credentialId = credential(world);
            database.jdbi()
                    .useTransaction(
                            handle ->
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, credentialId, "Ada")));
            Mailer refusing =
                    message -> {
                        throw new MailException("421 try later", false, null);
                    };
            OutboxSender sender = new OutboxSender(database, refusing, clock, SETTINGS);

            // WHEN three attempts fail
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(sender.sendDue()).isEqualTo(1);
                clock.advance(Duration.ofHours(1));
            }

            // THEN
            assertThat(sender.sendDue()).isZero();
            CredentialDelivery failed = delivery.delivery(owner, credentialId);
            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.lastError()).contains("421 try later");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_claim_once_resend_with_a_new_link_and_refuse_unknown_or_expired_links(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN a delivered e-mail
            Actor owner = world.owner();
            Actor issuer = TestOrganisations.as(owner, Role.ISSUER);
            Actor stranger = TestOrganisations.create(database, "hillside", Role.OWNER);
            DeliveryService delivery = service(database);
            UUID credentialId = credential(world);
            database.jdbi()
                    .useTransaction(
                            handle ->
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, credentialId, "Ada")));
            OutboxSender sender = sender(database);
            sender.sendDue();
            String first = token(part(SMTP.getReceivedMessages()[0], "text/plain"));

            // WHEN the issuer resends
            clock.advance(Duration.ofDays(1));
            delivery.resend(issuer, credentialId);
            sender.sendDue();
            String second = token(part(SMTP.getReceivedMessages()[1], "text/plain"));

            // THEN both links work, claiming twice is fine, and the resend is audited
            assertThat(second).isNotEqualTo(first);
            assertThat(delivery.claim(first)).isEqualTo(credentialId);
            assertThat(delivery.claim(first)).isEqualTo(credentialId);
            assertThat(delivery.claim(second)).isEqualTo(credentialId);
            assertThat(delivery.delivery(owner, credentialId).emailsQueued()).isEqualTo(2);
            List<AuditEvent> events =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            new AuditStore()
                                                    .list(handle, owner.organisationId(), 0, 10));
            assertThat(events)
                    .extracting(AuditEvent::action)
                    .contains("credential.email.resent", "credential.claimed");
            assertProblem(() -> delivery.claim("no-such-token"), Problem.NOT_FOUND);
            assertProblem(
                    () -> delivery.resend(TestOrganisations.as(owner, Role.VIEWER), credentialId),
                    Problem.FORBIDDEN);
            assertProblem(() -> delivery.resend(stranger, credentialId), Problem.NOT_FOUND);
            assertProblem(() -> delivery.delivery(stranger, credentialId), Problem.NOT_FOUND);

            // AND a link not used within its validity is refused
            UUID late = credential(world);
            database.jdbi()
                    .useTransaction(
                            handle ->
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, late, "Bo")));
            sender.sendDue();
            String expiring = token(part(SMTP.getReceivedMessages()[2], "text/plain"));
            clock.advance(Duration.ofDays(91));
            assertThatThrownBy(() -> delivery.claim(expiring))
                    .isInstanceOf(AppException.class)
                    .hasMessageContaining("expired on 2026-05-31")
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.CONFLICT);
            assertThat(delivery.claim(first)).isEqualTo(credentialId);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_report_bounces_unclaimed_credentials_and_counts_when_asked(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN three delivered credentials: one claimed, one bounced, one waiting
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            UUID claimed = credential(world);
            UUID bounced = credential(world);
            UUID waiting = credential(world);
            Map<UUID, UUID> outboxIds = new HashMap<>();
            database.jdbi()
                    .useTransaction(
                            handle -> {
                                for (UUID id : List.of(claimed, bounced, waiting)) {
                                    outboxIds.put(
                                            id,
                                            delivery.queueCredentialEmail(
                                                    handle, email(owner, id, "Ada")));
                                }
                            });
            sender(database).sendDue();
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                String token = token(part(message, "text/plain"));
                if (message.getMessageID().contains(outboxIds.get(claimed).toString())) {
                    delivery.claim(token);
                }
            }
            String bouncedMessageId = "<" + outboxIds.get(bounced) + "@riverside.example>";

            // WHEN
            delivery.markBounced(bouncedMessageId, "550 5.1.1 no such user");
            delivery.markBounced(outboxIds.get(bounced).toString(), "reported twice");
            clock.advance(Duration.ofDays(8));

            // THEN
            CredentialDelivery bounce = delivery.delivery(owner, bounced);
            assertThat(bounce.state()).isEqualTo(DeliveryState.BOUNCED);
            assertThat(bounce.lastError()).contains("550 5.1.1 no such user");
            assertThat(delivery.unclaimed(owner, Duration.ofDays(7))).containsExactly(waiting);
            assertThat(delivery.unclaimed(owner, Duration.ofDays(9))).isEmpty();
            assertThat(delivery.counts(owner))
                    .containsEntry(DeliveryState.CLAIMED, 1L)
                    .containsEntry(DeliveryState.BOUNCED, 1L)
                    .containsEntry(DeliveryState.DELIVERED, 1L)
                    .containsEntry(DeliveryState.ISSUED, 0L)
                    .containsEntry(DeliveryState.FAILED, 0L);
            assertProblem(
                    () -> delivery.markBounced("<unknown@riverside.example>", "x"),
                    Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_mark_bounced_from_a_returned_delivery_status_notification_when_it_is_permanent(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            Database database = world.database();
            // GIVEN two sent credential e-mails
            Actor owner = world.owner();
            DeliveryService delivery = service(database);
            UUID failed = credential(world);
            UUID delayed = credential(world);
            Map<UUID, UUID> outboxIds = new HashMap<>();
            database.jdbi()
                    .useTransaction(
                            handle -> {
                                for (UUID id : List.of(failed, delayed)) {
                                    outboxIds.put(
                                            id,
                                            delivery.queueCredentialEmail(
                                                    handle, email(owner, id, "Ada")));
                                }
                            });
            sender(database).sendDue();
            Map<UUID, MimeMessage> sent = new HashMap<>();
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                for (UUID id : List.of(failed, delayed)) {
                    if (message.getMessageID().contains(outboxIds.get(id).toString())) {
                        sent.put(id, message);
                    }
                }
            }

            // WHEN the mail server returns a permanent failure for one and a delay for the other
            BounceReport bounce =
                    delivery.recordBounce(
                            owner,
                            BounceMessages.dsn(
                                    sent.get(failed).getMessageID(),
                                    "failed",
                                    "5.1.1",
                                    "smtp; 550 5.1.1 no such user"));
            BounceReport delay =
                    delivery.recordBounce(
                            owner,
                            BounceMessages.dsn(
                                    sent.get(delayed).getMessageID(),
                                    "delayed",
                                    "4.4.1",
                                    "smtp; 421 try later"));

            // THEN only the permanent failure is a bounce, with the server's reason
            assertThat(bounce.permanent()).isTrue();
            assertThat(bounce.messageId()).isEqualTo(sent.get(failed).getMessageID());
            assertThat(bounce.recipient()).contains("ada@example.org");
            assertThat(delay.permanent()).isFalse();
            CredentialDelivery bounced = delivery.delivery(owner, failed);
            assertThat(bounced.state()).isEqualTo(DeliveryState.BOUNCED);
            assertThat(bounced.lastError())
                    .hasValueSatisfying(
                            error -> assertThat(error).contains("5.1.1").contains("no such user"));
            assertThat(delivery.delivery(owner, delayed).state())
                    .isEqualTo(DeliveryState.DELIVERED);
            // AND another organisation cannot mark this one's e-mails, a viewer cannot report,
            // and a message that is not a report is refused
            String delayedId = sent.get(delayed).getMessageID();
            Actor stranger = new Actor(UUID.randomUUID(), "mallory", Role.OWNER);
            assertProblem(
                    () -> delivery.markBounced(stranger, delayedId, "spoofed"), Problem.NOT_FOUND);
            assertThat(delivery.delivery(owner, delayed).state())
                    .isEqualTo(DeliveryState.DELIVERED);
            Actor viewer = new Actor(owner.organisationId(), "vera", Role.VIEWER);
            assertProblem(() -> delivery.markBounced(viewer, delayedId, "x"), Problem.FORBIDDEN);
            assertProblem(
                    () ->
                            delivery.recordBounce(
                                    owner,
                                    "Subject: hello\r\n\r\njust text\r\n"
                                            .getBytes(StandardCharsets.US_ASCII)),
                    Problem.INVALID_INPUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_send_each_email_once_when_two_senders_drain_the_outbox_together(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside");
                Database second = TestOrganisations.open(testDatabase)) {
            // GIVEN 60 e-mails and two nodes' senders
            Database first = world.database();
            Actor owner = world.owner();
            DeliveryService delivery = service(first);
            first.jdbi()
                    .useTransaction(
                            handle -> {
                                for (int i = 0; i < 60; i++) {
                                    delivery.queueCredentialEmail(
                                            handle, email(owner, credential(world), "Ada " + i));
                                }
                            });
            OutboxSettings fast = SETTINGS.withMessagesPerSecond(7);
            List<OutboxSender> senders =
                    List.of(
                            new OutboxSender(first, mailer(), clock, fast),
                            new OutboxSender(second, mailer(), clock, fast));

            // WHEN both drain concurrently, a step of the clock at a time
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int step = 0; step < 10; step++) {
                    for (Future<Integer> done :
                            pool.invokeAll(
                                    senders.stream()
                                            .map(sender -> (Callable<Integer>) sender::sendDue)
                                            .toList())) {
                        done.get();
                    }
                    clock.advance(Duration.ofSeconds(1));
                }
            } finally {
                pool.shutdownNow();
            }

            // THEN every e-mail arrived exactly once
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(60);
            List<String> messageIds = new ArrayList<>();
            for (MimeMessage message : received) {
                messageIds.add(message.getMessageID());
            }
            assertThat(messageIds).doesNotHaveDuplicates();
            assertThat(delivery.counts(owner)).containsEntry(DeliveryState.DELIVERED, 60L);
        }
    }

    private DeliveryService service(Database database) {
        return new DeliveryService(database, clock, new SecureRandom(), Duration.ofDays(90));
    }

    private OutboxSender sender(Database database) {
        return new OutboxSender(database, mailer(), clock, SETTINGS);
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(
                SmtpSettings.plain(
                        "127.0.0.1",
                        SMTP.getSmtp().getPort(),
                        "badges@riverside.example",
                        "Riverside Badges"),
                clock);
    }

    private static CredentialEmail email(Actor owner, UUID credentialId, String name) {
        return new CredentialEmail(
                owner.organisationId(),
                credentialId,
                "ada@example.org",
                name,
                "Safe medication",
                "School of Nursing",
                BASE_URL + "/");
    }

    private static MimeMessage single(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String token(String text) {
        Matcher matcher = CLAIM_LINK.matcher(text);
        assertThat(matcher.find()).as("claim link in %s", text).isTrue();
        return matcher.group(1);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertProblem(Runnable call, Problem problem) {
        assertThatThrownBy(call::run)
                .isInstanceOf(AppException.class)
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(problem);
    }

    private int issued;

    /** A real credential of the world's organisation, for delivery rows to refer to. */
    private UUID credential(IssuanceWorld world) {
        issued++;
        return world.awards()
                .issue(world.owner(), world.requestFor("learner" + issued + "@example.org"))
                .id();
    }
}

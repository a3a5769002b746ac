package org.credence.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.credential.CredentialState;
import org.credence.app.credential.StatusNotice;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.job.Backoff;
import org.credence.app.job.MutableClock;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusListPolicy;
import org.credence.app.status.StatusListService;
import org.credence.app.status.StatusReason;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.json.JsonInput;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What revoking or suspending a credential does for its recipient and its issuer's delivery: the
 * recipient is e-mailed (through the outbox, to a real in-process SMTP server) with the issuer's
 * reason; the credential leaves "issued but not claimed", cannot be re-sent or claimed; public
 * readers see the reason only when the issuer made it public.
 */
class StatusChangeEmailTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    private static final String BASE_URL = IssuanceWorld.BASE;
    private static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(START);

    /** The services under test on a world: delivery, and status changes that e-mail. */
    private record Services(
            IssuanceWorld world,
            DeliveryService delivery,
            StatusListService status,
            OutboxSender sender) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_email_the_reason_and_refuse_resend_and_claim_when_a_credential_is_revoked(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN a credential e-mailed and delivered, not claimed
            Services services = services(world);
            Actor issuer = world.as(Role.ISSUER);
            UUID id = issue(services, world.requestFor("ada@example.org"));
            assertThat(services.sender().sendDue()).isEqualTo(1);
            String token = token(part(SMTP.getReceivedMessages()[0], "text/plain"));
            assertThat(services.delivery().unclaimed(issuer, Duration.ZERO)).containsExactly(id);

            // WHEN the issuer revokes it with a private reason
            clock.advance(Duration.ofDays(2));
            services.status()
                    .revoke(issuer, id, StatusReason.privately("The assessment was not valid"));
            int sent = services.sender().sendDue();

            // THEN the recipient is told, with the reason, and given no claim link
            assertThat(sent).isEqualTo(1);
            MimeMessage notice = SMTP.getReceivedMessages()[1];
            assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            assertThat(notice.getSubject())
                    .isEqualTo(
                            "School of Nursing revoked your credential Safe Medication Administration");
            String text = part(notice, "text/plain");
            assertThat(text)
                    .contains(
                            "has revoked your credential",
                            "The reason School of Nursing gave: The assessment was not valid",
                            BASE_URL + "/credentials/" + id)
                    .doesNotContain("/claim/");
            assertThat(part(notice, "text/html")).contains("<strong>revoked</strong>");

            // AND it is no longer unclaimed, cannot be re-sent or claimed
            assertThat(services.delivery().unclaimed(issuer, Duration.ZERO)).isEmpty();
            assertConflict(() -> services.delivery().resend(issuer, id), "revoked by its issuer");
            assertConflict(() -> services.delivery().claim(token), "can no longer be claimed");

            // AND the recipient reads the reason; the public and verifiers do not
            StatusNotice forRecipient = world.credentials().recipientNotice(id).orElseThrow();
            assertThat(forRecipient.reason()).contains("The assessment was not valid");
            assertThat(forRecipient.sentence()).isEqualTo("Revoked by its issuer on 3 March 2026.");
            assertThat(world.credentials().publicView(id).state())
                    .isEqualTo(CredentialState.REVOKED);
            assertThat(world.credentials().publicView(id).statusReason()).isEmpty();
            StatusNotice forVerifiers =
                    world.credentials().publicNotice(document(world, id)).orElseThrow();
            assertThat(forVerifiers.revoked()).isTrue();
            assertThat(forVerifiers.reason()).isEmpty();
            List<AuditEvent> events =
                    world.database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            new AuditStore()
                                                    .list(
                                                            handle,
                                                            issuer.organisationId(),
                                                            0,
                                                            1000));
            assertThat(events)
                    .anySatisfy(
                            event -> {
                                assertThat(event.action()).isEqualTo("credential.revoked");
                                assertThat(event.detail())
                                        .isEqualTo("The assessment was not valid (private reason)");
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_email_a_suspension_and_its_lifting_and_allow_resend_again(TestDatabase testDatabase)
            throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN a suspendable credential e-mailed to its recipient
            Services services = services(world);
            Actor issuer = world.as(Role.ISSUER);
            UUID id =
                    issue(
                            services,
                            IssueRequest.of(
                                    world.issuer().id(),
                                    world.suspendableAchievement().achievementId(),
                                    AwardRecipient.ofEmail("li@example.org").withName("Li")));
            services.sender().sendDue();

            // WHEN it is suspended with a public reason
            services.status().suspend(issuer, id, StatusReason.publicly("Under review"));
            services.sender().sendDue();

            // THEN the recipient is told, resend is refused, the reason is public
            MimeMessage suspended = SMTP.getReceivedMessages()[1];
            assertThat(suspended.getSubject())
                    .isEqualTo(
                            "School of Nursing suspended your credential Controlled Drugs Handling");
            assertThat(part(suspended, "text/plain"))
                    .contains("Dear Li,", "The reason School of Nursing gave: Under review");
            assertConflict(() -> services.delivery().resend(issuer, id), "suspended");
            assertThat(services.delivery().unclaimed(issuer, Duration.ZERO)).isEmpty();
            assertThat(world.credentials().publicView(id).statusReason()).contains("Under review");
            assertThat(world.credentials().publicNotice(document(world, id)).orElseThrow().reason())
                    .contains("Under review");

            // WHEN the suspension is lifted
            services.status().unsuspend(issuer, id);
            services.sender().sendDue();

            // THEN the recipient is told, and the credential is back to normal
            MimeMessage lifted = SMTP.getReceivedMessages()[2];
            assertThat(lifted.getSubject())
                    .isEqualTo("Your credential Controlled Drugs Handling is valid again");
            assertThat(world.credentials().publicNotice(document(world, id))).isEmpty();
            assertThat(services.delivery().unclaimed(issuer, Duration.ZERO)).containsExactly(id);
            assertThat(services.delivery().resend(issuer, id)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_give_no_reason_to_verifiers_of_a_credential_that_only_borrows_an_id(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN two revoked credentials with public reasons
            Services services = services(world);
            Actor issuer = world.as(Role.ISSUER);
            UUID first = issue(services, world.requestFor("a@example.org"));
            UUID second = issue(services, world.requestFor("b@example.org"));
            services.status().revoke(issuer, first, "First reason");
            services.status().revoke(issuer, second, "Second reason");

            // WHEN a document names the first's id but carries the second's status entry
            var forged =
                    jakarta.json.Json.createObjectBuilder(document(world, second))
                            .add("id", BASE_URL + "/credentials/" + first)
                            .build();

            // THEN no reason is attached to it
            assertThat(world.credentials().publicNotice(forged)).isEmpty();
            assertThat(
                            world.credentials()
                                    .publicNotice(document(world, first))
                                    .orElseThrow()
                                    .reason())
                    .contains("First reason");
        }
    }

    private Services services(IssuanceWorld world) {
        DeliveryService delivery =
                new DeliveryService(
                        world.database(), clock, new SecureRandom(), Duration.ofDays(90));
        StatusListService status =
                new StatusListService(
                        world.database(),
                        world.issuers(),
                        DidWebHost.of(BASE_URL),
                        new StatusListService.Settings(
                                StatusListPolicy.standard(), clock, new SecureRandom()),
                        delivery.emailOnStatusChange(BASE_URL));
        OutboxSender sender =
                new OutboxSender(
                        world.database(),
                        new SmtpMailer(
                                SmtpSettings.plain(
                                        "127.0.0.1",
                                        SMTP.getSmtp().getPort(),
                                        "badges@riverside.example",
                                        "Riverside Badges"),
                                clock),
                        clock,
                        new OutboxSettings(
                                100,
                                3,
                                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                                Duration.ofMinutes(5),
                                Duration.ofMillis(50)));
        return new Services(world, delivery, status, sender);
    }

    private static UUID issue(Services services, IssueRequest request) {
        return services.world()
                .awards()
                .issue(
                        services.world().as(Role.ISSUER),
                        request,
                        services.delivery().emailOnIssue(BASE_URL))
                .id();
    }

    private static jakarta.json.JsonObject document(IssuanceWorld world, UUID id) {
        return JsonInput.DEFAULT.parseObject(world.credentials().document(id).text());
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

    private static void assertConflict(Runnable call, String words) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                .hasMessageContaining(words);
    }
}

package org.credence.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.CredentialQuery;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.job.MutableClock;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.testing.IssuanceWorld;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issuing with {@link DeliveryService#emailOnIssue}, and reading claim links without claiming. */
class EmailOnIssueTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern CLAIM_LINK = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_queue_the_email_with_the_credential_and_read_its_link_without_claiming(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN
            DeliveryService delivery = delivery(world);
            Actor issuer = world.as(Role.ISSUER);

            // WHEN
            IssuedCredential issued =
                    world.awards()
                            .issue(
                                    issuer,
                                    IssueRequest.of(
                                            world.issuer().id(),
                                            world.achievement().achievementId(),
                                            AwardRecipient.ofEmail("ada@example.org")
                                                    .withName("Ada <b>Lovelace</b>")),
                                    delivery.emailOnIssue(IssuanceWorld.BASE));

            // THEN one e-mail, its link readable without claiming, then claimable
            List<OutboxMessage> emails = delivery.emails(issuer, issued.id());
            assertThat(emails).hasSize(1);
            assertThat(emails.get(0).email().to()).isEqualTo("ada@example.org");
            assertThat(emails.get(0).email().subject()).contains("Safe Medication Administration");
            String token = token(emails.get(0).email().text());
            ClaimLink link = delivery.claimLink(token);
            assertThat(link.credentialId()).isEqualTo(issued.id());
            assertThat(link.email()).isEqualTo("ada@example.org");
            assertThat(link.claimedAt()).isEmpty();
            assertThat(delivery.states(issuer, List.of(issued.id())))
                    .isEqualTo(Map.of(issued.id(), DeliveryState.ISSUED));
            delivery.claim(token);
            assertThat(delivery.claimLink(token).claimedAt()).contains(clock.instant());
            assertThat(delivery.states(issuer, List.of(issued.id(), UUID.randomUUID())))
                    .isEqualTo(Map.of(issued.id(), DeliveryState.CLAIMED));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_queue_nothing_when_the_recipient_has_no_email_or_the_key_replays(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN
            DeliveryService delivery = delivery(world);
            IssueRequest byEmail = world.requestFor("bo@example.org").withIdempotencyKey("form-1");
            IssuedCredential first =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    byEmail,
                                    delivery.emailOnIssue(IssuanceWorld.BASE));

            // WHEN
            IssuedCredential replayed =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    byEmail,
                                    delivery.emailOnIssue(IssuanceWorld.BASE));
            IssuedCredential toDid =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    IssueRequest.of(
                                            world.issuer().id(),
                                            world.achievement().achievementId(),
                                            AwardRecipient.ofIdentifier("did:example:bo")),
                                    delivery.emailOnIssue(IssuanceWorld.BASE));

            // THEN
            assertThat(replayed.id()).isEqualTo(first.id());
            assertThat(replayed.replayed()).isTrue();
            assertThat(delivery.emails(world.owner(), first.id())).hasSize(1);
            assertThat(delivery.emails(world.owner(), toDid.id())).isEmpty();
            assertThat(delivery.states(world.owner(), List.of(toDid.id()))).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_store_no_credential_when_the_hook_fails(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // WHEN
            assertThatThrownBy(
                            () ->
                                    world.awards()
                                            .issue(
                                                    world.owner(),
                                                    world.requestFor("cy@example.org"),
                                                    (handle, award) -> {
                                                        throw new IllegalStateException(
                                                                "mail queue down");
                                                    }))
                    .hasMessageContaining("mail queue down");

            // THEN
            assertThat(world.credentials().list(world.owner(), CredentialQuery.all()).total())
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_unknown_links_and_hide_other_organisations_deliveries(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "riverside")) {
            // GIVEN
            DeliveryService delivery = delivery(world);
            IssuedCredential issued =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    world.requestFor("di@example.org"),
                                    delivery.emailOnIssue(IssuanceWorld.BASE));
            Actor stranger = TestOrganisations.create(world.database(), "hillside", Role.OWNER);
            String token = token(delivery.emails(world.owner(), issued.id()).get(0).email().text());

            // WHEN
            clock.advance(Duration.ofDays(91));

            // THEN
            assertThat(delivery.claimLink(token).expired(clock.instant())).isTrue();
            assertThatThrownBy(() -> delivery.claimLink("unknown"))
                    .isInstanceOf(AppException.class)
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
            assertThat(delivery.emails(stranger, issued.id())).isEmpty();
            assertThat(delivery.states(stranger, List.of(issued.id()))).isEmpty();
        }
    }

    private DeliveryService delivery(IssuanceWorld world) {
        return new DeliveryService(
                world.database(), clock, new SecureRandom(), Duration.ofDays(90));
    }

    private static String token(String text) {
        Matcher matcher = CLAIM_LINK.matcher(text);
        assertThat(matcher.find()).as("claim link in %s", text).isTrue();
        return matcher.group(1);
    }
}

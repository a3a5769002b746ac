package org.credence.app.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.organization.Role;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.ImageFormat;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.Verdict;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CredentialServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_the_name_only_when_the_earner_chooses_and_never_the_email(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    IssueRequest.of(
                                            world.issuer().id(),
                                            world.achievement().achievementId(),
                                            AwardRecipient.ofEmail("ada@example.org")
                                                    .withName("Ada Lovelace")));

            // WHEN
            PublicCredential hidden = world.credentials().publicView(issued.id());
            world.credentials().setShowName(issued.id(), "ada@example.org", true);
            PublicCredential shown = world.credentials().publicView(issued.id());

            // THEN
            assertThat(hidden.recipientName()).isEmpty();
            assertThat(shown.recipientName()).contains("Ada Lovelace");
            assertThat(shown.toString()).doesNotContain("ada@example.org");
            assertThat(shown.achievementName()).isEqualTo("Safe Medication Administration");
            assertThat(shown.criteriaHtml()).contains("<strong>observed</strong>");
            assertThat(shown.issuerName()).isEqualTo("School of Nursing");
            assertThat(shown.state()).isEqualTo(CredentialState.VALID);
            assertThat(shown.url()).isEqualTo(issued.url());
            assertThatThrownBy(
                            () ->
                                    world.credentials()
                                            .setShowName(issued.id(), "eve@example.org", true))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThatThrownBy(() -> world.credentials().publicView(UUID.randomUUID()))
                    .isInstanceOf(AppException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_bake_verifiable_png_and_svg_badges_when_the_achievement_has_no_image(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));

            // WHEN
            byte[] png = world.credentials().bakedPng(issued.id());
            String svg = world.credentials().bakedSvg(issued.id());

            // THEN
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(400);
            BadgeBaker baker = new BadgeBaker();
            assertThat(baker.extract(png).credential()).isEqualTo(issued.document());
            assertThat(baker.extract(svg.getBytes(StandardCharsets.UTF_8)).format())
                    .isEqualTo(ImageFormat.SVG);
            assertThat(world.credentials().verify(png).verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(world.credentials().verify(svg.getBytes(StandardCharsets.UTF_8)).verdict())
                    .isEqualTo(Verdict.VERIFIED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_filter_and_page_the_organisations_credentials(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN 3 valid, 1 revoked, 1 suspended, 1 expired; and a neighbour's credential
            UUID[] ids = new UUID[6];
            for (int i = 0; i < 6; i++) {
                String email = "learner" + i + "@example.org";
                // the one to suspend is of the suspendable achievement
                IssueRequest request =
                        i == 4 ? world.suspendableRequestFor(email) : world.requestFor(email);
                if (i == 5) {
                    request =
                            request.withValidFrom(Instant.parse("2025-01-01T00:00:00Z"))
                                    .withValidUntil(Instant.parse("2025-06-01T00:00:00Z"));
                }
                ids[i] = world.awards().issue(world.owner(), request).id();
            }
            world.status().revoke(world.owner(), ids[3], "");
            world.status().suspend(world.owner(), ids[4], "");
            IssuanceWorld other = world.neighbour("hillside");
            other.awards().issue(other.owner(), other.requestFor("learner0@example.org"));
            CredentialService credentials = world.credentials();

            // WHEN / THEN
            CredentialPage all = credentials.list(world.as(Role.VIEWER), CredentialQuery.all());
            assertThat(all.total()).isEqualTo(6);
            assertThat(count(world, CredentialQuery.all().withState(CredentialState.VALID)))
                    .isEqualTo(3);
            assertThat(count(world, CredentialQuery.all().withState(CredentialState.REVOKED)))
                    .isEqualTo(1);
            assertThat(count(world, CredentialQuery.all().withState(CredentialState.SUSPENDED)))
                    .isEqualTo(1);
            assertThat(count(world, CredentialQuery.all().withState(CredentialState.EXPIRED)))
                    .isEqualTo(1);
            assertThat(credentials.publicView(ids[5]).state()).isEqualTo(CredentialState.EXPIRED);
            assertThat(
                            credentials
                                    .list(
                                            world.owner(),
                                            CredentialQuery.all().withRecipient("LEARNER2"))
                                    .items())
                    .singleElement()
                    .satisfies(item -> assertThat(item.id()).isEqualTo(ids[2]));
            assertThat(count(world, CredentialQuery.all().withRecipient("100%_"))).isZero();
            assertThat(
                            count(
                                    world,
                                    CredentialQuery.all()
                                            .withAchievement(world.achievement().achievementId())))
                    .isEqualTo(5);
            CredentialPage second =
                    credentials.list(world.owner(), CredentialQuery.all().withPage(1, 4));
            assertThat(second.items()).hasSize(2);
            assertThat(second.total()).isEqualTo(6);
            assertThat(
                            credentials
                                    .verify(ids[5])
                                    .check(CheckName.VALIDITY)
                                    .orElseThrow()
                                    .isFailed())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_get_the_organisations_credential_with_the_reason_of_its_status(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards()
                            .issue(world.owner(), world.suspendableRequestFor("ada@example.org"));
            IssuanceWorld neighbour = world.neighbour("hillside");

            // WHEN
            world.status().suspend(world.owner(), issued.id(), "Under review");
            CredentialSummary suspended =
                    world.credentials().get(world.as(Role.VIEWER), issued.id());
            world.status().revoke(world.owner(), issued.id(), "Issued in error");

            // THEN
            assertThat(suspended.state()).isEqualTo(CredentialState.SUSPENDED);
            assertThat(suspended.statusReason()).contains("Under review");
            assertThat(world.credentials().get(world.owner(), issued.id()).statusReason())
                    .contains("Issued in error");
            PublicCredential view = world.credentials().publicView(issued.id());
            assertThat(view.state()).isEqualTo(CredentialState.REVOKED);
            assertThat(view.statusReason()).contains("Issued in error");
            assertThatThrownBy(() -> world.credentials().get(neighbour.owner(), issued.id()))
                    .isInstanceOf(AppException.class)
                    .extracting(e -> ((AppException) e).problem())
                    .isEqualTo(Problem.NOT_FOUND);
        }
    }

    private static long count(IssuanceWorld world, CredentialQuery query) {
        return world.credentials().list(world.owner(), query).total();
    }
}

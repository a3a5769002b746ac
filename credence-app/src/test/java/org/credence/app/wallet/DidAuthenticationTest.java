package org.credence.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.job.MutableClock;
import org.credence.core.Holder;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Verifying a learner's DID by DID authentication on both engines: a presentation signed by the
 * DID's key ({@link Holder}) for the pending challenge and the installation's domain verifies it;
 * anything else is refused and leaves it unverified.
 */
class DidAuthenticationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(START);
    private final KeyFile key = KeyFile.generate(KeyType.ED25519, new SecureRandom());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_the_did_and_show_what_was_issued_to_it_when_the_holder_answers_the_challenge(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a credential issued here to the DID, and a learner who adds the DID
            String did = key.controller();
            UUID credential = world.issue(toDid(world, did));
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            LearnerIdentifier added = world.identifiers().addDid(learner, did);
            byte[] foreign = foreignCredentialTo(did);
            UUID imported = world.wallet().importFile(learner, foreign).id();
            boolean addressedBefore = world.wallet().entry(learner, imported).addressed();
            boolean issuedBefore = ids(world, learner).contains(credential);

            // WHEN
            LearnerIdentifier verified =
                    world.didAuthentication()
                            .verify(learner, added.id(), answer(added, WalletWorld.DOMAIN));

            // THEN
            assertThat(added.verified()).isFalse();
            assertThat(added.codePending()).isTrue();
            assertThat(added.challenge()).get().asString().hasSizeGreaterThanOrEqualTo(43);
            assertThat(addressedBefore).isFalse();
            assertThat(issuedBefore).isFalse();
            assertThat(verified.verified()).isTrue();
            assertThat(verified.challenge()).isEmpty();
            assertThat(ids(world, learner)).contains(credential);
            assertThat(world.wallet().entry(learner, imported).addressed()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_presentation_for_another_challenge_domain_or_holder_or_unsigned(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            LearnerIdentifier added = world.identifiers().addDid(learner, key.controller());
            KeyFile other = KeyFile.generate(KeyType.ED25519, new SecureRandom());
            String challenge = added.challenge().orElseThrow();
            Holder holder = new Holder(key, Canonicalizer.standard(), clock);

            // WHEN / THEN
            assertRefused(
                    world,
                    learner,
                    added,
                    holder.sign(presentation(key.controller()), "another", WalletWorld.DOMAIN)
                            .toString(),
                    "challenge");
            assertRefused(
                    world,
                    learner,
                    added,
                    holder.sign(presentation(key.controller()), challenge, "evil.example")
                            .toString(),
                    "domain");
            assertRefused(
                    world,
                    learner,
                    added,
                    new Holder(other, Canonicalizer.standard(), clock)
                            .sign(presentation(other.controller()), challenge, WalletWorld.DOMAIN)
                            .toString(),
                    "not the DID");
            assertRefused(
                    world, learner, added, presentation(key.controller()).toString(), "not signed");
            assertThat(world.identifiers().identifiers(learner))
                    .filteredOn(identifier -> identifier.id().equals(added.id()))
                    .singleElement()
                    .satisfies(identifier -> assertThat(identifier.verified()).isFalse());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_an_expired_challenge_and_a_replayed_answer(TestDatabase testDatabase)
            throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN an answer to the first challenge, then a new challenge
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            LearnerIdentifier added = world.identifiers().addDid(learner, key.controller());
            String oldAnswer = answer(added, WalletWorld.DOMAIN);
            clock.advance(IdentifierService.CODE_VALIDITY.plusSeconds(1));

            // WHEN the challenge expired
            assertThatThrownBy(
                            () -> world.didAuthentication().verify(learner, added.id(), oldAnswer))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                    .hasMessageContaining("expired");
            world.identifiers().resend(learner, added.id());
            LearnerIdentifier renewed = current(world, learner, added.id());

            // THEN the old answer does not answer the new challenge, a new answer does once
            assertThat(renewed.challenge()).isPresent().isNotEqualTo(added.challenge());
            assertRefused(world, learner, renewed, oldAnswer, "challenge");
            world.didAuthentication()
                    .verify(learner, renewed.id(), answer(renewed, WalletWorld.DOMAIN));
            assertThat(current(world, learner, added.id()).verified()).isTrue();
            assertThatThrownBy(() -> world.identifiers().resend(learner, added.id()))
                    .hasMessageContaining("Nothing to verify");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_a_did_to_one_learner_when_another_answers_with_the_same_key_s_presentation(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Mallory adds Ada's DID before Ada verifies it
            UUID ada = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();
            LearnerIdentifier squatted = world.identifiers().addDid(mallory, key.controller());
            LearnerIdentifier adas = world.identifiers().addDid(ada, key.controller());
            String adasAnswer = answer(adas, WalletWorld.DOMAIN);

            // WHEN Mallory replays Ada's answer, then Ada verifies it
            assertRefused(world, mallory, squatted, adasAnswer, "challenge");
            world.didAuthentication().verify(ada, adas.id(), adasAnswer);

            // THEN a good answer to Mallory's own challenge (had she the key) and adding it again
            // are refused, and Ada's identifier is not hers
            assertThatThrownBy(
                            () ->
                                    world.didAuthentication()
                                            .verify(
                                                    mallory,
                                                    squatted.id(),
                                                    answer(squatted, WalletWorld.DOMAIN)))
                    .hasMessageContaining("another wallet");
            assertThatThrownBy(() -> world.identifiers().addDid(mallory, key.controller()))
                    .hasMessageContaining("another wallet");
            assertThatThrownBy(() -> world.didAuthentication().verify(mallory, adas.id(), "{}"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThat(current(world, mallory, squatted.id()).verified()).isFalse();
        }
    }

    private void assertRefused(
            WalletWorld world,
            UUID learner,
            LearnerIdentifier identifier,
            String presentation,
            String reason) {
        assertThatThrownBy(
                        () ->
                                world.didAuthentication()
                                        .verify(learner, identifier.id(), presentation))
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT))
                .hasMessageStartingWith("presentation: ")
                .hasMessageContaining(reason);
        assertThat(current(world, learner, identifier.id()).verified()).isFalse();
    }

    /** A presentation signed by the DID's key for the identifier's challenge and {@code domain}. */
    private String answer(LearnerIdentifier identifier, String domain) {
        return new Holder(key, Canonicalizer.standard(), clock)
                .sign(
                        presentation(identifier.value()),
                        identifier.challenge().orElseThrow(),
                        domain)
                .toString();
    }

    private static JsonObject presentation(String holder) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", holder)
                .build();
    }

    private static IssueRequest toDid(WalletWorld world, String did) {
        return IssueRequest.of(
                world.issuing().issuer().id(),
                world.issuing().achievement().achievementId(),
                AwardRecipient.ofIdentifier(did));
    }

    /** An Open Badge signed elsewhere (a did:key issuer) whose subject is {@code did}. */
    private byte[] foreignCredentialTo(String did) {
        KeyFile issuerKey = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        var json = Jsons.PROVIDER;
        JsonObject unsigned =
                json.createObjectBuilder()
                        .add(
                                "@context",
                                json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2")
                                        .add(
                                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                        .add(
                                "type",
                                json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add(
                                "issuer",
                                json.createObjectBuilder()
                                        .add("id", issuerKey.controller())
                                        .add("type", json.createArrayBuilder().add("Profile"))
                                        .add("name", "Elsewhere College"))
                        .add("validFrom", "2026-01-01T00:00:00Z")
                        .add("name", "Wound Care")
                        .add(
                                "credentialSubject",
                                json.createObjectBuilder()
                                        .add("id", did)
                                        .add(
                                                "type",
                                                json.createArrayBuilder().add("AchievementSubject"))
                                        .add(
                                                "achievement",
                                                json.createObjectBuilder()
                                                        .add("id", "https://elsewhere.example/a/1")
                                                        .add(
                                                                "type",
                                                                json.createArrayBuilder()
                                                                        .add("Achievement"))
                                                        .add("name", "Wound Care")
                                                        .add("description", "Dresses wounds.")
                                                        .add(
                                                                "criteria",
                                                                json.createObjectBuilder()
                                                                        .add(
                                                                                "narrative",
                                                                                "Observed."))))
                        .build();
        return new Issuer(issuerKey, Canonicalizer.standard(), clock)
                .sign(unsigned)
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<UUID> ids(WalletWorld world, UUID learner) {
        return world.wallet().entries(learner).stream().map(WalletEntry::id).toList();
    }

    private static LearnerIdentifier current(WalletWorld world, UUID learner, UUID id) {
        return world.identifiers().identifiers(learner).stream()
                .filter(identifier -> identifier.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}

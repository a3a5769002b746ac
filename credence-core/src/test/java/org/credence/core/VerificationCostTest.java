package org.credence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.InputException;
import org.credence.core.json.InputProblem;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.jsonld.JsonLdProblem;
import org.credence.core.model.ClrCredentialFactory;
import org.credence.core.model.ClrRequest;
import org.credence.core.model.Profile;
import org.credence.core.model.Recipient;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * Verification cost is bounded (issue 9, point 1): a credential made wide (30,000 results, 1.2 MB,
 * under the size limit) is refused as TOO_COMPLEX before any JSON-LD work, on every path that
 * expands JSON-LD, while real credentials and a CLR of 150 fully filled badges still verify; and a
 * verification that runs out of time says so. The timeouts are hang guards (before the limits this
 * took minutes), not timing assertions.
 */
class VerificationCostTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(90);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Issuer ISSUER = new Issuer(KEY, Canonicalizer.standard(), CLOCK);
    private static final Path VECTORS =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");

    private final Verifier verifier = Verifier.builder().clock(CLOCK).build();

    @Test
    void should_refuse_a_signed_credential_made_wide_as_too_complex_without_expanding_it() {
        // GIVEN a credential signed while small, then made wide (the proof no longer matches, but
        // checking that would cost the canonicalization the limits are there to avoid)
        String wide = widened(ISSUER.sign(credential()), 30_000).toString();
        assertThat(wide.length()).isBetween(1_000_000, JsonInput.DEFAULT.maxChars());

        // WHEN
        VerificationReport report =
                assertTimeoutPreemptively(
                        HANG_GUARD, () -> verifier.verify(wide, VerifyOptions.DEFAULT));

        // THEN
        assertTooComplex(report);
    }

    @Test
    void should_refuse_a_wide_credential_given_as_parsed_json_too() {
        // GIVEN
        JsonObject wide = widened(ISSUER.sign(credential()), 30_000);

        // WHEN
        VerificationReport report =
                assertTimeoutPreemptively(
                        HANG_GUARD, () -> verifier.verifyCredential(wide, VerifyOptions.DEFAULT));

        // THEN
        assertTooComplex(report);
    }

    @Test
    void should_refuse_to_sign_a_wide_credential() {
        // GIVEN
        JsonObject wide = widened(credential(), 30_000);

        // WHEN / THEN
        assertTimeoutPreemptively(
                HANG_GUARD,
                () ->
                        assertThatThrownBy(() -> ISSUER.sign(wide))
                                .isInstanceOfSatisfying(
                                        JsonLdException.class,
                                        e ->
                                                assertThat(e.problem())
                                                        .isEqualTo(JsonLdProblem.TOO_COMPLEX)));
    }

    @Test
    void should_refuse_a_presentation_of_a_wide_credential_and_refuse_to_sign_it() {
        // GIVEN
        KeyFile holderKey = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        Holder holder = new Holder(holderKey, Canonicalizer.standard(), CLOCK);
        JsonObject presentation =
                presentation(holderKey.controller(), widened(ISSUER.sign(credential()), 30_000));
        JsonObject small = presentation(holderKey.controller(), ISSUER.sign(credential()));
        JsonObject signed = holder.sign(small, "c-1", null);
        JsonObject widenedAfterSigning =
                Json.createObjectBuilder(signed)
                        .add(
                                "verifiableCredential",
                                Json.createArrayBuilder()
                                        .add(widened(ISSUER.sign(credential()), 30_000)))
                        .build();

        // WHEN
        VerificationReport report =
                assertTimeoutPreemptively(
                        HANG_GUARD,
                        () ->
                                verifier.verify(
                                        widenedAfterSigning.toString(),
                                        VerifyOptions.DEFAULT.withChallenge("c-1")));

        // THEN
        assertTooComplex(report);
        assertThatThrownBy(() -> holder.sign(presentation, "c-1", null))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.TOO_COMPLEX));
    }

    @Test
    void should_not_check_a_wide_vc_jwt() {
        // GIVEN a VC-JWT (signing it expands nothing) whose credential is wide
        String jwt = ISSUER.signJwt(widened(credential(), 30_000));

        // WHEN
        VerificationReport report =
                assertTimeoutPreemptively(
                        HANG_GUARD, () -> verifier.verify(jwt, VerifyOptions.DEFAULT));

        // THEN
        assertTooComplex(report);
    }

    @Test
    void should_refuse_one_array_wider_than_the_limit_even_in_a_small_document() {
        // GIVEN 1,001 strings in one array: few values, but one array too wide
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (int i = 0; i <= 1_000; i++) {
            names.add("n" + i);
        }
        String json = Json.createObjectBuilder().add("names", names).build().toString();

        // WHEN / THEN
        assertThatThrownBy(() -> JsonInput.DEFAULT.parseObject(json))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> {
                            assertThat(e.problem()).isEqualTo(InputProblem.TOO_COMPLEX);
                            assertThat(e.getMessage()).contains("1001 elements");
                        });
    }

    @Test
    void should_accept_every_bundled_credential_vector_within_the_limits() throws IOException {
        // GIVEN every JSON vector (1EdTech, DCC, W3C, walt.id, status lists, schemas)
        List<Path> files;
        try (Stream<Path> walk = Files.walk(VECTORS)) {
            files = walk.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);

        // WHEN / THEN
        for (Path file : files) {
            String text = Files.readString(file);
            if (text.strip().startsWith("{")) {
                assertThat(JsonInput.DEFAULT.parseObject(text)).as(file.toString()).isNotNull();
            }
        }
    }

    @Test
    void should_verify_a_clr_of_150_fully_filled_badges_within_the_limits() {
        // GIVEN the 1EdTech "complete" example (every field filled), issued 150 times, in a CLR
        JsonObject complete = reissuable(read("1edtech-validator/complete.json"));
        List<jakarta.json.JsonValue> badges = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            badges.add(
                    ISSUER.sign(
                            Json.createObjectBuilder(complete)
                                    .add("id", "urn:uuid:00000000-0000-4000-8000-" + pad(i))
                                    .build()));
        }
        JsonObject clr =
                ISSUER.sign(
                        new ClrCredentialFactory(CLOCK, new SecureRandom())
                                .unsigned(
                                        ClrRequest.of(
                                                "urn:uuid:5b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                                                Profile.of(
                                                        Json.createObjectBuilder()
                                                                .add("id", KEY.controller())
                                                                .add("type", "Profile")
                                                                .add("name", "Registrar")
                                                                .build()),
                                                "Transcript",
                                                Recipient.ofId("did:example:learner"),
                                                badges)));
        String text = clr.toString();
        assertThat(text.length()).isBetween(1_200_000, JsonInput.DEFAULT.maxChars());

        // WHEN
        VerificationReport report =
                assertTimeoutPreemptively(
                        HANG_GUARD, () -> verifier.verify(text, VerifyOptions.DEFAULT));

        // THEN
        assertThat(report.check(CheckName.PROOF).map(Check::status))
                .as(report.problems().toString())
                .contains(CheckStatus.PASSED);
        assertThat(report.nested()).hasSize(150);
        assertThat(report.nested())
                .allSatisfy(
                        badge ->
                                assertThat(badge.check(CheckName.PROOF).map(Check::status))
                                        .as(badge.problems().toString())
                                        .contains(CheckStatus.PASSED));
    }

    @Test
    void should_say_it_could_not_check_when_the_time_limit_is_reached() {
        // GIVEN a verifier whose ticker advances one second at every look, limited to five
        AtomicLong nanos = new AtomicLong();
        Verifier slow =
                Verifier.builder()
                        .clock(CLOCK)
                        .timeLimit(
                                Duration.ofSeconds(5),
                                () -> nanos.getAndAdd(Duration.ofSeconds(1).toNanos()))
                        .build();
        JsonObject signed = ISSUER.sign(credential());

        // WHEN
        VerificationReport report = slow.verify(signed.toString(), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.credential()).isEmpty();
        Check only = report.checks().get(0);
        assertThat(report.checks()).hasSize(1);
        assertThat(only.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(only.code()).isEqualTo("TIME_LIMIT");
        assertThat(only.message()).startsWith("Checking stopped after 5 s of work");
        assertThat(verifier.verify(signed.toString(), VerifyOptions.DEFAULT).verdict())
                .as("the same credential with the default limit")
                .isEqualTo(Verdict.VERIFIED);
    }

    private static void assertTooComplex(VerificationReport report) {
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.credential()).as("nothing of it is shown as read").isEmpty();
        assertThat(report.checks()).hasSize(1);
        Check only = report.checks().get(0);
        assertThat(only.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(only.code()).isEqualTo("TOO_COMPLEX");
        assertThat(only.message()).contains("too complex").contains("not checked");
    }

    /** The credential with {@code count} Result objects in its subject. */
    static JsonObject widened(JsonObject credential, int count) {
        // Jsons.PROVIDER: Json.createXxx looks the provider up again at every call (slow)
        JsonArrayBuilder results = Jsons.PROVIDER.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            results.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("type", Jsons.PROVIDER.createArrayBuilder().add("Result"))
                            .add("value", "v" + i));
        }
        JsonObject subject =
                Json.createObjectBuilder(credential.getJsonObject("credentialSubject"))
                        .add("result", results)
                        .build();
        return Json.createObjectBuilder(credential).add("credentialSubject", subject).build();
    }

    private static JsonObject credential() {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add("id", "urn:uuid:0b6d2a1c-51c4-4f7e-9a0e-3c0d1e2f3a4b")
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", KEY.controller())
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Centre de formation"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Cyber risk in small teams")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:learner")
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "https://training.example/a/1")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Cyber risk")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "narrative",
                                                                        "Pass the exam"))))
                .build();
    }

    private static JsonObject presentation(String holder, JsonObject credential) {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", holder)
                .add("verifiableCredential", Json.createArrayBuilder().add(credential))
                .build();
    }

    /**
     * The example as this test's issuer would issue it: its own id, no remote references, no
     * embedded endorsements (their 1EdTech schema types are not in the pinned contexts).
     */
    private static JsonObject reissuable(JsonObject example) {
        JsonObject issuer =
                Json.createObjectBuilder(withoutEndorsements(example.getJsonObject("issuer")))
                        .add("id", KEY.controller())
                        .build();
        return Json.createObjectBuilder(withoutEndorsements(example))
                .add("issuer", issuer)
                .remove("proof")
                .remove("credentialStatus")
                .remove("endorsement")
                .remove("credentialSchema")
                .remove("refreshService")
                .remove("validUntil")
                .build();
    }

    private static JsonObject withoutEndorsements(JsonObject object) {
        var copy = Json.createObjectBuilder();
        object.forEach(
                (name, value) -> {
                    if (!name.equals("endorsement")) {
                        copy.add(
                                name,
                                value instanceof JsonObject inner
                                        ? withoutEndorsements(inner)
                                        : value);
                    }
                });
        return copy.build();
    }

    private static String pad(int i) {
        return String.format("%012d", i);
    }

    private static JsonObject read(String file) {
        try (JsonReader reader =
                Json.createReader(Files.newBufferedReader(VECTORS.resolve(file)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

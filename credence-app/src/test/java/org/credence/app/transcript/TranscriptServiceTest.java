package org.credence.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.credence.app.AppException;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.json.JsonInput;
import org.credence.core.model.Recipient;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TranscriptServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Recipient LEARNER =
            Recipient.ofEmail("zoe@example.org").withName("Zoë Ñúñez 李");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_with_every_nested_credential_when_the_platform_signed_two_app_credentials(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN a Data Integrity credential and a VC-JWT, as stored
            IssuedCredential json =
                    world.awards().issue(world.owner(), world.requestFor("zoe@example.org"));
            IssuedCredential jwt =
                    world.awards()
                            .issue(
                                    world.owner(),
                                    world.requestFor("zoe@example.org")
                                            .withFormat(SecuringFormat.VC_JWT));

            // WHEN
            JsonObject clr =
                    transcripts(world)
                            .transcript(LEARNER, List.of(json.document(), jwt.document()));

            // THEN signed by the platform's DID, the credentials nested intact
            String platform = DidWebHost.of(IssuanceWorld.BASE).platformDid();
            assertThat(clr.getJsonObject("issuer").getString("id")).isEqualTo(platform);
            assertThat(clr.getJsonObject("proof").getString("cryptosuite"))
                    .isEqualTo("eddsa-rdfc-2022");
            assertThat(clr.getJsonObject("proof").getString("verificationMethod"))
                    .startsWith(platform + "#");
            assertThat(clr.getString("name")).isEqualTo("Learner record of Zoë Ñúñez 李");
            assertThat(clr.toString()).doesNotContain("zoe@example.org");
            List<JsonValue> nested =
                    clr.getJsonObject("credentialSubject").getJsonArray("verifiableCredential");
            assertThat(nested.get(0)).isEqualTo(JsonInput.DEFAULT.parseObject(json.document()));
            assertThat(((JsonString) nested.get(1)).getString()).isEqualTo(jwt.document());

            // AND Credence's verifier verifies it, and each nested credential
            VerificationReport report = verify(world, clr);
            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.PROOF).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(report.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(report.nested())
                    .hasSize(2)
                    .allSatisfy(inner -> assertThat(inner.isVerified()).isTrue());
            assertThat(report.nested().get(1).format()).isEqualTo("jwt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_fail_the_nested_check_when_a_nested_credential_was_tampered_with(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            IssuedCredential first =
                    world.awards().issue(world.owner(), world.requestFor("zoe@example.org"));
            IssuedCredential second =
                    world.awards().issue(world.owner(), world.requestFor("zoe@example.org"));
            String tampered =
                    second.document().replace("Safe Medication Administration", "Brain Surgery");
            assertThat(tampered).isNotEqualTo(second.document());
            TranscriptService transcripts = transcripts(world);

            // WHEN the platform signs a bundle holding a tampered credential
            VerificationReport signedOver =
                    verify(
                            world,
                            transcripts.transcript(LEARNER, List.of(first.document(), tampered)));
            // AND a nested credential of a signed bundle is changed afterwards
            String clr =
                    transcripts
                            .transcript(LEARNER, List.of(first.document(), second.document()))
                            .toString();
            VerificationReport changedAfter =
                    verify(world, clr.replace("Safe Medication Administration", "Brain Surgery"));

            // THEN
            assertThat(signedOver.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(signedOver.check(CheckName.PROOF).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(signedOver.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                    .isEqualTo(CheckStatus.FAILED);
            assertThat(signedOver.nested().get(0).isVerified()).isTrue();
            assertThat(signedOver.nested().get(1).isVerified()).isFalse();
            assertThat(changedAfter.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(changedAfter.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                    .isEqualTo(CheckStatus.FAILED);
            assertThat(changedAfter.check(CheckName.PROOF).orElseThrow().status())
                    .isEqualTo(CheckStatus.FAILED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_documents_that_are_not_credentials(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            TranscriptService transcripts = transcripts(world);

            assertThatThrownBy(() -> transcripts.transcript(LEARNER, List.of()))
                    .isInstanceOf(AppException.class);
            assertThatThrownBy(() -> transcripts.transcript(LEARNER, List.of("not a credential")))
                    .isInstanceOf(AppException.class)
                    .hasMessageContaining("credentials[0]");
        }
    }

    private static TranscriptService transcripts(IssuanceWorld world) {
        return new TranscriptService(
                world.issuers(),
                DidWebHost.of(IssuanceWorld.BASE),
                world.clock(),
                new SecureRandom());
    }

    private static VerificationReport verify(IssuanceWorld world, Object clr) {
        return world.credentials().verify(clr.toString().getBytes(StandardCharsets.UTF_8));
    }
}

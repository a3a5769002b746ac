package org.credence.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.testing.IssuanceWorld;
import org.credence.app.transcript.TranscriptService;
import org.credence.app.verification.LocalDocuments;
import org.credence.app.verification.VerificationService;
import org.credence.app.verification.VerificationSources;
import org.credence.app.wallet.IdentifierService;
import org.credence.app.wallet.LearnerAccountService;
import org.credence.app.wallet.LearnerSignUp;
import org.credence.app.wallet.WalletService;
import org.credence.app.wallet.WalletTranscript;
import org.credence.app.wallet.WalletTranscriptService;
import org.credence.core.model.Recipient;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLR 2.0 transcript the platform signs ({@link TranscriptService}) verifies in {@code
 * @digitalbazaar/vc} ({@code interop/verify-clr.mjs}): the platform's proof, resolved from the
 * installation's {@code /.well-known/did.json}, and each nested credential with its issuer's
 * did:web document and status lists, all given as fixtures exactly as the server publishes them.
 * Like {@link AppIssuedInteropTest}: nested credentials are Data Integrity ones (the Node verifiers
 * do not read VC-JWT), one engine (PostgreSQL), and the wall clock fixed at the start.
 */
class TranscriptInteropTest {

    @TempDir static Path work;

    private static NodeHarness node;
    private static IssuanceWorld world;
    private static TranscriptService transcripts;

    @BeforeAll
    static void setUp() {
        node = NodeHarness.installed(work);
        Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        world = IssuanceWorld.open(TestDatabases.fresh(Engine.POSTGRESQL), clock, "clr");
        transcripts =
                new TranscriptService(
                        world.issuers(),
                        DidWebHost.of(IssuanceWorld.BASE),
                        clock,
                        new SecureRandom());
    }

    @AfterAll
    static void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void should_verify_the_platform_proof_and_each_nested_credential_in_node() throws IOException {
        // GIVEN
        IssuedCredential first = issue("amina@example.org", "أمينة الفارسي");
        IssuedCredential second = issue("amina@example.org", "أمينة الفارسي");
        JsonObject clr =
                transcripts.transcript(
                        Recipient.ofEmail("amina@example.org").withName("أمينة الفارسي"),
                        List.of(first.document(), second.document()));
        Path fixtures = publish("valid", List.of(first, second));

        // WHEN
        JsonObject result = node.verifyClr(fixtures, write("clr.json", clr.toString()));

        // THEN
        assertThat(result.getBoolean("clrVerified")).as(result.toString()).isTrue();
        assertThat(result.getJsonArray("nested")).hasSize(2);
        result.getJsonArray("nested").stream()
                .map(JsonValue::asJsonObject)
                .forEach(
                        nested -> {
                            assertThat(nested.getBoolean("verified"))
                                    .as(nested.toString())
                                    .isTrue();
                            assertThat(nested.getBoolean("statusChecked")).isTrue();
                        });
        assertThat(result.getBoolean("verified")).isTrue();
        VerificationReport report =
                world.credentials().verify(clr.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(report.isVerified()).as(report.toString()).isTrue();
        assertThat(report.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                .isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_fail_in_node_when_a_nested_credential_was_changed() throws IOException {
        // GIVEN a bundle the platform signed over a changed credential
        IssuedCredential first = issue("li.wei@example.org", "李伟");
        IssuedCredential second = issue("li.wei@example.org", "李伟");
        String changed = second.document().replace("Safe Medication Administration", "Surgery");
        assertThat(changed).isNotEqualTo(second.document());
        JsonObject clr =
                transcripts.transcript(
                        Recipient.ofEmail("li.wei@example.org").withName("李伟"),
                        List.of(first.document(), changed));
        Path fixtures = publish("changed", List.of(first, second));

        // WHEN
        JsonObject result = node.verifyClr(fixtures, write("changed.json", clr.toString()));

        // THEN the platform's proof holds, the changed credential does not
        assertThat(result.getBoolean("clrVerified")).as(result.toString()).isTrue();
        assertThat(result.getJsonArray("nested").getJsonObject(0).getBoolean("verified")).isTrue();
        assertThat(result.getJsonArray("nested").getJsonObject(1).getBoolean("verified")).isFalse();
        assertThat(result.getBoolean("verified")).isFalse();
    }

    @Test
    void should_verify_in_node_a_transcript_made_in_a_wallet_from_its_imports() throws IOException {
        // GIVEN a learner who imported two credentials issued here into their wallet
        Clock clock = world.clock();
        SecureRandom random = new SecureRandom();
        DidWebHost host = DidWebHost.of(IssuanceWorld.BASE);
        DeliveryService delivery =
                new DeliveryService(world.database(), clock, random, Duration.ofDays(90));
        VerificationService verification =
                new VerificationService(
                        world.database(),
                        new LocalDocuments(world.issuers(), world.status(), host),
                        VerificationSources.LOCAL_ONLY,
                        world.credentials()::signedDocument,
                        clock);
        PasswordHasher.Parameters cheap = new PasswordHasher.Parameters(64, 1, 1);
        IdentifierService identifiers =
                new IdentifierService(world.database(), delivery, clock, random, cheap);
        UUID learner =
                new LearnerAccountService(world.database(), identifiers, clock, random, cheap)
                        .signUp(
                                new LearnerSignUp(
                                        "Nomvula Dlamini",
                                        "nomvula@example.org",
                                        "a long enough passphrase"))
                        .session()
                        .learnerId();
        // her address verified, as its e-mailed code would (no mail server here to read it from):
        // a transcript holds only credentials issued to a verified identifier
        world.database()
                .jdbi()
                .useHandle(
                        handle ->
                                handle.createUpdate(
                                                "UPDATE learner_identifiers SET verified_value ="
                                                        + " identifier, verified_at = :now"
                                                        + " WHERE learner_id = :learner")
                                        .bind("now", clock.instant())
                                        .bind("learner", learner)
                                        .execute());
        WalletService wallet =
                new WalletService(world.database(), delivery, identifiers, verification, clock);
        IssuedCredential first = issue("nomvula@example.org", "Nomvula Dlamini");
        IssuedCredential second = issue("nomvula@example.org", "Nomvula Dlamini");
        List<UUID> ids =
                List.of(
                        wallet.importFile(learner, bytes(first.document())).id(),
                        wallet.importFile(learner, bytes(second.document())).id());

        // WHEN the wallet makes the transcript
        WalletTranscript transcript =
                new WalletTranscriptService(world.database(), wallet, transcripts, clock)
                        .create(learner, ids);
        JsonObject result =
                node.verifyClr(
                        publish("wallet", List.of(first, second)),
                        write("wallet-clr.json", transcript.document()));

        // THEN
        assertThat(result.getBoolean("clrVerified")).as(result.toString()).isTrue();
        assertThat(result.getJsonArray("nested")).hasSize(2);
        assertThat(result.getBoolean("verified")).as(result.toString()).isTrue();
    }

    private static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    private static IssuedCredential issue(String email, String name) {
        return world.awards()
                .issue(
                        world.owner(),
                        IssueRequest.of(
                                world.issuer().id(),
                                world.achievement().achievementId(),
                                AwardRecipient.ofEmail(email).withName(name)));
    }

    /**
     * Fixtures of what the server publishes: the platform's and the issuer's DID documents and
     * every status list the credentials refer to.
     */
    private static Path publish(String name, List<IssuedCredential> credentials)
            throws IOException {
        Path fixtures = Files.createDirectories(work.resolve(name));
        String statusBase = IssuanceWorld.BASE + "/status/";
        for (IssuedCredential credential : credentials) {
            for (JsonValue entry : statusEntries(NodeHarness.parse(credential.document()))) {
                String url = entry.asJsonObject().getString("statusListCredential");
                String segment = url.substring(statusBase.length());
                fixture(
                        fixtures,
                        "status-" + segment,
                        url,
                        NodeHarness.parse(world.status().publishedList(segment).json()));
            }
        }
        fixture(
                fixtures,
                "platform",
                IssuanceWorld.BASE + "/.well-known/did.json",
                world.issuers().platformDidDocument());
        fixture(
                fixtures,
                "issuer",
                IssuanceWorld.BASE + "/issuers/" + world.issuer().slug() + "/did.json",
                world.issuers().didDocument(world.issuer().slug()));
        return fixtures;
    }

    /** {@code credentialStatus}: one entry (the default since V13) or several. */
    private static List<JsonValue> statusEntries(JsonObject credential) {
        JsonValue status = credential.get("credentialStatus");
        return status instanceof JsonArray entries ? entries : List.of(status);
    }

    private static void fixture(Path fixtures, String file, String url, JsonObject document)
            throws IOException {
        Files.writeString(
                fixtures.resolve(file + ".json"),
                Json.createObjectBuilder()
                        .add("url", url)
                        .add("document", document)
                        .build()
                        .toString(),
                StandardCharsets.UTF_8);
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content, StandardCharsets.UTF_8);
    }
}

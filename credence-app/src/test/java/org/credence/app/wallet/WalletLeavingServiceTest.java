package org.credence.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.delivery.DeliveryState;
import org.credence.app.job.MutableClock;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcripts made from a wallet, exporting everything, deleting an account and merging two, on
 * both engines.
 */
class WalletLeavingServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void
            should_sign_a_transcript_that_verifies_when_a_learner_bundles_a_claimed_and_an_issued_credential(
                    TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN one credential issued to Ada's verified address, one claimed from another
            UUID issued = world.issueTo("ada@example.org");
            UUID learner = world.verifiedLearner("Ada Lovelace", "ada@example.org").learnerId();
            world.issueTo("ada@school.example");
            UUID claimed = world.wallet().claim(learner, world.claimTokenFor("ada@school.example"));

            // WHEN
            WalletTranscript transcript =
                    world.transcripts().create(learner, List.of(claimed, issued, claimed));

            // THEN kept, each credential once and intact, and it verifies with its nested ones
            assertThat(world.transcripts().transcripts(learner)).containsExactly(transcript);
            assertThat(transcript.credentialCount()).isEqualTo(2);
            assertThat(transcript.name()).isEqualTo("Learner record of Ada Lovelace");
            JsonObject clr = JsonInput.DEFAULT.parseObject(transcript.document());
            List<JsonValue> nested =
                    clr.getJsonObject("credentialSubject").getJsonArray("verifiableCredential");
            assertThat(nested)
                    .containsExactly(
                            JsonInput.DEFAULT.parseObject(
                                    world.wallet().entry(learner, claimed).document()),
                            JsonInput.DEFAULT.parseObject(
                                    world.wallet().entry(learner, issued).document()));
            VerificationReport report =
                    world.verification()
                            .verify(
                                    transcript.document().getBytes(StandardCharsets.UTF_8),
                                    VerifyOptions.DEFAULT);
            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(report.nested()).hasSize(2).allMatch(VerificationReport::isVerified);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_bundle_only_credentials_issued_to_the_learner_and_name_them_by_a_verified_address(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a learner who never verified her sign-up address, with a claimed credential
            // (the link was sent to an address she has not added) and a foreign import
            UUID learner =
                    world.accounts()
                            .signUp(
                                    new LearnerSignUp(
                                            "Ada", "ada@example.org", WalletWorld.PASSWORD))
                            .session()
                            .learnerId();
            world.issueTo("ada@school.example");
            UUID claimed = world.wallet().claim(learner, world.claimTokenFor("ada@school.example"));
            UUID foreign =
                    world.wallet()
                            .importFile(learner, Vectors.bytes(WalletServiceTest.FOREIGN))
                            .id();

            // WHEN / THEN without a verified identifier there is nobody to name
            assertThatThrownBy(() -> world.transcripts().create(learner, List.of(claimed)))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                    .hasMessageContaining("Verify an e-mail address or DID");

            // GIVEN she verifies her work address
            LearnerIdentifier work = world.identifiers().addEmail(learner, "ada@work.example");
            world.identifiers().verify(learner, work.id(), world.codeFor("ada@work.example"));

            // WHEN / THEN the import issued to someone else's DID is refused
            assertThatThrownBy(() -> world.transcripts().create(learner, List.of(claimed, foreign)))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT))
                    .hasMessageContaining("not issued to any of your verified identifiers");
            assertThat(world.transcripts().transcripts(learner)).isEmpty();

            // WHEN she bundles her own credential
            WalletTranscript transcript = world.transcripts().create(learner, List.of(claimed));

            // THEN the transcript names her by the verified address, not the unverified one
            JsonObject clr = JsonInput.DEFAULT.parseObject(transcript.document());
            assertThat(RecipientMatch.names(clr, List.of("ada@work.example"), List.of())).isTrue();
            assertThat(RecipientMatch.names(clr, List.of("ada@example.org"), List.of())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_not_find_another_learners_credential_or_transcript_when_making_or_reading_one(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Ada's credential and transcript, and Mallory's own credential
            UUID adaCredential = world.issueTo("ada@example.org");
            UUID ada = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            UUID adaTranscript = world.transcripts().create(ada, List.of(adaCredential)).id();
            UUID malloryCredential = world.issueTo("mallory@example.org");
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();

            // WHEN / THEN
            assertThatThrownBy(
                            () ->
                                    world.transcripts()
                                            .create(
                                                    mallory,
                                                    List.of(malloryCredential, adaCredential)))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThatThrownBy(() -> world.transcripts().transcript(mallory, adaTranscript))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThatThrownBy(() -> world.transcripts().create(mallory, List.of()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
            assertThat(world.transcripts().transcripts(mallory)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_export_every_file_with_a_manifest_that_matches_when_the_wallet_is_exported(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN an issued credential, an imported one and a transcript
            UUID issued = world.issueTo("ada@example.org");
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            WalletEntry imported =
                    world.wallet().importFile(learner, Vectors.bytes(WalletServiceTest.FOREIGN));
            WalletTranscript transcript = world.transcripts().create(learner, List.of(issued));
            world.identifiers().addEmail(learner, "ada@work.example");

            // WHEN
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            world.export().write(learner, zip);

            // THEN every file is there, and the manifest says what each is, with its digest
            Map<String, byte[]> files = unzip(zip.toByteArray());
            assertThat(files.keySet())
                    .containsExactlyInAnyOrder(
                            "credentials/" + issued + ".json",
                            "credentials/" + imported.id() + ".json",
                            "transcripts/" + transcript.id() + ".json",
                            "manifest.json");
            assertThat(
                            new String(
                                    files.get("credentials/" + issued + ".json"),
                                    StandardCharsets.UTF_8))
                    .isEqualTo(world.wallet().entry(learner, issued).document());
            JsonObject manifest =
                    JsonInput.DEFAULT.parseObject(
                            new String(files.get("manifest.json"), StandardCharsets.UTF_8));
            assertThat(manifest.getJsonArray("identifiers").toString())
                    .contains("\"value\":\"ada@example.org\",\"verified\":true")
                    .contains("\"value\":\"ada@work.example\",\"verified\":false");
            List<JsonObject> described =
                    manifest.getJsonArray("files").getValuesAs(JsonObject.class);
            assertThat(described).hasSize(3);
            for (JsonObject file : described) {
                byte[] content = files.get(file.getString("path"));
                assertThat(content).as(file.getString("path")).isNotNull();
                assertThat(file.getString("sha256")).isEqualTo(sha256(content));
                assertThat(file.getString("verdict")).isNotEmpty();
            }
            Map<String, JsonObject> byPath = new LinkedHashMap<>();
            described.forEach(file -> byPath.put(file.getString("path"), file));
            JsonObject issuedFile = byPath.get("credentials/" + issued + ".json");
            assertThat(issuedFile.getString("source")).isEqualTo("issued");
            assertThat(issuedFile.getString("issuer")).isEqualTo("School of Nursing");
            assertThat(issuedFile.getString("achievement"))
                    .isEqualTo("Safe Medication Administration");
            assertThat(issuedFile.getString("issued")).startsWith("2026-03-01");
            assertThat(issuedFile.getString("verdict")).isEqualTo("VERIFIED");
            JsonObject importedFile = byPath.get("credentials/" + imported.id() + ".json");
            assertThat(importedFile.getString("source")).isEqualTo("imported");
            assertThat(importedFile.getString("verdict")).isEqualTo(imported.verdict().name());
            JsonObject transcriptFile = byPath.get("transcripts/" + transcript.id() + ".json");
            assertThat(transcriptFile.getString("kind")).isEqualTo("transcript");
            assertThat(transcriptFile.getString("verdict")).isEqualTo("VERIFIED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_erase_the_learner_and_free_their_address_when_they_delete_their_account(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Ada with a claimed credential, an import and a transcript
            world.issueTo("ada@example.org");
            String token = world.claimTokenFor("ada@example.org");
            LearnerSignedIn signedIn =
                    world.accounts()
                            .signUp(
                                    new LearnerSignUp(
                                            "Ada", "ada@example.org", WalletWorld.PASSWORD));
            UUID ada = signedIn.session().learnerId();
            UUID claimed = world.wallet().claim(ada, token);
            world.wallet().importFile(ada, Vectors.bytes(WalletServiceTest.FOREIGN));
            world.transcripts().create(ada, List.of(claimed));
            // and a collection shared by a link
            CollectionService collections =
                    new CollectionService(world.issuing().database(), clock);
            UUID toolkit = collections.create(ada, "Nursing toolkit").id();
            collections.add(ada, toolkit, claimed);
            sharing(world).create(ada, ShareRequest.ofCollection(toolkit, Optional.empty()));

            // WHEN a wrong password, THEN refused and nothing deleted
            assertThatThrownBy(() -> world.accounts().deleteAccount(ada, "not my password"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
            assertThat(world.wallet().entries(ada)).hasSize(2);

            // WHEN the right one
            world.accounts().deleteAccount(ada, WalletWorld.PASSWORD);

            // THEN the session and every row are gone, the issuer's claim stays
            assertThat(world.accounts().session(signedIn.token())).isEmpty();
            for (String table : LeavingStore.LEARNER_TABLES) {
                assertThat(rows(world, table, ada)).as(table).isZero();
            }
            assertThatThrownBy(
                            () -> world.accounts().login("ada@example.org", WalletWorld.PASSWORD))
                    .isInstanceOf(AppException.class);
            assertThat(world.delivery().delivery(world.issuing().owner(), claimed).state())
                    .isEqualTo(DeliveryState.CLAIMED);

            // AND the address is free for someone else to verify, with its credential
            UUID next = world.verifiedLearner("Ada again", "ada@example.org").learnerId();
            assertThat(world.wallet().entries(next))
                    .extracting(WalletEntry::id)
                    .containsExactly(claimed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_move_everything_without_duplicates_when_a_learner_merges_a_second_account(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Ada's personal wallet and her school wallet, both holding the same import,
            // the school one also a credential issued to the school address and a transcript
            UUID personalCredential = world.issueTo("ada@example.org");
            UUID schoolCredential = world.issueTo("ada@school.example");
            LearnerSession personal = world.verifiedLearner("Ada", "ada@example.org");
            // (she added the school address to her personal wallet, but never verified it there)
            world.identifiers().addEmail(personal.learnerId(), "ada@school.example");
            LearnerSession school = world.verifiedLearner("Ada at school", "ada@school.example");
            UUID personalImport =
                    world.wallet()
                            .importFile(
                                    personal.learnerId(), Vectors.bytes(WalletServiceTest.FOREIGN))
                            .id();
            UUID schoolImport =
                    world.wallet()
                            .importFile(
                                    school.learnerId(), Vectors.bytes(WalletServiceTest.FOREIGN))
                            .id();
            UUID transcript =
                    world.transcripts().create(school.learnerId(), List.of(schoolCredential)).id();
            // both have a collection of the same name; the school one is shared by a link
            CollectionService collections =
                    new CollectionService(world.issuing().database(), clock);
            collections.create(personal.learnerId(), "Toolkit");
            UUID schoolToolkit = collections.create(school.learnerId(), "Toolkit").id();
            collections.add(school.learnerId(), schoolToolkit, schoolCredential);
            collections.add(school.learnerId(), schoolToolkit, schoolImport);
            // and the school copy of the import is shared by a link of its own
            String importLink =
                    sharing(world)
                            .create(
                                    school.learnerId(),
                                    ShareRequest.ofCredential(schoolImport, Optional.empty()))
                            .url();
            String link =
                    sharing(world)
                            .create(
                                    school.learnerId(),
                                    ShareRequest.ofCollection(schoolToolkit, Optional.empty()))
                            .url();

            // WHEN a wrong password for the school wallet, THEN refused, nothing moves
            assertThatThrownBy(
                            () ->
                                    world.accounts()
                                            .merge(
                                                    personal.learnerId(),
                                                    "ada@school.example",
                                                    "wrong password"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
            assertThatThrownBy(
                            () ->
                                    world.accounts()
                                            .merge(
                                                    personal.learnerId(),
                                                    "ada@example.org",
                                                    WalletWorld.PASSWORD))
                    .hasMessageContaining("signed in to");

            // WHEN the school wallet's password
            MergedAccount merged =
                    world.accounts()
                            .merge(
                                    personal.learnerId(),
                                    "Ada@School.example",
                                    WalletWorld.PASSWORD);

            // THEN
            assertThat(merged).isEqualTo(new MergedAccount(1, 0, 1));
            List<WalletEntry> entries = world.wallet().entries(personal.learnerId());
            assertThat(entries)
                    .extracting(WalletEntry::source)
                    .containsExactlyInAnyOrder(
                            CredentialSource.ISSUED,
                            CredentialSource.ISSUED,
                            CredentialSource.IMPORTED);
            assertThat(entries)
                    .extracting(WalletEntry::id)
                    .contains(personalCredential, schoolCredential);
            assertThat(world.transcripts().transcript(personal.learnerId(), transcript).id())
                    .isEqualTo(transcript);
            assertThat(world.identifiers().identifiers(personal.learnerId()))
                    .extracting(LearnerIdentifier::value, LearnerIdentifier::verified)
                    .containsExactlyInAnyOrder(
                            tuple("ada@example.org", true), tuple("ada@school.example", true));
            assertThat(rows(world, "learners", school.learnerId())).isZero();
            assertThat(collections.collections(personal.learnerId()))
                    .extracting(WalletCollection::name)
                    .containsExactlyInAnyOrder("Toolkit", "Toolkit (merged)");
            // the links still show the collection, now the personal wallet's, and the import:
            // what named the school copy of the import names the kept copy
            assertThat(sharing(world).open(link.substring(link.lastIndexOf('/') + 1)).credentials())
                    .extracting(shared -> shared.entry().id())
                    .containsExactly(schoolCredential, personalImport);
            assertThat(
                            sharing(world)
                                    .open(importLink.substring(importLink.lastIndexOf('/') + 1))
                                    .credentials())
                    .extracting(shared -> shared.entry().id())
                    .containsExactly(personalImport);
            assertThat(collections.collections(personal.learnerId()))
                    .filteredOn(collection -> collection.name().equals("Toolkit (merged)"))
                    .singleElement()
                    .satisfies(
                            collection ->
                                    assertThat(collection.entryIds())
                                            .containsExactly(schoolCredential, personalImport));
            assertThatThrownBy(
                            () ->
                                    world.accounts()
                                            .login("ada@school.example", WalletWorld.PASSWORD))
                    .isInstanceOf(AppException.class);
        }
    }

    private ShareService sharing(WalletWorld world) {
        return new ShareService(
                world.issuing().database(),
                world.wallet(),
                "https://wallet.example",
                clock,
                new java.security.SecureRandom());
    }

    private static long rows(WalletWorld world, String table, UUID learner) {
        String column = table.equals("learners") ? "id" : "learner_id";
        return world.issuing()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT COUNT(*) FROM "
                                                        + table
                                                        + " WHERE "
                                                        + column
                                                        + " = :learner")
                                        .bind("learner", learner)
                                        .mapTo(Long.class)
                                        .one());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}

package org.credence.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.delivery.DeliveryState;
import org.credence.app.job.MutableClock;
import org.credence.app.organization.Role;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillService;
import org.credence.app.skill.SkillSource;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.verify.Verdict;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learner wallet's services on both engines, with e-mails (codes, claim links) sent to a real
 * in-process SMTP server.
 */
class WalletServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    /** A did:key-signed Open Badge issued elsewhere to a DID that is not the learner's. */
    static final String FOREIGN = "dcc-verifier-core/v2__v2NoStatus.json";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(START);

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_an_address_only_with_the_emailed_code_when_a_learner_signs_up(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN
            LearnerSignedIn signedIn =
                    world.accounts()
                            .signUp(
                                    new LearnerSignUp(
                                            "Ada Lovelace",
                                            "Ada@Example.org",
                                            WalletWorld.PASSWORD));
            UUID learner = signedIn.session().learnerId();
            LearnerIdentifier address = world.identifiers().identifiers(learner).get(0);
            String code = world.codeFor("ada@example.org");

            // THEN the address is the lowercased sign-up one, unverified, its code hashed at rest
            assertThat(address.value()).isEqualTo("ada@example.org");
            assertThat(address.verified()).isFalse();
            assertThat(address.codePending()).isTrue();
            String stored = storedCodeHash(world, address.id());
            assertThat(stored).startsWith("$argon2id$").doesNotContain(code);

            // WHEN a wrong code, THEN refused and still unverified
            String wrong = code.equals("000000") ? "000001" : "000000";
            assertThatThrownBy(() -> world.identifiers().verify(learner, address.id(), wrong))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
            assertThat(world.identifiers().identifiers(learner).get(0).verified()).isFalse();

            // WHEN the right code
            LearnerIdentifier verified = world.identifiers().verify(learner, address.id(), code);

            // THEN
            assertThat(verified.verifiedAt()).contains(START);
            assertThat(verified.codePending()).isFalse();
            assertThat(world.accounts().login("ADA@example.org ", WalletWorld.PASSWORD).session())
                    .extracting(LearnerSession::learnerId)
                    .isEqualTo(learner);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_code_when_it_expired_or_too_many_wrong_codes_were_tried(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN two addresses with codes
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            LearnerIdentifier work = world.identifiers().addEmail(learner, "ada@work.example");
            String workCode = world.codeFor("ada@work.example");
            LearnerIdentifier school = world.identifiers().addEmail(learner, "ada@school.example");
            String schoolCode = world.codeFor("ada@school.example");

            // WHEN five wrong codes, THEN even the right one is refused
            String wrong = workCode.equals("000000") ? "000001" : "000000";
            for (int attempt = 0; attempt < IdentifierService.MAX_ATTEMPTS; attempt++) {
                assertThatThrownBy(() -> world.identifiers().verify(learner, work.id(), wrong))
                        .isInstanceOf(AppException.class);
            }
            assertThatThrownBy(() -> world.identifiers().verify(learner, work.id(), workCode))
                    .hasMessageContaining("Too many wrong codes");

            // WHEN 15 minutes pass, THEN the other code has expired
            clock.advance(IdentifierService.CODE_VALIDITY);
            assertThatThrownBy(() -> world.identifiers().verify(learner, school.id(), schoolCode))
                    .hasMessageContaining("expired");

            // WHEN a new code is sent, THEN it works
            world.identifiers().resend(learner, school.id());
            String fresh = world.codeFor("ada@school.example");
            assertThat(world.identifiers().verify(learner, school.id(), fresh).verified()).isTrue();
            assertThat(world.identifiers().identifiers(learner))
                    .extracting(LearnerIdentifier::value, LearnerIdentifier::verified)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("ada@example.org", true),
                            org.assertj.core.groups.Tuple.tuple("ada@work.example", false),
                            org.assertj.core.groups.Tuple.tuple("ada@school.example", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_count_wrong_codes_and_code_mails_per_address_across_learners_and_resends(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            IdentifierService identifiers = world.identifiers();
            // GIVEN Mallory guessing codes for someone's address, asking for a new code when
            // one is used up
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();
            LearnerIdentifier guessed = identifiers.addEmail(mallory, "victor@example.org");
            guessWrong(world, mallory, guessed, IdentifierService.MAX_ATTEMPTS);
            clock.advance(IdentifierService.RESEND_AFTER);
            identifiers.resend(mallory, guessed.id());
            guessWrong(
                    world,
                    mallory,
                    guessed,
                    IdentifierService.MAX_FAILURES_PER_ADDRESS - IdentifierService.MAX_ATTEMPTS);

            // WHEN the address's owner adds it to his wallet and enters the right code
            UUID victor = world.verifiedLearner("Victor", "victor@home.example").learnerId();
            LearnerIdentifier own = identifiers.addEmail(victor, "victor@example.org");
            String right = world.codeFor("victor@example.org");

            // THEN the address takes no code for now
            assertThatThrownBy(() -> identifiers.verify(victor, own.id(), right))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));

            // WHEN Mallory keeps asking for codes, THEN the address gets no more than the cap
            for (int sent = 3; sent < IdentifierService.MAX_MAILS_PER_ADDRESS; sent++) {
                clock.advance(IdentifierService.RESEND_AFTER);
                identifiers.resend(mallory, guessed.id());
            }
            clock.advance(IdentifierService.RESEND_AFTER);
            assertThatThrownBy(() -> identifiers.resend(mallory, guessed.id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS))
                    .hasMessageContaining("Too many codes");

            // WHEN the hour is over, THEN a new code verifies the owner's address
            clock.advance(IdentifierService.THROTTLE_WINDOW);
            identifiers.resend(victor, own.id());
            String fresh = world.codeFor("victor@example.org");
            assertThat(identifiers.verify(victor, own.id(), fresh).verified()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_give_a_did_a_new_challenge_no_sooner_than_an_address_a_new_code(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a DID just added
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            String did =
                    org.credence.core.crypto.KeyFile.generate(
                                    org.credence.core.crypto.KeyType.ED25519,
                                    new java.security.SecureRandom())
                            .controller();
            LearnerIdentifier added = world.identifiers().addDid(learner, did);

            // WHEN / THEN a new challenge at once is refused, a minute later given
            assertThatThrownBy(() -> world.identifiers().resend(learner, added.id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
            clock.advance(IdentifierService.RESEND_AFTER);
            world.identifiers().resend(learner, added.id());
            assertThat(
                            world.identifiers().identifiers(learner).stream()
                                    .filter(identifier -> identifier.id().equals(added.id()))
                                    .findFirst()
                                    .orElseThrow()
                                    .challenge())
                    .isPresent()
                    .isNotEqualTo(added.challenge());
        }
    }

    /** Enters {@code times} wrong codes for the identifier's current code. */
    private static void guessWrong(
            WalletWorld world, UUID learner, LearnerIdentifier identifier, int times)
            throws Exception {
        String code = world.codeFor(identifier.value());
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int attempt = 0; attempt < times; attempt++) {
            assertThatThrownBy(() -> world.identifiers().verify(learner, identifier.id(), wrong))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_an_address_to_one_learner_when_another_tries_to_verify_it(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Mallory adds Ada's work address before Ada verifies it
            UUID ada = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();
            LearnerIdentifier squatted = world.identifiers().addEmail(mallory, "ada@work.example");
            LearnerIdentifier adas = world.identifiers().addEmail(ada, "ada@work.example");
            String adaCode = world.codeFor("ada@work.example");

            // WHEN Ada verifies it
            world.identifiers().verify(ada, adas.id(), adaCode);

            // THEN Mallory can neither verify it nor add it again, nor touch Ada's identifier
            assertThatThrownBy(() -> world.identifiers().verify(mallory, squatted.id(), adaCode))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
            assertThatThrownBy(() -> world.identifiers().addEmail(mallory, "ADA@work.example"))
                    .hasMessageContaining("another wallet");
            assertThatThrownBy(() -> world.identifiers().verify(mallory, adas.id(), adaCode))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            // only DIDs this installation can verify are added (see DidAuthenticationTest)
            assertThatThrownBy(() -> world.identifiers().addDid(mallory, "did:example:mallory"))
                    .hasMessageContaining("only did:key and did:web");
            assertThatThrownBy(() -> world.identifiers().addDid(mallory, "not a did"))
                    .hasMessageStartingWith("did:");
            assertThatThrownBy(
                            () ->
                                    world.accounts()
                                            .signUp(
                                                    new LearnerSignUp(
                                                            "Again",
                                                            "mallory@example.org",
                                                            WalletWorld.PASSWORD)))
                    .hasMessageContaining("sign in instead");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_put_the_credential_in_the_wallet_and_show_it_claimed_when_a_learner_claims_it(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a credential e-mailed with its claim link, and a learner who signs up with
            // that address (not yet verified)
            UUID credential = world.issueTo("grace@example.org");
            String token = world.claimTokenFor("grace@example.org");
            UUID learner =
                    world.accounts()
                            .signUp(
                                    new LearnerSignUp(
                                            "Grace", "grace@example.org", WalletWorld.PASSWORD))
                            .session()
                            .learnerId();

            // WHEN
            UUID claimed = world.wallet().claim(learner, token);
            world.wallet().claim(learner, token); // again: nothing changes

            // THEN
            assertThat(claimed).isEqualTo(credential);
            assertThat(world.wallet().entries(learner))
                    .singleElement()
                    .satisfies(
                            entry -> {
                                assertThat(entry.id()).isEqualTo(credential);
                                assertThat(entry.source()).isEqualTo(CredentialSource.ISSUED);
                                assertThat(entry.verdict()).isEqualTo(Verdict.VERIFIED);
                                assertThat(entry.facts().title())
                                        .isEqualTo("Safe Medication Administration");
                                assertThat(entry.facts().issuerName())
                                        .isEqualTo("School of Nursing");
                            });
            assertThat(world.delivery().delivery(world.issuing().owner(), credential).state())
                    .isEqualTo(DeliveryState.CLAIMED);
            // the claim link was e-mailed to the sign-up address: it proves that mailbox
            assertThat(world.identifiers().identifiers(learner).get(0).verified()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_neither_verify_the_address_nor_add_the_credential_for_a_link_claimed_before(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a claim link that Grace claimed into her wallet (she signed up with another
            // address), and Mallory, who got hold of the link afterwards and added the address it
            // was sent to her own wallet (unverified)
            UUID credential = world.issueTo("grace@example.org");
            String token = world.claimTokenFor("grace@example.org");
            UUID grace = world.verifiedLearner("Grace", "grace@home.example").learnerId();
            world.wallet().claim(grace, token);
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();
            LearnerIdentifier stolen = world.identifiers().addEmail(mallory, "grace@example.org");
            assertThat(stolen.verified()).isFalse();

            // WHEN Mallory uses the claimed link
            // THEN it is refused: she gets neither the credential nor anything verified
            assertThatThrownBy(() -> world.wallet().claim(mallory, token))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                    .hasMessageContaining("used already");
            assertThat(world.wallet().entries(mallory)).isEmpty();
            assertThat(world.identifiers().identifiers(mallory))
                    .filteredOn(identifier -> !identifier.verified())
                    .hasSize(1);
            // and Grace, who claimed first, still has it (claiming again changes nothing)
            assertThat(world.wallet().claim(grace, token)).isEqualTo(credential);
            assertThat(world.wallet().entries(grace))
                    .extracting(WalletEntry::id)
                    .containsExactly(credential);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_not_verify_an_address_with_a_link_claimed_before_without_a_wallet(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a claim link claimed on the public claim page (no wallet), and a learner who
            // added the address it was sent to, unverified
            UUID credential = world.issueTo("alan@example.org");
            String token = world.claimTokenFor("alan@example.org");
            world.delivery().claim(token);
            UUID learner = world.verifiedLearner("Alan", "alan@home.example").learnerId();
            LearnerIdentifier address = world.identifiers().addEmail(learner, "alan@example.org");

            // WHEN the learner brings the claimed link to the wallet
            // THEN the link proves nothing any more
            assertThatThrownBy(() -> world.wallet().claim(learner, token))
                    .isInstanceOf(AppException.class);
            assertThat(world.identifiers().identifiers(learner))
                    .filteredOn(identifier -> identifier.id().equals(address.id()))
                    .singleElement()
                    .satisfies(identifier -> assertThat(identifier.verified()).isFalse());
            assertThat(world.wallet().entries(learner)).isEmpty();

            // WHEN the address is verified by its e-mailed code instead
            world.identifiers().verify(learner, address.id(), world.codeFor("alan@example.org"));

            // THEN the credential is in the wallet, and the link now answers it
            assertThat(world.wallet().claim(learner, token)).isEqualTo(credential);
            assertThat(world.wallet().entries(learner))
                    .extracting(WalletEntry::id)
                    .containsExactly(credential);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_credentials_issued_to_an_address_only_once_the_address_is_verified(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN credentials issued to two addresses (one in other letter case), and a learner
            // who adds the second address but never verifies it
            UUID toWork = world.issueTo("Alan.Turing@Work.example");
            UUID toSchool = world.issueTo("alan@school.example");
            UUID learner = world.verifiedLearner("Alan", "alan@example.org").learnerId();
            LearnerIdentifier work =
                    world.identifiers().addEmail(learner, "alan.turing@work.example");
            world.identifiers().addEmail(learner, "alan@school.example");
            String workCode = world.codeFor("alan.turing@work.example");
            assertThat(world.wallet().entries(learner)).isEmpty();

            // WHEN the work address is verified
            world.identifiers().verify(learner, work.id(), workCode);

            // THEN only its credential appears, and another learner sees nothing of it
            assertThat(world.wallet().entries(learner))
                    .extracting(WalletEntry::id)
                    .containsExactly(toWork)
                    .doesNotContain(toSchool);
            UUID other = world.verifiedLearner("Other", "other@example.org").learnerId();
            assertThat(world.wallet().entries(other)).isEmpty();
            assertThatThrownBy(() -> world.wallet().entry(other, toWork))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_valid_imports_with_their_verdict_and_refuse_what_is_not_a_credential(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a learner, and a credential issued here to their address, downloaded
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            UUID mine = world.issueTo("ada@example.org");
            byte[] download =
                    world.issuing()
                            .credentials()
                            .document(mine)
                            .text()
                            .getBytes(StandardCharsets.UTF_8);

            // WHEN a foreign credential, addressed to someone else's DID, is imported
            WalletEntry foreign = world.wallet().importFile(learner, Vectors.bytes(FOREIGN));

            // THEN it is kept with its verdict, and a warning (not addressed to the learner)
            assertThat(foreign.source()).isEqualTo(CredentialSource.IMPORTED);
            assertThat(foreign.facts().title()).isEqualTo("Teamwork");
            assertThat(foreign.facts().issuerName()).isEqualTo("Example Corp");
            assertThat(foreign.addressed()).isFalse();
            assertThat(foreign.importFormat()).contains("json");
            // the headline's level, not the bare verdict: a did:key in no registry is not
            // recorded as "VERIFIED"
            assertThat(foreign.importVerdict()).contains("SIGNATURE_ONLY");
            assertThat(foreign.report().credential()).isPresent();

            // WHEN the learner's own credential is imported, THEN it names them
            assertThat(world.wallet().importFile(learner, download).addressed()).isTrue();

            // WHEN a credential is imported by its URL (this installation's page: read from the
            // database, never fetched), THEN it is kept with where it came from
            String url = IssuanceWorld.BASE + "/credentials/" + mine;
            WalletEntry byUrl = world.wallet().importUrl(learner, url);
            assertThat(byUrl.sourceUrl()).contains(url);
            assertThat(byUrl.verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(byUrl.facts().title()).isEqualTo("Safe Medication Administration");

            // WHEN text, a tampered credential and a presentation-less junk image are imported
            String tampered =
                    new String(Vectors.bytes(FOREIGN), StandardCharsets.UTF_8)
                            .replace("\"Teamwork\"", "\"Leadership\"");

            // THEN each is refused with a reason naming the field
            assertThatThrownBy(
                            () ->
                                    world.wallet()
                                            .importFile(
                                                    learner,
                                                    "hello".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageStartingWith("file: this is not a credential we can read");
            assertThatThrownBy(
                            () ->
                                    world.wallet()
                                            .importFile(
                                                    learner,
                                                    tampered.getBytes(StandardCharsets.UTF_8)))
                    .hasMessageStartingWith(
                            "file: This credential was changed after it was issued: do not rely"
                                    + " on it. Its signature does not verify");
            assertThatThrownBy(() -> world.wallet().importUrl(learner, "ftp://example.org/x"))
                    .hasMessageStartingWith("url:");

            // AND the wallet lists what was kept: three imports and the issued credential,
            // verified again now
            List<WalletEntry> entries = world.wallet().entries(learner);
            assertThat(entries).hasSize(4);
            assertThat(entries)
                    .filteredOn(entry -> entry.source() == CredentialSource.IMPORTED)
                    .extracting(WalletEntry::addressed)
                    .containsExactlyInAnyOrder(true, true, false);
            assertThat(world.wallet().entry(learner, foreign.id()).verdict())
                    .isEqualTo(foreign.verdict());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_to_import_a_credential_made_too_complex_to_check(TestDatabase testDatabase)
            throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN the learner's own credential with 30,000 results added (1.2 MB; issue 9)
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            UUID mine = world.issueTo("ada@example.org");
            jakarta.json.JsonObject credential =
                    org.credence.core.json.JsonInput.DEFAULT.parseObject(
                            world.issuing().credentials().document(mine).text());
            var results = org.credence.core.json.Jsons.PROVIDER.createArrayBuilder();
            for (int i = 0; i < 30_000; i++) {
                results.add(
                        org.credence.core.json.Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("type", "Result")
                                .add("value", "v" + i));
            }
            byte[] wide =
                    org.credence.core.json.Jsons.PROVIDER
                            .createObjectBuilder(credential)
                            .add(
                                    "credentialSubject",
                                    org.credence.core.json.Jsons.PROVIDER
                                            .createObjectBuilder(
                                                    credential.getJsonObject("credentialSubject"))
                                            .add("result", results))
                            .build()
                            .toString()
                            .getBytes(StandardCharsets.UTF_8);

            // WHEN / THEN refused before any JSON-LD work, with the reason
            assertThatThrownBy(() -> world.wallet().importFile(learner, wide))
                    .hasMessageStartingWith("file: this is not a credential we can read")
                    .hasMessageContaining("too complex");
            assertThat(world.wallet().entries(learner)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_add_up_skills_hours_and_credits_of_the_credentials_that_count(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN two achievements aligned with skills, with effort hours and credits
            var issuer = world.issuing().as(Role.ISSUER);
            SkillService skills = new SkillService(world.issuing().database(), clock);
            skills.importFramework(
                    issuer,
                    FrameworkImport.of("ESCO", SkillSource.ESCO, "1.2.0"),
                    new StringReader(
                            "conceptUri,preferredLabel,description\n"
                                    + "http://data.europa.eu/esco/skill/s1,administer"
                                    + " medication,Administer medication.\n"
                                    + "http://data.europa.eu/esco/skill/s2,monitor"
                                    + " patients,Monitor patients.\n"));
            Skill medication = skills.search(issuer, "administer", 1).get(0);
            Skill monitoring = skills.search(issuer, "monitor", 1).get(0);
            AchievementVersion first =
                    design(
                            world,
                            "Medication",
                            List.of(medication.id(), monitoring.id()),
                            "12.5",
                            "2");
            AchievementVersion second =
                    design(world, "Monitoring", List.of(monitoring.id()), "7.5", "1.5");
            UUID learner = world.verifiedLearner("Ada", "ada@example.org").learnerId();
            world.issue(request(world, first, "ada@example.org"));
            UUID revoked = world.issue(request(world, second, "ada@example.org"));
            world.issue(request(world, second, "ada@example.org"));
            world.issuing().status().revoke(world.issuing().owner(), revoked, "issued by mistake");
            world.wallet().importFile(learner, Vectors.bytes(FOREIGN));

            // WHEN
            SkillsSummary summary = world.wallet().skills(learner);

            // THEN the revoked credential and the foreign import do not count
            assertThat(summary.counted()).isEqualTo(2);
            assertThat(summary.notCounted()).isEqualTo(2);
            assertThat(summary.effortHours()).isEqualByComparingTo(new BigDecimal("20.0"));
            assertThat(summary.credits()).isEqualByComparingTo(new BigDecimal("3.5"));
            assertThat(summary.skills())
                    .extracting(line -> line.skill().name(), SkillsSummary.SkillCount::credentials)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("monitor patients", 2),
                            org.assertj.core.groups.Tuple.tuple("administer medication", 1));
            assertThat(summary.skills().get(0).skill().url())
                    .isEqualTo("http://data.europa.eu/esco/skill/s2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_record_a_bounced_code_email_without_an_organisation_and_hide_it_from_issuers(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a sent code e-mail (it belongs to no organisation)
            world.accounts()
                    .signUp(new LearnerSignUp("Ada", "ada@example.org", WalletWorld.PASSWORD));
            world.codeFor("ada@example.org");
            UUID outboxId =
                    world.issuing()
                            .database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery(
                                                            "SELECT id FROM email_outbox"
                                                                    + " WHERE to_address = :to"
                                                                    + " AND organisation_id IS NULL")
                                                    .bind("to", "ada@example.org")
                                                    .mapTo(UUID.class)
                                                    .one());

            // WHEN an organisation's bounce report names it, THEN it is not theirs
            assertThatThrownBy(
                            () ->
                                    world.delivery()
                                            .markBounced(
                                                    world.issuing().owner(),
                                                    outboxId.toString(),
                                                    "550 unknown"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));

            // WHEN the operator records the bounce, THEN it is marked
            world.delivery().markBounced(outboxId.toString(), "550 unknown");
            String state =
                    world.issuing()
                            .database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery(
                                                            "SELECT state FROM email_outbox"
                                                                    + " WHERE id = :id")
                                                    .bind("id", outboxId)
                                                    .mapTo(String.class)
                                                    .one());
            assertThat(state).isEqualTo("bounced");
        }
    }

    private static AchievementVersion design(
            WalletWorld world, String name, List<UUID> skills, String hours, String credits) {
        return world.issuing()
                .achievements()
                .create(
                        world.issuing().owner(),
                        AchievementDraft.of(name, name + " in practice.", "Pass the assessment.")
                                .withSkills(skills)
                                .withEffortHours(new BigDecimal(hours))
                                .withCreditsAvailable(new BigDecimal(credits)));
    }

    private static IssueRequest request(WalletWorld world, AchievementVersion design, String to) {
        return IssueRequest.of(
                world.issuing().issuer().id(), design.achievementId(), AwardRecipient.ofEmail(to));
    }

    private static String storedCodeHash(WalletWorld world, UUID identifierId) {
        return world.issuing()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT code_hash FROM learner_identifiers"
                                                        + " WHERE id = :id")
                                        .bind("id", identifierId)
                                        .mapTo(String.class)
                                        .one());
    }
}

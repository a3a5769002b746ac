package org.credence.app.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.crypto.KeyFile;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.model.AchievementBuilder;
import org.credence.core.model.CredentialRequest;
import org.credence.core.model.OpenBadgeCredentialFactory;
import org.credence.core.model.Recipient;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IssuerServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Clock CLOCK = FixedClock.vectorsNow();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DidWebHost HOST = DidWebHost.of("https://badges.example.edu:8443");
    private static final MasterKey MASTER_KEY = MasterKey.generate(RANDOM);

    private static IssuerService service(Database database, MasterKey masterKey) {
        return new IssuerService(database, new KeyVault(masterKey, RANDOM), HOST, CLOCK);
    }

    private static IssuerDraft nursing() {
        return IssuerDraft.of("school-of-nursing", "School of Nursing <b>&</b> Midwifery")
                .withUrl("https://nursing.example.edu")
                .withEmail("badges@nursing.example.edu")
                .withImage("data:image/png;base64,iVBORw0KGgo=");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_publish_the_first_key_in_the_did_document_when_an_issuer_is_created(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerService issuers = service(database, MASTER_KEY);

            // WHEN
            IssuerProfile issuer = issuers.create(owner, nursing());
            JsonObject document = issuers.didDocument("school-of-nursing");

            // THEN
            String did = "did:web:badges.example.edu%3A8443:issuers:school-of-nursing";
            assertThat(issuer.did()).isEqualTo(did);
            assertThat(issuer.toProfile().id()).isEqualTo(did);
            assertThat(issuer.toProfile().name()).contains("School of Nursing <b>&</b> Midwifery");
            List<IssuerKey> keys = issuers.keys(owner, issuer.id());
            assertThat(keys)
                    .singleElement()
                    .satisfies(
                            key -> {
                                assertThat(key.verificationMethodId()).isEqualTo(did + "#key-1");
                                assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
                            });
            assertThat(document.getString("id")).isEqualTo(did);
            assertThat(document.getJsonArray("@context").getValuesAs(JsonString::getString))
                    .containsExactly(
                            "https://www.w3.org/ns/did/v1",
                            "https://w3id.org/security/multikey/v1");
            JsonObject method = document.getJsonArray("verificationMethod").getJsonObject(0);
            assertThat(method.getString("type")).isEqualTo("Multikey");
            assertThat(method.getString("controller")).isEqualTo(did);
            assertThat(method.getString("publicKeyMultibase"))
                    .isEqualTo(keys.get(0).publicKeyMultibase())
                    .startsWith("z6Mk");
            assertThat(document.getJsonArray("assertionMethod").getString(0))
                    .isEqualTo(did + "#key-1");
            List<AuditEvent> events =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            new AuditStore()
                                                    .list(handle, owner.organisationId(), 0, 10));
            assertThat(events)
                    .extracting(AuditEvent::action)
                    .containsExactly("key.generated", "issuer.created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_old_credentials_verifying_when_the_key_is_rotated(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN a credential signed with key 1
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerService issuers = service(database, MASTER_KEY);
            IssuerProfile issuer = issuers.create(owner, nursing());
            KeyFile oldKey = issuers.signer(TestOrganisations.as(owner, Role.ISSUER), issuer.id());
            JsonObject credential = sign(oldKey, issuer);

            // WHEN
            IssuerKey newKey = issuers.rotateKey(owner, issuer.id());

            // THEN both keys are published, the new one signs, the old credential verifies
            assertThat(newKey.number()).isEqualTo(2);
            assertThat(issuers.keys(owner, issuer.id()))
                    .extracting(IssuerKey::number, IssuerKey::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, KeyStatus.RETIRED),
                            org.assertj.core.groups.Tuple.tuple(2, KeyStatus.ACTIVE));
            JsonObject document = issuers.didDocument(issuer.slug());
            assertThat(document.getJsonArray("assertionMethod").getValuesAs(JsonString::getString))
                    .containsExactly(issuer.did() + "#key-1", issuer.did() + "#key-2");
            KeyFile signer = issuers.signer(owner, issuer.id());
            assertThat(signer.verificationMethodId()).isEqualTo(issuer.did() + "#key-2");
            assertThat(signer.signingKey().publicKey().multibase())
                    .isEqualTo(newKey.publicKeyMultibase());
            Verifier verifier = verifierServing(issuers);
            VerificationReport oldReport = verify(verifier, credential);
            assertThat(oldReport.isVerified()).as(oldReport.toString()).isTrue();
            assertThat(verify(verifier, sign(signer, issuer)).isVerified()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_store_the_secret_encrypted_and_refuse_a_wrong_master_key_when_reading_it(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerProfile issuer = service(database, MASTER_KEY).create(owner, nursing());
            String secret =
                    service(database, MASTER_KEY)
                            .signer(owner, issuer.id())
                            .signingKey()
                            .secretMultibase();

            // WHEN
            String stored =
                    database.jdbi()
                            .withHandle(
                                    handle ->
                                            handle.createQuery(
                                                            "SELECT encrypted_secret FROM"
                                                                    + " issuer_keys")
                                                    .mapTo(String.class)
                                                    .one());

            // THEN
            assertThat(stored).startsWith("v1:").doesNotContain(secret);
            IssuerService wrongKey = service(database, MasterKey.generate(RANDOM));
            assertThatThrownBy(() -> wrongKey.signer(owner, issuer.id()))
                    .isInstanceOf(KeyDecryptionException.class)
                    .hasMessageContaining("master key is not the one it was encrypted with")
                    .hasMessageNotContaining(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_not_found_when_another_organisation_asks_for_an_issuer(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            IssuerService issuers = service(database, MASTER_KEY);
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            Actor stranger = TestOrganisations.create(database, "hillside", Role.OWNER);
            UUID issuerId = issuers.create(owner, nursing()).id();

            // WHEN / THEN
            assertThat(issuers.list(stranger)).isEmpty();
            for (Runnable call :
                    List.<Runnable>of(
                            () -> issuers.get(stranger, issuerId),
                            () -> issuers.keys(stranger, issuerId),
                            () -> issuers.rotateKey(stranger, issuerId),
                            () -> issuers.signer(stranger, issuerId),
                            () -> issuers.update(stranger, issuerId, nursing()))) {
                assertThatThrownBy(call::run)
                        .isInstanceOf(AppException.class)
                        .extracting(e -> ((AppException) e).problem())
                        .isEqualTo(Problem.NOT_FOUND);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_forbid_rotation_and_creation_when_the_actor_is_a_viewer(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            IssuerService issuers = service(database, MASTER_KEY);
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            Actor viewer = TestOrganisations.as(owner, Role.VIEWER);
            UUID issuerId = issuers.create(owner, nursing()).id();

            // WHEN / THEN
            assertThat(issuers.get(viewer, issuerId).name()).startsWith("School of Nursing");
            assertProblem(() -> issuers.rotateKey(viewer, issuerId), Problem.FORBIDDEN);
            assertProblem(
                    () -> issuers.create(viewer, IssuerDraft.of("other", "Other")),
                    Problem.FORBIDDEN);
            assertProblem(() -> issuers.signer(viewer, issuerId), Problem.FORBIDDEN);
            assertThat(issuers.keys(owner, issuerId)).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_a_taken_slug_and_a_slug_change_when_creating_or_updating(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            IssuerService issuers = service(database, MASTER_KEY);
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            Actor otherOwner = TestOrganisations.create(database, "hillside", Role.OWNER);
            IssuerProfile issuer = issuers.create(owner, nursing());

            // WHEN / THEN
            assertProblem(() -> issuers.create(otherOwner, nursing()), Problem.CONFLICT);
            assertProblem(
                    () -> issuers.update(owner, issuer.id(), IssuerDraft.of("renamed", "X")),
                    Problem.INVALID_INPUT);
            IssuerProfile updated =
                    issuers.update(owner, issuer.id(), nursing().withName("Nursing School"));
            assertThat(issuers.get(owner, issuer.id())).isEqualTo(updated);
            assertThat(updated.name()).isEqualTo("Nursing School");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_generate_the_platform_key_once_when_the_platform_document_is_asked_for(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            IssuerService issuers = service(database, MASTER_KEY);

            // WHEN
            JsonObject first = issuers.platformDidDocument();
            JsonObject second = issuers.platformDidDocument();

            // THEN
            assertThat(second).isEqualTo(first);
            assertThat(first.getString("id")).isEqualTo("did:web:badges.example.edu%3A8443");
            assertThat(first.getJsonArray("verificationMethod")).hasSize(1);
            KeyFile signer = issuers.platformSigner();
            assertThat(signer.verificationMethodId())
                    .isEqualTo("did:web:badges.example.edu%3A8443#key-1");
            assertThat(
                            first.getJsonArray("verificationMethod")
                                    .getJsonObject(0)
                                    .getString("publicKeyMultibase"))
                    .isEqualTo(signer.signingKey().publicKey().multibase());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_not_found_when_a_did_document_slug_is_unknown(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            assertProblem(
                    () -> service(database, MASTER_KEY).didDocument("nobody"), Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_sign_with_its_own_did_key_when_an_issuer_is_created_with_did_key(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerService issuers = service(database, MASTER_KEY);

            // WHEN
            IssuerProfile issuer = issuers.create(owner, nursing(), DidMethod.KEY);
            KeyFile signer = issuers.signer(TestOrganisations.as(owner, Role.ISSUER), issuer.id());
            JsonObject credential = sign(signer, issuer);

            // THEN the DID is the key's did:key, stored and read back, and it verifies offline
            IssuerKey key = issuers.keys(owner, issuer.id()).get(0);
            String did = "did:key:" + key.publicKeyMultibase();
            assertThat(issuer.did()).isEqualTo(did);
            assertThat(issuer.method()).isEqualTo(DidMethod.KEY);
            assertThat(issuers.get(owner, issuer.id()).did()).isEqualTo(did);
            assertThat(issuers.list(owner)).extracting(IssuerProfile::did).containsExactly(did);
            assertThat(key.verificationMethodId()).isEqualTo(did + "#" + key.publicKeyMultibase());
            assertThat(signer.controller()).isEqualTo(did);
            assertThat(signer.verificationMethodId()).isEqualTo(key.verificationMethodId());
            Verifier offline = Verifier.builder().clock(CLOCK).build();
            VerificationReport report = verify(offline, credential);
            assertThat(report.isVerified()).as(report.toString()).isTrue();
            assertThat(credential.getJsonObject("issuer").getString("id")).isEqualTo(did);
            assertThat(issuers.publicIdentity(did))
                    .get()
                    .extracting(IssuerIdentity::name)
                    .isEqualTo(issuer.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_rotation_and_publish_no_did_web_document_for_a_did_key_issuer(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerService issuers = service(database, MASTER_KEY);
            IssuerProfile issuer = issuers.create(owner, nursing(), DidMethod.KEY);

            // WHEN / THEN
            assertThatThrownBy(() -> issuers.rotateKey(owner, issuer.id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> {
                                assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
                                assertThat(e.getMessage())
                                        .isEqualTo(IssuerService.CANNOT_ROTATE)
                                        .contains("cannot rotate");
                            });
            assertThat(issuers.keys(owner, issuer.id())).hasSize(1);
            assertProblem(() -> issuers.didDocument(issuer.slug()), Problem.NOT_FOUND);
            assertProblem(() -> issuers.create(owner, nursing(), DidMethod.WEB), Problem.CONFLICT);
        }
    }

    @org.junit.jupiter.api.Test
    void should_parse_the_did_method_choice_and_refuse_others() {
        assertThat(DidMethod.parse("did:key")).isEqualTo(DidMethod.KEY);
        assertThat(DidMethod.parse(" KEY ")).isEqualTo(DidMethod.KEY);
        assertThat(DidMethod.parse("")).isEqualTo(DidMethod.WEB);
        assertThat(DidMethod.parse(null)).isEqualTo(DidMethod.WEB);
        assertProblem(() -> DidMethod.parse("did:ion"), Problem.INVALID_INPUT);
    }

    static void assertProblem(Runnable call, Problem problem) {
        assertThatThrownBy(call::run)
                .isInstanceOf(AppException.class)
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(problem);
    }

    private static JsonObject sign(KeyFile key, IssuerProfile issuer) {
        JsonObject unsigned =
                new OpenBadgeCredentialFactory(CLOCK, RANDOM)
                        .unsigned(
                                CredentialRequest.of(
                                        "urn:uuid:" + UUID.randomUUID(),
                                        issuer.toProfile(),
                                        AchievementBuilder.achievement(
                                                        "https://badges.example.edu/achievements/1")
                                                .name("Safe medication")
                                                .description("Administers medication safely")
                                                .criteriaNarrative("Pass the assessment")
                                                .build(),
                                        Recipient.ofEmail("learner@example.org")));
        return new Issuer(key, Canonicalizer.standard(), CLOCK).sign(unsigned);
    }

    /** A verifier whose did:web fetches are answered by the service, as the server will. */
    private static Verifier verifierServing(IssuerService issuers) {
        return Verifier.builder()
                .clock(CLOCK)
                .resolver(
                        CompositeResolver.standard(
                                url -> {
                                    String[] path = url.getPath().split("/");
                                    try {
                                        return issuers.didDocument(path[2]);
                                    } catch (AppException e) {
                                        throw new ResolutionException(
                                                ResolutionError.NOT_FOUND, e.getMessage());
                                    }
                                }))
                .build();
    }

    private static VerificationReport verify(Verifier verifier, JsonObject credential) {
        return verifier.verifyCredential(credential, VerifyOptions.DEFAULT);
    }
}

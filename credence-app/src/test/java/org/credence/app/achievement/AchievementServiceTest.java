package org.credence.app.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerService;
import org.credence.app.issuer.KeyVault;
import org.credence.app.issuer.MasterKey;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillService;
import org.credence.app.skill.SkillSource;
import org.credence.core.Issuer;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.model.Achievement;
import org.credence.core.model.Alignment;
import org.credence.core.model.CredentialRequest;
import org.credence.core.model.OpenBadgeCredentialFactory;
import org.credence.core.model.Recipient;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AchievementServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Clock CLOCK = FixedClock.vectorsNow();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE = "https://badges.example.edu";

    /** A database with one organisation, its owner, an issuer and the services. */
    private record World(
            Database database,
            Actor owner,
            IssuerProfile issuer,
            AchievementService achievements,
            SkillService skills,
            IssuerService issuers)
            implements AutoCloseable {

        static World open(TestDatabase testDatabase) {
            Database database = TestOrganisations.open(testDatabase);
            Actor owner = TestOrganisations.create(database, "riverside", Role.OWNER);
            IssuerService issuers =
                    new IssuerService(
                            database,
                            new KeyVault(MasterKey.generate(RANDOM), RANDOM),
                            DidWebHost.of(BASE),
                            CLOCK);
            IssuerProfile issuer =
                    issuers.create(owner, IssuerDraft.of("nursing", "School of Nursing"));
            return new World(
                    database,
                    owner,
                    issuer,
                    new AchievementService(database, URI.create(BASE), CLOCK),
                    new SkillService(database, CLOCK),
                    issuers);
        }

        Actor as(Role role) {
            return TestOrganisations.as(owner, role);
        }

        @Override
        public void close() {
            database.close();
        }
    }

    private static AchievementDraft medication() {
        return AchievementDraft.of(
                        "Safe Medication Administration",
                        "Administers medication safely in a clinical setting.",
                        "1. Complete the **online module**.\n2. Pass the observed assessment.")
                .withEffortHours(new BigDecimal("12.50"))
                .withCreditsAvailable(new BigDecimal("5"))
                .withLevel("EQF 5")
                .withFieldOfStudy("Nursing")
                .withTags(List.of("nursing", "medication"))
                .withLanguage("en-GB")
                .withImage("https://badges.example.edu/images/medication.png")
                .withValidity(ValidityPolicy.monthsAfterIssue(24));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_build_the_open_badge_achievement_when_an_achievement_is_created(
            TestDatabase testDatabase) {
        try (World world = World.open(testDatabase)) {
            // GIVEN
            Actor issuer = world.as(Role.ISSUER);

            // WHEN
            AchievementVersion created = world.achievements().create(issuer, medication());
            Achievement badge =
                    world.achievements()
                            .toOpenBadge(issuer, created.achievementId(), 1, world.issuer());

            // THEN
            assertThat(created.version()).isEqualTo(1);
            assertThat(world.achievements().get(world.as(Role.VIEWER), created.achievementId()))
                    .isEqualTo(created);
            assertThat(created.design().effortHours()).contains(new BigDecimal("12.5"));
            assertThat(badge.id())
                    .isEqualTo(BASE + "/achievements/" + created.achievementId() + "/v1");
            assertThat(badge.achievementType()).contains("MicroCredential");
            assertThat(badge.creator().orElseThrow().id())
                    .isEqualTo("did:web:badges.example.edu:issuers:nursing");
            assertThat(badge.version()).contains("1");
            assertThat(badge.creditsAvailable()).contains(new BigDecimal("5"));
            assertThat(badge.inLanguage()).contains("en-GB");
            assertThat(badge.tags()).containsExactly("nursing", "medication");
            assertThat(badge.criteria().narrative()).contains(medication().criteriaNarrative());
            assertThat(created.design().validity().validUntil(CLOCK.instant()))
                    .contains(java.time.Instant.parse("2028-01-01T00:00:00Z"));
            signs(world.issuer(), badge);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_version_1_json_unchanged_when_the_achievement_is_edited(
            TestDatabase testDatabase) {
        try (World world = World.open(testDatabase)) {
            // GIVEN
            Actor issuer = world.as(Role.ISSUER);
            UUID id = world.achievements().create(issuer, medication()).achievementId();
            JsonObject before =
                    world.achievements().toOpenBadge(issuer, id, 1, world.issuer()).json();

            // WHEN
            AchievementVersion edited =
                    world.achievements()
                            .edit(
                                    issuer,
                                    id,
                                    1,
                                    medication()
                                            .withName("Medication Safety")
                                            .withAchievementType("Certificate"));

            // THEN
            assertThat(edited.version()).isEqualTo(2);
            assertThat(world.achievements().get(issuer, id).version()).isEqualTo(2);
            assertThat(world.achievements().toOpenBadge(issuer, id, 1, world.issuer()).json())
                    .isEqualTo(before);
            Achievement v2 = world.achievements().toOpenBadge(issuer, id, 2, world.issuer());
            assertThat(v2.id()).endsWith("/v2");
            assertThat(v2.name()).isEqualTo("Medication Safety");
            assertThat(v2.achievementType()).contains("Certificate");
            assertThat(world.achievements().list(issuer))
                    .singleElement()
                    .satisfies(summary -> assertThat(summary.currentVersion()).isEqualTo(2));
            assertProblem(
                    () -> world.achievements().edit(issuer, id, 1, medication()), Problem.CONFLICT);
            assertProblem(() -> world.achievements().version(issuer, id, 3), Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_align_to_skills_when_skill_ids_are_given(TestDatabase testDatabase) {
        try (World world = World.open(testDatabase)) {
            // GIVEN an ESCO skill (with a URL) and an O*NET occupation (without)
            Actor issuer = world.as(Role.ISSUER);
            world.skills()
                    .importFramework(
                            issuer,
                            FrameworkImport.of("ESCO", SkillSource.ESCO, "1.2.0"),
                            new StringReader(
                                    "conceptUri,preferredLabel,description\n"
                                            + "http://data.europa.eu/esco/skill/0005c151,administer"
                                            + " medication,Administer medication to patients.\n"));
            world.skills()
                    .importFramework(
                            issuer,
                            FrameworkImport.of("O*NET", SkillSource.ONET, "29.1"),
                            new StringReader(
                                    "O*NET-SOC Code,Title,Description\n"
                                            + "29-1141.00,Registered Nurses,Assess patient health.\n"));
            Skill esco = world.skills().search(issuer, "administer", 1).get(0);
            Skill onet = world.skills().search(issuer, "registered", 1).get(0);

            // WHEN
            AchievementVersion created =
                    world.achievements()
                            .create(issuer, medication().withSkills(List.of(esco.id(), onet.id())));
            Achievement badge =
                    world.achievements()
                            .toOpenBadge(issuer, created.achievementId(), 1, world.issuer());

            // THEN
            assertThat(badge.alignments())
                    .extracting(
                            Alignment::targetName,
                            Alignment::targetUrl,
                            alignment -> alignment.targetFramework().orElseThrow(),
                            alignment -> alignment.targetCode().orElseThrow())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "administer medication",
                                    "http://data.europa.eu/esco/skill/0005c151",
                                    "ESCO",
                                    "http://data.europa.eu/esco/skill/0005c151"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "Registered Nurses",
                                    BASE + "/skills/" + onet.id(),
                                    "O*NET",
                                    "29-1141.00"));
            assertThat(
                            badge.json()
                                    .getJsonArray("alignment")
                                    .getJsonObject(0)
                                    .getJsonArray("type")
                                    .getString(0))
                    .isEqualTo("Alignment");
            assertThat(
                            world.achievements()
                                    .get(issuer, created.achievementId())
                                    .design()
                                    .skillIds())
                    .containsExactly(esco.id(), onet.id());
            signs(world.issuer(), badge);
            assertProblem(
                    () ->
                            world.achievements()
                                    .create(
                                            issuer,
                                            medication().withSkills(List.of(UUID.randomUUID()))),
                    Problem.INVALID_INPUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void
            should_keep_markup_as_text_in_json_and_strip_raw_html_from_criteria_when_names_contain_html(
                    TestDatabase testDatabase) {
        try (World world = World.open(testDatabase)) {
            // GIVEN
            Actor issuer = world.as(Role.ISSUER);
            String name = "<script>alert('x')</script> & \"Safe\" Care";
            AchievementDraft draft =
                    medication()
                            .withName(name)
                            .withCriteriaNarrative(
                                    "Pass <b onclick=\"steal()\">the</b> test.\n\n"
                                            + "<script>alert(1)</script>\n\n"
                                            + "[click](javascript:alert(1)) [site](https://example.org)");

            // WHEN
            AchievementVersion created = world.achievements().create(issuer, draft);
            Achievement badge =
                    world.achievements()
                            .toOpenBadge(issuer, created.achievementId(), 1, world.issuer());

            // THEN
            assertThat(badge.name()).isEqualTo(name);
            assertThat(badge.json().toString())
                    .contains("<script>alert('x')</script> & \\\"Safe\\\" Care");
            String html = created.criteriaHtml();
            assertThat(html)
                    .doesNotContain("<script", "onclick", "<b", "javascript:")
                    .contains("Pass the test.")
                    .contains("<a rel=\"nofollow\" href=\"https://example.org\">site</a>");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_answer_not_found_and_forbidden_when_the_actor_may_not_see_or_edit(
            TestDatabase testDatabase) {
        try (World world = World.open(testDatabase)) {
            // GIVEN
            Actor issuer = world.as(Role.ISSUER);
            Actor stranger = TestOrganisations.create(world.database(), "hillside", Role.OWNER);
            UUID id = world.achievements().create(issuer, medication()).achievementId();
            IssuerProfile strangerIssuer =
                    world.issuers().create(stranger, IssuerDraft.of("hillside", "Hillside"));

            // WHEN / THEN
            assertThat(world.achievements().list(stranger)).isEmpty();
            assertProblem(() -> world.achievements().get(stranger, id), Problem.NOT_FOUND);
            assertProblem(() -> world.achievements().version(stranger, id, 1), Problem.NOT_FOUND);
            assertProblem(
                    () -> world.achievements().edit(stranger, id, 1, medication()),
                    Problem.NOT_FOUND);
            assertProblem(
                    () -> world.achievements().toOpenBadge(stranger, id, 1, strangerIssuer),
                    Problem.NOT_FOUND);
            assertProblem(
                    () -> world.achievements().toOpenBadge(issuer, id, 1, strangerIssuer),
                    Problem.NOT_FOUND);
            assertProblem(
                    () -> world.achievements().create(world.as(Role.VIEWER), medication()),
                    Problem.FORBIDDEN);
        }
    }

    static void assertProblem(Runnable call, Problem problem) {
        assertThatThrownBy(call::run)
                .isInstanceOf(AppException.class)
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(problem);
    }

    /** Signing checks the JSON-LD in safe mode: every term of the achievement must be defined. */
    private static void signs(IssuerProfile issuer, Achievement achievement) {
        var key =
                org.credence.core.crypto.KeyFile.generate(
                                org.credence.core.crypto.KeyType.ED25519, RANDOM)
                        .withController(issuer.did(), issuer.did() + "#key-1");
        JsonObject unsigned =
                new OpenBadgeCredentialFactory(CLOCK, RANDOM)
                        .unsigned(
                                CredentialRequest.of(
                                        "urn:uuid:" + UUID.randomUUID(),
                                        issuer.toProfile(),
                                        achievement,
                                        Recipient.ofEmail("learner@example.org")));
        assertThat(new Issuer(key, Canonicalizer.standard(), CLOCK).sign(unsigned).get("proof"))
                .isNotNull();
    }
}

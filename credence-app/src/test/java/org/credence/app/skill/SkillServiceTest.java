package org.credence.app.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.RowProblem;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SkillServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Clock CLOCK = FixedClock.vectorsNow();

    static Reader fixture(String name) {
        return new InputStreamReader(
                Objects.requireNonNull(SkillServiceTest.class.getResourceAsStream(name), name),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_import_every_skill_when_an_esco_export_with_a_byte_order_mark_is_read(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);

            // WHEN
            ImportReport report =
                    skills.importFramework(
                            issuer,
                            FrameworkImport.of("ESCO", SkillSource.ESCO, "1.2.0"),
                            fixture("esco-skills.csv"));

            // THEN
            assertThat(report.problems()).isEmpty();
            assertThat(report.skillCount()).isEqualTo(3);
            assertThat(skills.frameworks(issuer))
                    .singleElement()
                    .satisfies(f -> assertThat(f.source()).isEqualTo(SkillSource.ESCO));
            List<Skill> found = skills.search(issuer, "VITAL", 10);
            assertThat(found)
                    .singleElement()
                    .satisfies(
                            skill -> {
                                assertThat(skill.name()).isEqualTo("monitor patient vital signs");
                                assertThat(skill.code())
                                        .startsWith("http://data.europa.eu/esco/skill/");
                                assertThat(skill.url()).contains(skill.code());
                                assertThat(skill.description())
                                        .contains(
                                                "Monitor heart rate, respiration\nand blood pressure.");
                                assertThat(skill.frameworkName()).isEqualTo("ESCO");
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_import_occupations_without_urls_when_an_onet_file_is_read(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);

            // WHEN
            ImportReport report =
                    skills.importFramework(
                            issuer,
                            FrameworkImport.of("O*NET", SkillSource.ONET, "29.1"),
                            fixture("onet-occupations.csv"));

            // THEN
            assertThat(report.isImported()).isTrue();
            assertThat(skills.search(issuer, "nurses", 10))
                    .extracting(Skill::code)
                    .containsExactly("29-2061.00", "29-1141.00");
            assertThat(skills.search(issuer, "29-1141", 10).get(0).url()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_report_each_hostile_row_and_store_nothing_when_any_row_is_refused(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);

            // WHEN
            ImportReport report =
                    skills.importFramework(
                            issuer,
                            FrameworkImport.of("Custom", SkillSource.CUSTOM, "1"),
                            fixture("hostile-skills.csv"));

            // THEN
            assertThat(report.isImported()).isFalse();
            assertThat(report.problems())
                    .extracting(RowProblem::toString)
                    .containsExactly(
                            "line 4: expected 4 columns, found 5",
                            "line 5: code: duplicate code S1 (first on line 2)",
                            "line 6: name: is required",
                            "line 7: url: must be an absolute https URL: javascript:alert(1)");
            assertThat(skills.frameworks(issuer)).isEmpty();
            assertThat(skills.search(issuer, "", 10)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_overlong_and_nul_fields_when_they_would_not_fit_the_database(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);
            String csv =
                    "code,name,description,url\n"
                            + "L1,"
                            + "n".repeat(501)
                            + ",,\n"
                            + "L2,Nul\u0000byte,,\n"
                            + "L3,Fine,"
                            + "d".repeat(4001)
                            + ",\n";

            // WHEN
            ImportReport report =
                    skills.importFramework(
                            issuer,
                            FrameworkImport.of("Custom", SkillSource.CUSTOM, "1"),
                            new StringReader(csv));

            // THEN
            assertThat(report.problems())
                    .extracting(RowProblem::toString)
                    .containsExactly(
                            "line 2: name: longer than 500 characters",
                            "line 3: name: contains a control character (U+0000)",
                            "line 4: description: longer than 4000 characters");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_formulas_and_markup_as_plain_text_when_names_look_like_code(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);

            // WHEN
            skills.importFramework(
                    issuer,
                    FrameworkImport.of("Custom", SkillSource.CUSTOM, "1"),
                    fixture("formula-skills.csv"));

            // THEN
            assertThat(skills.search(issuer, "=cmd", 10))
                    .singleElement()
                    .satisfies(skill -> assertThat(skill.name()).isEqualTo("=cmd|' /C calc'!A0"));
            assertThat(skills.search(issuer, "50% off_", 10))
                    .extracting(Skill::name)
                    .containsExactly("<script>alert('x')</script> 50% off_sale");
            assertThat(skills.search(issuer, "0%_off", 10)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_report_missing_columns_and_malformed_csv_when_the_header_or_quotes_are_wrong(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            SkillService skills = new SkillService(database, CLOCK);
            FrameworkImport esco = FrameworkImport.of("ESCO", SkillSource.ESCO, "1");

            // WHEN
            ImportReport wrongHeader =
                    skills.importFramework(issuer, esco, new StringReader("code,name\nA,B\n"));
            ImportReport duplicateHeader =
                    skills.importFramework(
                            issuer, esco, new StringReader("conceptUri,conceptUri\nA,B\n"));
            ImportReport unterminated =
                    skills.importFramework(
                            issuer,
                            FrameworkImport.of("Custom", SkillSource.CUSTOM, "1"),
                            new StringReader("code,name,description,url\nA,\"open,,\n"));

            // THEN
            assertThat(wrongHeader.problems())
                    .singleElement()
                    .satisfies(
                            problem -> {
                                assertThat(problem.line()).isEqualTo(1);
                                assertThat(problem.message())
                                        .contains(
                                                "missing column(s) [conceptUri, preferredLabel, description]");
                            });
            assertThat(duplicateHeader.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("unreadable CSV"));
            assertThat(unterminated.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("unreadable CSV"));
            assertThat(skills.frameworks(issuer)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_isolate_organisations_and_forbid_viewers_when_importing_or_searching(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            Actor issuer = TestOrganisations.create(database, "riverside", Role.ISSUER);
            Actor stranger = TestOrganisations.create(database, "hillside", Role.OWNER);
            SkillService skills = new SkillService(database, CLOCK);
            FrameworkImport onet = FrameworkImport.of("O*NET", SkillSource.ONET, "29.1");
            skills.importFramework(issuer, onet, fixture("onet-occupations.csv"));
            Skill nurse = skills.search(issuer, "registered", 1).get(0);

            // WHEN / THEN
            assertThat(skills.search(stranger, "nurse", 10)).isEmpty();
            assertThat(skills.frameworks(stranger)).isEmpty();
            assertThat(skills.get(TestOrganisations.as(issuer, Role.VIEWER), nurse.id()))
                    .isEqualTo(nurse);
            assertProblem(() -> skills.get(stranger, nurse.id()), Problem.NOT_FOUND);
            assertProblem(
                    () ->
                            skills.importFramework(
                                    TestOrganisations.as(issuer, Role.VIEWER),
                                    onet,
                                    fixture("onet-occupations.csv")),
                    Problem.FORBIDDEN);
            assertProblem(
                    () -> skills.importFramework(issuer, onet, fixture("onet-occupations.csv")),
                    Problem.CONFLICT);
        }
    }

    private static void assertProblem(Runnable call, Problem problem) {
        assertThatThrownBy(call::run)
                .isInstanceOf(AppException.class)
                .extracting(e -> ((AppException) e).problem())
                .isEqualTo(problem);
    }
}

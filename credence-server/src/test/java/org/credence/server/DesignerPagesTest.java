package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.credence.app.organization.Role;
import org.credence.app.skill.Skill;
import org.credence.app.status.StatusPolicy;
import org.credence.server.Multipart.File;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The issuer, skill and achievement-designer pages, through real HTTP on both engines. */
class DesignerPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    static final String CSV =
            "code,name,description,url\n"
                    + "N1,Wound care,Cleans and dresses wounds,https://skills.example.org/n1\n"
                    + "N2,Medication safety,Checks the five rights,\n";
    static final File HOSTILE_SVG =
            new File(
                    "badge.svg",
                    "image/svg+xml",
                    ("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/>"
                                    + "<script>alert(document.cookie)</script></svg>")
                            .getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_create_edit_and_rotate_an_issuer_when_owner(TestDatabase testDatabase)
            throws IOException {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");

            // WHEN
            HttpResponse<String> created =
                    Multipart.post(
                            server,
                            "/app/issuers",
                            owner,
                            Map.of(
                                    "slug",
                                    "nursing",
                                    "name",
                                    "School of Nursing",
                                    "url",
                                    "https://nursing.example.edu"),
                            Map.of("imageFile", new File("logo.png", "image/png", png())));
            String page = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> edited =
                    Multipart.post(
                            server,
                            page,
                            owner,
                            Map.of("name", "Riverside Nursing", "email", "nursing@example.edu"),
                            Map.of());
            HttpResponse<String> unconfirmed = server.post(page + "/rotate-key", owner, Map.of());
            HttpResponse<String> rotated =
                    server.post(page + "/rotate-key", owner, Map.of("confirm", "yes"));
            HttpResponse<String> detail = server.get(page, owner);
            HttpResponse<String> didDocument =
                    server.get("/issuers/nursing/did.json", (String) null);

            // THEN
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(page).matches("/app/issuers/[0-9a-f-]{36}");
            assertThat(edited.statusCode()).isEqualTo(302);
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(unconfirmed.body())
                    .contains(
                            "<p class=\"field-error\" id=\"confirm-error\">tick the box to confirm the rotation</p>");
            assertThat(rotated.statusCode()).isEqualTo(302);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.body())
                    .contains(
                            "Riverside Nursing",
                            "nursing@example.edu",
                            "did:web:localhost:issuers:nursing",
                            "href=\"/issuers/nursing/did.json\"",
                            "did:web:localhost:issuers:nursing#key-1",
                            "did:web:localhost:issuers:nursing#key-2",
                            "retired",
                            "src=\"data:image/png;base64,");
            assertThat(didDocument.body()).contains("#key-1", "#key-2");
            assertThat(server.get("/app/issuers", owner).body()).contains("Riverside Nursing");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_issuer_changes_when_not_owner_and_keep_the_form_when_invalid(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            Browser issuer = server.member(owner, "grace@example.edu", Role.ISSUER);
            Browser viewer = server.member(owner, "linus@example.edu", Role.VIEWER);

            // WHEN
            HttpResponse<String> byIssuer =
                    Multipart.post(
                            server,
                            "/app/issuers",
                            issuer,
                            Map.of("slug", "a", "name", "A"),
                            Map.of());
            HttpResponse<String> byViewer =
                    Multipart.post(
                            server,
                            "/app/issuers",
                            viewer,
                            Map.of("slug", "a", "name", "A"),
                            Map.of());
            HttpResponse<String> invalid =
                    Multipart.post(
                            server,
                            "/app/issuers",
                            owner,
                            Map.of("slug", "Not A Slug", "name", "Typed name kept"),
                            Map.of());
            HttpResponse<String> hostile =
                    Multipart.post(
                            server,
                            "/app/issuers",
                            owner,
                            Map.of("slug", "svg", "name", "SVG school"),
                            Map.of("imageFile", HOSTILE_SVG));

            // THEN
            assertThat(byIssuer.statusCode()).isEqualTo(403);
            assertThat(byViewer.statusCode()).isEqualTo(403);
            assertThat(server.get("/app/issuers", viewer).body())
                    .doesNotContain("action=\"/app/issuers\"");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body())
                    .contains(
                            "id=\"slug-error\">use 1–64 lowercase letters",
                            "value=\"Typed name kept\"",
                            "aria-invalid=\"true\"");
            assertThat(hostile.statusCode()).isEqualTo(400);
            assertThat(hostile.body())
                    .contains(
                            "id=\"imageFile-error\">the SVG image is refused: &lt;script&gt; is not allowed");
            assertThat(server.services().issuers().list(owner.session().actor())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_import_search_and_refuse_skill_files_with_their_lines(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            Browser issuer = server.member(owner, "grace@example.edu", Role.ISSUER);
            Browser viewer = server.member(owner, "linus@example.edu", Role.VIEWER);
            Map<String, String> fields =
                    Map.of("name", "Nursing skills", "version", "2024", "source", "custom");

            // WHEN
            HttpResponse<String> imported =
                    Multipart.post(
                            server, "/app/skills/import", issuer, fields, Map.of("csv", csv(CSV)));
            HttpResponse<String> mapped =
                    Multipart.post(
                            server,
                            "/app/skills/import",
                            issuer,
                            Map.of(
                                    "name",
                                    "Occupations",
                                    "version",
                                    "29",
                                    "source",
                                    "custom",
                                    "codeColumn",
                                    "Code",
                                    "nameColumn",
                                    "Title",
                                    "descriptionColumn",
                                    "-",
                                    "urlColumn",
                                    "-"),
                            Map.of("csv", csv("Code,Title\n29-1141,Registered Nurses\n")));
            HttpResponse<String> refused =
                    Multipart.post(
                            server,
                            "/app/skills/import",
                            issuer,
                            Map.of("name", "Broken", "version", "1", "source", "custom"),
                            Map.of(
                                    "csv",
                                    csv("code,name,description,url\nA,,x,\nB,Bee,y,notaurl\n")));
            HttpResponse<String> byViewer =
                    Multipart.post(
                            server, "/app/skills/import", viewer, fields, Map.of("csv", csv(CSV)));
            HttpResponse<String> search = server.get("/app/skills?q=wound", viewer);
            HttpResponse<String> options = server.get("/app/skills/options?q=nurses", viewer);

            // THEN
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(imported.body()).contains("Imported 2 skills of Nursing skills");
            assertThat(mapped.body()).contains("Imported 1 skills of Occupations");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains(
                            "nothing was stored",
                            "<td>2</td><td>name: is required</td>",
                            "<td>3</td><td>url: must be an absolute https URL")
                    .contains("value=\"Broken\"");
            assertThat(byViewer.statusCode()).isEqualTo(403);
            assertThat(search.body())
                    .contains("Wound care", "Cleans and dresses wounds")
                    .doesNotContain("Medication safety");
            assertThat(options.body())
                    .contains("name=\"skillIds\"", "Registered Nurses")
                    .doesNotContain("<html");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_design_and_version_an_achievement_with_every_field(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            Browser issuer = server.member(owner, "grace@example.edu", Role.ISSUER);
            Multipart.post(
                    server,
                    "/app/skills/import",
                    issuer,
                    Map.of("name", "Nursing skills", "version", "2024", "source", "custom"),
                    Map.of("csv", csv(CSV)));
            Skill wound =
                    server.services().skills().search(issuer.session().actor(), "wound", 5).get(0);

            // WHEN
            HttpResponse<String> newForm = server.get("/app/achievements/new?q=wound", issuer);
            HttpResponse<String> created =
                    Multipart.post(
                            server,
                            "/app/achievements",
                            issuer,
                            Map.ofEntries(
                                    Map.entry("name", "Wound care basics"),
                                    Map.entry("description", "Cleans and dresses simple wounds"),
                                    Map.entry(
                                            "criteriaNarrative",
                                            "1. **Pass** the practical\n2. Log 10 cases"),
                                    Map.entry("achievementType", "Certificate"),
                                    Map.entry("effortHours", "12.5"),
                                    Map.entry("creditsAvailable", "2"),
                                    Map.entry("level", "EQF 4"),
                                    Map.entry("fieldOfStudy", "Nursing"),
                                    Map.entry("tags", "clinical, wounds"),
                                    Map.entry("language", "en"),
                                    Map.entry("validityMonths", "24"),
                                    Map.entry("statusPolicy", "revocable-and-suspendable"),
                                    Map.entry("skillIds", wound.id().toString()),
                                    Map.entry("imageAction", "generate")),
                            Map.of());
            String page = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> editForm = server.get(page + "/edit", issuer);
            HttpResponse<String> edited =
                    Multipart.post(
                            server,
                            page,
                            issuer,
                            Map.of(
                                    "baseVersion", "1",
                                    "name", "Wound care",
                                    "description", "Cleans and dresses wounds",
                                    "criteriaNarrative", "Pass the practical",
                                    "imageAction", "keep"),
                            Map.of());
            HttpResponse<String> stale =
                    Multipart.post(
                            server,
                            page,
                            issuer,
                            Map.of(
                                    "baseVersion",
                                    "1",
                                    "name",
                                    "Late",
                                    "description",
                                    "d",
                                    "criteriaNarrative",
                                    "c"),
                            Map.of());
            HttpResponse<String> current = server.get(page, issuer);
            HttpResponse<String> first = server.get(page + "?version=1", issuer);

            // THEN
            assertThat(newForm.statusCode()).isEqualTo(200);
            assertThat(newForm.body())
                    .contains(
                            "<label for=\"name\">Name</label>",
                            "form=\"skill-search\"",
                            "value=\"" + wound.id() + "\"",
                            "/static/designer.js",
                            "value=\"revocable\" checked",
                            "will not pass the Open Badges 3.0 schema check in other verifiers")
                    .doesNotContain("value=\"revocable-and-suspendable\" checked");
            // The cost is said next to the choice, before it is made, in plain words first.
            String form = newForm.body();
            assertThat(form.indexOf("id=\"statusPolicy-suspendable-cost\""))
                    .isGreaterThan(form.indexOf("for=\"statusPolicy-suspendable\""))
                    .isLessThan(form.indexOf("id=\"statusPolicy-detail\""));
            assertThat(form)
                    .contains(
                            "aria-describedby=\"statusPolicy-suspendable-cost\"",
                            StatusPolicy.SUSPENSION_COST,
                            "<details id=\"statusPolicy-detail\">");
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(editForm.body())
                    .contains(
                            "value=\"Wound care basics\"",
                            "value=\"12.5\"",
                            "value=\"clinical, wounds\"",
                            "value=\"24\"",
                            "checked",
                            "Wound care (Nursing skills N1)",
                            "value=\"revocable-and-suspendable\" checked")
                    .contains("<option value=\"Certificate\" selected>");
            assertThat(edited.statusCode()).isEqualTo(302);
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body())
                    .contains("The achievement is at version 2, not 1", "value=\"Late\"");
            assertThat(current.body())
                    .contains(
                            "Wound care",
                            "Version 1</a>",
                            "Version 2</a>",
                            "by grace@example.edu",
                            "<p>Pass the practical</p>",
                            "Revocable (one status entry")
                    .contains("src=\"data:image/svg+xml;base64,");
            assertThat(first.body())
                    .contains(
                            "You are looking at version 1",
                            "Wound care basics",
                            "12.5 hours",
                            "EQF 4",
                            "Nursing",
                            "clinical, wounds",
                            "24 months after issue",
                            "Revocable and suspendable")
                    .contains(
                            "<ol>\n<li><strong>Pass</strong> the practical</li>",
                            "Wound care (Nursing skills N1)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_designs_when_viewer_invalid_hostile_or_huge(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            Browser viewer = server.member(owner, "linus@example.edu", Role.VIEWER);
            Map<String, String> design =
                    Map.of("name", "Kept name", "description", "d", "criteriaNarrative", "c");
            Multipart huge =
                    new Multipart()
                            .field("_csrf", owner.csrf())
                            .file(
                                    "imageFile",
                                    new File("big.png", "image/png", new byte[50 * 1024 * 1024]));

            // WHEN
            HttpResponse<String> viewerForm = server.get("/app/achievements/new", viewer);
            HttpResponse<String> byViewer =
                    Multipart.post(server, "/app/achievements", viewer, design, Map.of());
            HttpResponse<String> invalid =
                    Multipart.post(
                            server,
                            "/app/achievements",
                            owner,
                            Map.of(
                                    "name",
                                    "Kept name",
                                    "description",
                                    "",
                                    "criteriaNarrative",
                                    "c",
                                    "effortHours",
                                    "lots"),
                            Map.of());
            HttpResponse<String> hostile =
                    Multipart.post(
                            server,
                            "/app/achievements",
                            owner,
                            design,
                            Map.of("imageFile", HOSTILE_SVG));
            HttpResponse<String> preview =
                    Multipart.post(
                            server,
                            "/app/achievements",
                            owner,
                            Map.of(
                                    "name",
                                    "n",
                                    "criteriaNarrative",
                                    "**Bold** <script>alert(1)</script>",
                                    "preview",
                                    "1"),
                            Map.of());
            HttpResponse<String> fragment =
                    server.post(
                            "/app/achievements/criteria-preview",
                            owner,
                            Map.of("criteriaNarrative", "[x](javascript:alert(1)) _ok_"));
            HttpResponse<String> tooLarge =
                    server.send(
                            HttpRequest.newBuilder(server.uri("/app/achievements"))
                                    .header("Cookie", "credence_session=" + owner.cookie())
                                    .header("Content-Type", huge.contentType())
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(huge.bytes())));

            // THEN
            assertThat(viewerForm.statusCode()).isEqualTo(403);
            assertThat(byViewer.statusCode()).isEqualTo(403);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body())
                    .contains("id=\"effortHours-error\">not a number: lots", "value=\"Kept name\"");
            assertThat(hostile.statusCode()).isEqualTo(400);
            assertThat(hostile.body())
                    .contains(
                            "id=\"imageFile-error\">the SVG image is refused: &lt;script&gt; is not allowed");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body())
                    .contains("<strong>Bold</strong>")
                    .doesNotContain("<script>alert(1)</script>");
            assertThat(fragment.body())
                    .isEqualTo("<p><a rel=\"nofollow\" href=\"\">x</a> <em>ok</em></p>\n");
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("at most 2097152");
            assertThat(server.services().achievements().list(owner.session().actor())).isEmpty();
        }
    }

    static File csv(String text) {
        return new File("skills.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}

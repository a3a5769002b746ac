package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.credence.server.TestServer.Browser;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markup typed into every text field of issuers, skill frameworks and achievements is shown as text
 * on every page that shows it: the raw {@code <script>} never reaches a page, its escaped form
 * does.
 */
class DesignerEscapingTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String RAW = "<script>alert('x')</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_escape_markup_in_every_text_field_on_every_page(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Browser owner = server.signUp("Riverside", "ada@example.edu");
            String issuerPage =
                    Multipart.post(
                                    server,
                                    "/app/issuers",
                                    owner,
                                    Map.of(
                                            "slug",
                                            "hostile",
                                            "name",
                                            "Issuer " + RAW,
                                            "description",
                                            "About " + RAW),
                                    Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElseThrow();
            Multipart.post(
                    server,
                    "/app/skills/import",
                    owner,
                    Map.of("name", "Framework " + RAW, "version", "v " + RAW, "source", "custom"),
                    Map.of(
                            "csv",
                            DesignerPagesTest.csv(
                                    "code,name,description,url\n\"C<script>\",\"Skill "
                                            + RAW.replace("'", "")
                                            + "\",\"Text "
                                            + RAW
                                            + "\",\n")));
            String skillId =
                    server.services()
                            .skills()
                            .search(owner.session().actor(), "skill", 5)
                            .get(0)
                            .id()
                            .toString();
            Map<String, String> design = new LinkedHashMap<>();
            design.put("name", "Badge " + RAW);
            design.put("description", "Description " + RAW);
            design.put("criteriaNarrative", "Criteria " + RAW);
            design.put("level", "Level " + RAW);
            design.put("fieldOfStudy", "Field " + RAW);
            design.put("tags", "tag " + RAW);
            design.put("skillIds", skillId);
            String achievementPage =
                    Multipart.post(server, "/app/achievements", owner, design, Map.of())
                            .headers()
                            .firstValue("Location")
                            .orElseThrow();
            String query = URLEncoder.encode(RAW, StandardCharsets.UTF_8);

            // WHEN
            Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
            for (String path :
                    new String[] {
                        "/app/issuers",
                        issuerPage,
                        "/app/skills",
                        "/app/skills?q=skill",
                        "/app/skills?q=" + query,
                        "/app/skills/options?q=skill",
                        "/app/skills/options?q=" + query,
                        "/app/achievements",
                        achievementPage,
                        achievementPage + "/edit",
                        "/app/achievements/new?q=skill",
                        "/app/achievements/new?q=" + query,
                    }) {
                pages.put(path, server.get(path, owner));
            }
            HttpResponse<String> refusedForm =
                    Multipart.post(
                            server,
                            "/app/achievements",
                            owner,
                            Map.of(
                                    "name",
                                    "Kept " + RAW,
                                    "description",
                                    "",
                                    "criteriaNarrative",
                                    RAW),
                            Map.of());
            pages.put("refused form", refusedForm);

            // THEN
            SoftAssertions softly = new SoftAssertions();
            pages.forEach(
                    (path, response) -> {
                        softly.assertThat(response.statusCode()).as(path).isIn(200, 400);
                        softly.assertThat(response.body())
                                .as(path)
                                .doesNotContain("<script>alert")
                                .contains(ESCAPED);
                    });
            softly.assertAll();
            assertThat(pages.get(achievementPage).body())
                    .contains(
                            "Badge " + "&lt;script&gt;",
                            "Level &lt;script&gt;",
                            "Field &lt;script&gt;",
                            "tag &lt;script&gt;",
                            "Skill &lt;script&gt;")
                    .contains("<p>Criteria alert(");
        }
    }
}

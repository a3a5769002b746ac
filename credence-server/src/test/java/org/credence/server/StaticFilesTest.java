package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Every file under {@code static/} is served with its type, and every one a template links to
 * exists. A script that answers 404 fails silently in the browser (the page still works without
 * it), so only a test notices. Static files do not touch the database: H2 only.
 */
class StaticFilesTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");
    private static final Path TEMPLATES = Path.of("src", "main", "jte");
    private static final Pattern LINKED = Pattern.compile("(?:src|href)=\"/static/([^\"?#]+)\"");
    private static final Map<String, String> TYPES =
            Map.of("js", "text/javascript", "css", "text/css");

    @Test
    void should_serve_every_static_file_with_its_type_when_asked() throws IOException {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            for (String name : names(STATIC)) {
                // WHEN
                HttpResponse<String> response = server.get("/static/" + name, (String) null);

                // THEN
                assertThat(response.statusCode()).as(name).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(name)
                        .hasValueSatisfying(type -> assertThat(type).startsWith(type(name)));
                assertThat(response.body())
                        .as(name)
                        .isEqualTo(Files.readString(STATIC.resolve(name), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void should_have_a_static_file_when_a_template_links_to_one() throws IOException {
        // GIVEN
        Set<String> linked = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher matcher = LINKED.matcher(Files.readString(template));
                while (matcher.find()) {
                    linked.add(matcher.group(1));
                }
            }
        }

        // THEN
        assertThat(linked).contains("bulk.js", "credence.css").isSubsetOf(names(STATIC));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String type(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        assertThat(TYPES).as("a known type for " + name).containsKey(extension);
        return TYPES.get(extension);
    }
}

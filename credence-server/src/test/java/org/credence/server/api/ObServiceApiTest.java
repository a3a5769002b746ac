package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.credence.server.TestServer;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObServiceApiTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final String CREDENTIALS = "http://localhost/ims/ob/v3p0/credentials";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_page_the_organisations_credentials_with_count_and_links(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            VcApiTest.World world = VcApiTest.world(server, "alpha");
            for (int i = 0; i < 5; i++) {
                world.issue();
            }
            VcApiTest.World other = VcApiTest.world(server, "beta");
            other.issue();

            // WHEN
            HttpResponse<String> first = get(server, world, "?limit=2");
            HttpResponse<String> middle = get(server, world, "?limit=2&offset=2");
            HttpResponse<String> last = get(server, world, "?limit=2&offset=4");
            HttpResponse<String> later = get(server, world, "?since=2999-01-01T00:00:00Z");

            // THEN
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.headers().firstValue("X-Total-Count")).hasValue("5");
            assertThat(VcApiTest.json(first).getJsonArray("credential")).hasSize(2);
            assertThat(VcApiTest.json(first).getJsonArray("compactJwsString")).isEmpty();
            assertThat(first.headers().firstValue("Link").orElseThrow())
                    .contains("<" + CREDENTIALS + "?limit=2&offset=2>; rel=\"next\"")
                    .contains("<" + CREDENTIALS + "?limit=2&offset=4>; rel=\"last\"")
                    .contains("<" + CREDENTIALS + "?limit=2&offset=0>; rel=\"first\"")
                    .doesNotContain("rel=\"prev\"");
            assertThat(middle.headers().firstValue("Link").orElseThrow())
                    .contains("offset=4>; rel=\"next\"")
                    .contains("offset=0>; rel=\"prev\"");
            assertThat(VcApiTest.json(last).getJsonArray("credential")).hasSize(1);
            assertThat(last.headers().firstValue("Link").orElseThrow())
                    .doesNotContain("rel=\"next\"")
                    .contains("offset=2>; rel=\"prev\"");
            assertThat(VcApiTest.json(middle).toString()).doesNotContain(other.issuer().did());
            assertThat(later.headers().firstValue("X-Total-Count")).hasValue("0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_serve_discovery_publicly_the_profile_and_imsx_errors(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            VcApiTest.World world = VcApiTest.world(server, "alpha");

            // WHEN
            HttpResponse<String> discovery =
                    server.api("GET", "/ims/ob/v3p0/discovery", null, null);
            HttpResponse<String> profile =
                    server.api("GET", "/ims/ob/v3p0/profile", world.token(), null);
            HttpResponse<String> anonymous =
                    server.api("GET", "/ims/ob/v3p0/credentials", null, null);
            HttpResponse<String> badLimit =
                    server.api("GET", "/ims/ob/v3p0/credentials?limit=0", world.token(), null);

            // THEN
            assertThat(discovery.statusCode()).isEqualTo(200);
            JsonObject document = VcApiTest.json(discovery);
            assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url"))
                    .isEqualTo("http://localhost/ims/ob/v3p0");
            assertThat(document.getJsonObject("paths").keySet())
                    .contains("/credentials", "/profile", "/discovery");
            assertThat(document.getJsonObject("info").getString("description"))
                    .contains("NOT implemented yet");
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(VcApiTest.json(profile).getString("id")).isEqualTo(world.issuer().did());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            JsonObject imsx = VcApiTest.json(anonymous);
            assertThat(imsx.getString("imsx_codeMajor")).isEqualTo("failure");
            assertThat(imsx.getString("imsx_severity")).isEqualTo("error");
            assertThat(imsx.toString()).contains("unauthorizedrequest");
            assertThat(badLimit.statusCode()).isEqualTo(400);
            assertThat(VcApiTest.json(badLimit).getString("imsx_description")).startsWith("limit:");
        }
    }

    private static HttpResponse<String> get(
            TestServer server, VcApiTest.World world, String query) {
        return server.api("GET", "/ims/ob/v3p0/credentials" + query, world.token(), null);
    }
}

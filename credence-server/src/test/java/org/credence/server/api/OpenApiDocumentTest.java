package org.credence.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.credence.server.TestServer;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Route;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document lists exactly the JSON API routes the server registers. */
class OpenApiDocumentTest {

    @Test
    void should_document_every_registered_api_route_and_nothing_else() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            // GIVEN
            Set<String> registered = new TreeSet<>();
            for (Route route : server.server().routes()) {
                boolean formOrApi =
                        route.method().equals("POST")
                                && ErrorMapper.FORM_OR_API_POSTS.contains(route.path());
                if (ErrorMapper.isJsonApi(route.path()) || formOrApi) {
                    registered.add(route.key());
                }
            }

            // WHEN
            HttpResponse<String> response = server.api("GET", OpenApiDocument.PATH, null, null);
            JsonObject document = VcApiTest.json(response);
            Set<String> documented = new TreeSet<>();
            JsonObject paths = document.getJsonObject("paths");
            for (String path : paths.keySet()) {
                for (String method : paths.getJsonObject(path).keySet()) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }

            // THEN
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(document.getString("openapi")).isEqualTo("3.1.0");
            assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url"))
                    .isEqualTo("http://localhost");
            assertThat(registered)
                    .contains(
                            "POST /credentials/issue",
                            "GET /ims/ob/v3p0/credentials",
                            "POST /verify",
                            "GET /verify/results/{id}.json");
            assertThat(documented).isEqualTo(registered);
        }
    }
}

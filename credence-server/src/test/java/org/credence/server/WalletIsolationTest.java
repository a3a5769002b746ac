package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.credence.app.wallet.LearnerIdentifier;
import org.credence.app.wallet.ShareRequest;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletSharing;
import org.credence.server.Learners.Learner;
import org.credence.server.web.Access;
import org.credence.server.web.Route;
import org.credence.testing.Vectors;
import org.credence.testing.db.Engine;
import org.credence.testing.db.TestDatabase;
import org.credence.testing.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Learner B tries every wallet route against learner A: A's credentials and identifiers answer 404,
 * B's pages show nothing of A's, and A's wallet is unchanged afterwards. The table must cover every
 * learner route ({@link #should_list_every_learner_route_in_the_table}); member routes are {@link
 * TenantIsolationTest}'s.
 */
class WalletIsolationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    /** Learner A's things: every marker must stay out of B's pages. */
    record Alpha(
            Learner learner,
            UUID issued,
            UUID imported,
            UUID identifier,
            String token,
            Sharing sharing,
            UUID transcript) {
        List<String> markers() {
            return List.of(
                    "alpha@example.org",
                    "alpha@work.example",
                    issued.toString(),
                    imported.toString(),
                    identifier.toString(),
                    sharing.collection().toString(),
                    sharing.share().toString(),
                    Sharing.NAME,
                    transcript.toString());
        }
    }

    /** A's collection (of the issued credential) and a live link to it. */
    record Sharing(UUID collection, UUID share) {
        static final String NAME = "Alpha secret collection";
    }

    record Ctx(TestServer server, Alpha alpha, Learner beta) {}

    enum Expect {
        HIDDEN,
        SCOPED,
        /** Refused as input (a wrong password): nothing of A's happens. */
        REFUSED
    }

    record Case(String route, Function<Ctx, HttpResponse<String>> request, Expect expect) {}

    static final List<Case> CASES =
            List.of(
                    scoped("GET /wallet", c -> Learners.get(c.server(), "/wallet", c.beta())),
                    scoped(
                            "GET /wallet/password",
                            c -> Learners.get(c.server(), "/wallet/password", c.beta())),
                    scoped(
                            "POST /wallet/password",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/password",
                                            c.beta(),
                                            Map.of(
                                                    "currentPassword", TestServer.PASSWORD,
                                                    "newPassword", TestServer.PASSWORD))),
                    hidden(
                            "GET /wallet/credentials/{id}",
                            c ->
                                    Learners.get(
                                            c.server(),
                                            "/wallet/credentials/" + c.alpha().issued(),
                                            c.beta())),
                    hidden(
                            "GET /wallet/credentials/{id}",
                            c ->
                                    Learners.get(
                                            c.server(),
                                            "/wallet/credentials/" + c.alpha().imported(),
                                            c.beta())),
                    scoped(
                            "GET /wallet/identifiers",
                            c -> Learners.get(c.server(), "/wallet/identifiers", c.beta())),
                    scoped(
                            "POST /wallet/identifiers",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/identifiers",
                                            c.beta(),
                                            Map.of("kind", "email", "value", "beta@work.example"))),
                    hidden(
                            "POST /wallet/identifiers/{identifierId}/verify",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/identifiers/"
                                                    + c.alpha().identifier()
                                                    + "/verify",
                                            c.beta(),
                                            Map.of("code", "123456"))),
                    hidden(
                            "POST /wallet/identifiers/{identifierId}/resend",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/identifiers/"
                                                    + c.alpha().identifier()
                                                    + "/resend",
                                            c.beta(),
                                            Map.of())),
                    hidden(
                            "POST /wallet/identifiers/{identifierId}/present",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/identifiers/"
                                                    + c.alpha().identifier()
                                                    + "/present",
                                            c.beta(),
                                            Map.of("presentation", "{}"))),
                    hidden(
                            "POST /claim/{token}/add-to-wallet",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/claim/" + "x".repeat(43) + "/add-to-wallet",
                                            c.beta(),
                                            Map.of())),
                    scoped(
                            "POST /wallet/import",
                            c ->
                                    Learners.upload(
                                            c.server(),
                                            "/wallet/import",
                                            c.beta(),
                                            new Multipart.File(
                                                    "mine.json",
                                                    "application/json",
                                                    Vectors.bytes(WalletPagesTest.FOREIGN)),
                                            null)),
                    scoped(
                            "POST /wallet/collections",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/collections",
                                            c.beta(),
                                            Map.of("name", "Beta's"))),
                    hidden(
                            "POST /wallet/collections/{collectionId}/rename",
                            c -> onAlphaCollection(c, "/rename", Map.of("name", "Mine now"))),
                    hidden(
                            "POST /wallet/collections/{collectionId}/delete",
                            c -> onAlphaCollection(c, "/delete", Map.of())),
                    hidden(
                            "POST /wallet/collections/{collectionId}/add",
                            c ->
                                    onAlphaCollection(
                                            c,
                                            "/add",
                                            Map.of("entry", c.alpha().imported().toString()))),
                    hidden(
                            "POST /wallet/collections/{collectionId}/add",
                            c -> {
                                // B's own collection, A's credential
                                UUID mine =
                                        c.server()
                                                .services()
                                                .sharing()
                                                .collections()
                                                .create(c.beta().id(), "Beta's own")
                                                .id();
                                return Learners.post(
                                        c.server(),
                                        "/wallet/collections/" + mine + "/add",
                                        c.beta(),
                                        Map.of("entry", c.alpha().issued().toString()));
                            }),
                    hidden(
                            "POST /wallet/collections/{collectionId}/remove",
                            c ->
                                    onAlphaCollection(
                                            c,
                                            "/remove",
                                            Map.of("entry", c.alpha().issued().toString()))),
                    hidden(
                            "POST /wallet/shares",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/shares",
                                            c.beta(),
                                            Map.of("entry", c.alpha().imported().toString()))),
                    hidden(
                            "POST /wallet/shares",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/shares",
                                            c.beta(),
                                            Map.of(
                                                    "collection",
                                                    c.alpha().sharing().collection().toString()))),
                    hidden(
                            "POST /wallet/shares/{shareId}/revoke",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/shares/"
                                                    + c.alpha().sharing().share()
                                                    + "/revoke",
                                            c.beta(),
                                            Map.of())),
                    hidden(
                            "POST /wallet/credentials/{id}/name",
                            c -> onAlphaCredential(c, c.alpha().issued(), "/name")),
                    hidden(
                            "POST /wallet/credentials/{id}/name",
                            c -> onAlphaCredential(c, c.alpha().imported(), "/name")),
                    hidden(
                            "POST /wallet/credentials/{id}/linkedin",
                            c -> onAlphaCredential(c, c.alpha().imported(), "/linkedin")),
                    hidden(
                            "POST /wallet/credentials/{id}/certificate",
                            c -> onAlphaCredential(c, c.alpha().imported(), "/certificate")),
                    hidden(
                            "POST /wallet/credentials/{id}/send",
                            c -> onAlphaCredential(c, c.alpha().issued(), "/send")),
                    hidden(
                            "GET /wallet/credentials/{id}/download/{format}",
                            c ->
                                    Learners.get(
                                            c.server(),
                                            "/wallet/credentials/"
                                                    + c.alpha().issued()
                                                    + "/download/json",
                                            c.beta())),
                    hidden(
                            "GET /wallet/credentials/{id}/download/{format}",
                            c ->
                                    Learners.get(
                                            c.server(),
                                            "/wallet/credentials/"
                                                    + c.alpha().imported()
                                                    + "/download/png",
                                            c.beta())),
                    scoped(
                            "GET /wallet/transcripts",
                            c -> Learners.get(c.server(), "/wallet/transcripts", c.beta())),
                    hidden(
                            "POST /wallet/transcripts",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/transcripts",
                                            c.beta(),
                                            Map.of("credential", c.alpha().issued().toString()))),
                    hidden(
                            "GET /wallet/transcripts/{id}.json",
                            c ->
                                    Learners.get(
                                            c.server(),
                                            "/wallet/transcripts/"
                                                    + c.alpha().transcript()
                                                    + ".json",
                                            c.beta())),
                    scoped(
                            "GET /wallet/account",
                            c -> Learners.get(c.server(), "/wallet/account", c.beta())),
                    scoped(
                            "GET /wallet/export",
                            c -> Learners.get(c.server(), "/wallet/export", c.beta())),
                    refused(
                            "POST /wallet/merge",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/merge",
                                            c.beta(),
                                            Map.of(
                                                    "email",
                                                    "alpha@example.org",
                                                    "password",
                                                    "a guessed password"))),
                    refused(
                            "POST /wallet/account/delete",
                            c ->
                                    Learners.post(
                                            c.server(),
                                            "/wallet/account/delete",
                                            c.beta(),
                                            Map.of("password", "a guessed password"))),
                    scoped(
                            "POST /wallet/logout",
                            c -> Learners.post(c.server(), "/wallet/logout", c.beta(), Map.of())));

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_hide_learner_a_from_learner_b_on_every_wallet_route(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN A with an issued and an imported credential and a pending work address
            Alpha alpha = alpha(server);
            Learner beta = Learners.verified(server, "Bob Beta", "beta@example.org");
            Ctx ctx = new Ctx(server, alpha, beta);
            String before = stateOf(server, alpha);

            // WHEN / THEN
            SoftAssertions softly = new SoftAssertions();
            for (Case test : CASES) {
                HttpResponse<String> response = test.request().apply(ctx);
                int status = response.statusCode();
                if (test.expect() == Expect.HIDDEN) {
                    softly.assertThat(status).as(test.route()).isIn(403, 404);
                } else if (test.expect() == Expect.REFUSED) {
                    softly.assertThat(status).as(test.route()).isEqualTo(400);
                } else {
                    softly.assertThat(status).as(test.route()).isBetween(200, 399);
                }
                for (String marker : alpha.markers()) {
                    softly.assertThat(response.body()).as(test.route()).doesNotContain(marker);
                }
            }
            softly.assertThat(stateOf(server, alpha)).as("A's wallet").isEqualTo(before);
            softly.assertAll();
        }
    }

    @Test
    void should_list_every_learner_route_in_the_table() {
        try (TestServer server = TestServer.start(TestDatabases.fresh(Engine.H2))) {
            Set<String> learnerRoutes =
                    server.server().routes().stream()
                            .filter(route -> route.access() == Access.LEARNER)
                            .map(Route::key)
                            .collect(Collectors.toSet());

            assertThat(CASES.stream().map(Case::route).collect(Collectors.toSet()))
                    .as("wallet isolation table")
                    .isEqualTo(learnerRoutes);
        }
    }

    private static HttpResponse<String> onAlphaCollection(
            Ctx c, String action, Map<String, String> fields) {
        return Learners.post(
                c.server(),
                "/wallet/collections/" + c.alpha().sharing().collection() + action,
                c.beta(),
                fields);
    }

    private static HttpResponse<String> onAlphaCredential(Ctx c, UUID credential, String action) {
        return Learners.post(
                c.server(),
                "/wallet/credentials/" + credential + action,
                c.beta(),
                Map.of("show", "yes"));
    }

    private static Alpha alpha(TestServer server) {
        CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Alpha Medication");
        UUID issued = Learners.issue(server, org, "alpha@example.org");
        String token = Learners.claimToken(server, "alpha@example.org");
        Learner learner = Learners.verified(server, "Alpha", "alpha@example.org");
        UUID imported =
                server.services()
                        .wallet()
                        .importFile(learner.id(), Vectors.bytes(WalletPagesTest.FOREIGN))
                        .id();
        LearnerIdentifier work =
                server.services().identifiers().addEmail(learner.id(), "alpha@work.example");
        WalletSharing sharing = server.services().sharing();
        UUID collection = sharing.collections().create(learner.id(), Sharing.NAME).id();
        sharing.collections().add(learner.id(), collection, issued);
        UUID share =
                sharing.shares()
                        .create(
                                learner.id(),
                                ShareRequest.ofCollection(collection, Optional.empty()))
                        .share()
                        .id();
        UUID transcript =
                server.services().walletTranscripts().create(learner.id(), List.of(issued)).id();
        return new Alpha(
                learner,
                issued,
                imported,
                work.id(),
                token,
                new Sharing(collection, share),
                transcript);
    }

    private static String stateOf(TestServer server, Alpha alpha) {
        UUID learner = alpha.learner().id();
        return server.services().wallet().entries(learner).stream()
                        .map(WalletEntry::id)
                        .map(UUID::toString)
                        .sorted()
                        .collect(Collectors.joining(","))
                + " | "
                + server.services().identifiers().identifiers(learner).stream()
                        .map(LearnerIdentifier::toString)
                        .collect(Collectors.joining(","))
                + " | "
                + server.services().sharing().collections().collections(learner)
                + " | "
                + server.services().sharing().shares().shares(learner)
                + " | names shown: "
                + server.services().sharing().shares().nameShown(learner, alpha.issued())
                + server.services().sharing().shares().nameShown(learner, alpha.imported())
                + " | "
                + server.services().walletTranscripts().transcripts(learner).stream()
                        .map(transcript -> transcript.id().toString())
                        .collect(Collectors.joining(","));
    }

    private static Case scoped(String route, Function<Ctx, HttpResponse<String>> request) {
        return new Case(route, request, Expect.SCOPED);
    }

    private static Case refused(String route, Function<Ctx, HttpResponse<String>> request) {
        return new Case(route, request, Expect.REFUSED);
    }

    private static Case hidden(String route, Function<Ctx, HttpResponse<String>> request) {
        return new Case(route, request, Expect.HIDDEN);
    }
}

package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.credence.app.delivery.DeliveryState;
import org.credence.server.Learners.Learner;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The learner wallet's pages over HTTP, on both engines. */
class WalletPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    static final String FOREIGN = "dcc-verifier-core/v2__v2NoStatus.json";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_add_the_credential_to_a_new_wallet_when_the_learner_signs_up_from_the_claim_page(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential e-mailed with its claim link
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            server.vet(org.issuerId());
            UUID credential = Learners.issue(server, org, "grace@example.org");
            String token = Learners.claimToken(server, "grace@example.org");
            HttpResponse<String> claimPage = server.get("/claim/" + token, (String) null);
            assertThat(claimPage.body())
                    .contains("Claim</button>")
                    .contains("href=\"/wallet/signup?claim=" + token + "\"");

            // WHEN the learner opens a wallet from the claim page
            HttpResponse<String> signedUp =
                    Learners.signUpResponse(server, "Grace Hopper", "grace@example.org", token);

            // THEN the credential is in the wallet, verified, and the issuer sees it claimed
            assertThat(signedUp.statusCode()).isEqualTo(303);
            assertThat(Learners.idFrom(signedUp)).isEqualTo(credential);
            Learner grace =
                    Learners.browser(server, TestServer.cookie(signedUp, "credence_wallet"));
            HttpResponse<String> detail =
                    Learners.get(server, "/wallet/credentials/" + credential, grace);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat(detail.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(detail.body()).contains("Safe Medication").contains(">Verified</p>");
            HttpResponse<String> wallet = Learners.get(server, "/wallet", grace);
            assertThat(wallet.body())
                    .contains("1 credential<")
                    .contains("href=\"/wallet/credentials/" + credential + "\"");
            assertThat(
                            server.services()
                                    .delivery()
                                    .delivery(org.owner().session().actor(), credential)
                                    .state())
                    .isEqualTo(DeliveryState.CLAIMED);
            // signed in now, the claim page offers the wallet's own form
            HttpResponse<String> again = Learners.get(server, "/claim/" + token, grace);
            assertThat(again.body()).contains("action=\"/claim/" + token + "/add-to-wallet\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_list_credentials_of_an_address_once_its_code_is_entered(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential issued to a work address, and a learner with a wallet
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            UUID credential = Learners.issue(server, org, "Ada@Work.example");
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");

            // WHEN the learner adds the work address
            HttpResponse<String> added =
                    Learners.post(
                            server,
                            "/wallet/identifiers",
                            ada,
                            Map.of("kind", "email", "value", "ada@work.example"));
            assertThat(added.statusCode()).isEqualTo(303);
            UUID work = server.services().identifiers().identifiers(ada.id()).get(1).id();

            // THEN nothing appears before the code is entered; a wrong code is refused on the page
            assertThat(Learners.get(server, "/wallet", ada).body()).contains("0 credentials<");
            String code = Learners.code(server, "ada@work.example");
            HttpResponse<String> wrong =
                    Learners.post(
                            server,
                            "/wallet/identifiers/" + work + "/verify",
                            ada,
                            Map.of("code", code.equals("000000") ? "000001" : "000000"));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("this is not the code we sent");

            // WHEN the right code is entered
            HttpResponse<String> right =
                    Learners.post(
                            server,
                            "/wallet/identifiers/" + work + "/verify",
                            ada,
                            Map.of("code", code));

            // THEN the credential is listed
            assertThat(right.statusCode()).isEqualTo(303);
            assertThat(Learners.get(server, "/wallet/identifiers", ada).body())
                    .containsPattern("ada@work\\.example</td>\\s*<td class=\"passed\">Verified");
            assertThat(Learners.get(server, "/wallet", ada).body())
                    .contains("1 credential<")
                    .contains("/wallet/credentials/" + credential);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_a_foreign_credential_with_a_warning_and_refuse_a_file_that_is_not_one(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");

            // WHEN a foreign credential file is imported
            HttpResponse<String> imported =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File(
                                    "teamwork.json", "application/json", Vectors.bytes(FOREIGN)),
                            null);

            // THEN it is kept, shown with its verdict and a warning
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
            HttpResponse<String> detail =
                    Learners.get(server, "/wallet/credentials/" + Learners.idFrom(imported), ada);
            assertThat(detail.body())
                    .contains("<h1>Teamwork</h1>")
                    .contains("Example Corp")
                    .contains("id=\"recipient-warning\"")
                    .contains("id=\"verdict\"");

            // WHEN text that is not a credential is imported, THEN it is refused on the page
            HttpResponse<String> refused =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File("notes.txt", "text/plain", "hello".getBytes()),
                            null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("id=\"import-error\"")
                    .contains("this is not a credential we can read");
            assertThat(Learners.get(server, "/wallet", ada).body()).contains("1 credential<");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_member_and_learner_sessions_apart(TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a member and a learner
            TestServer.Browser member = server.signUp("Riverside", "owner@riverside.example");
            Learner learner = Learners.signUp(server, "Ada", "ada@example.org");

            // THEN neither cookie opens the other's pages, and no cookie goes to the sign-in
            assertThat(Learners.get(server, "/wallet", member.cookie()).statusCode())
                    .isEqualTo(302);
            assertThat(server.get("/wallet", member).headers().firstValue("Location"))
                    .contains("/wallet/login");
            assertThat(server.get("/app", learner.cookie()).headers().firstValue("Location"))
                    .contains("/login");
            // a form without the learner session's CSRF token is refused
            HttpResponse<String> forged =
                    Learners.post(
                            server,
                            "/wallet/identifiers",
                            new Learner(learner.cookie(), "forged", learner.session()),
                            Map.of("kind", "email", "value", "x@example.org"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(server.services().identifiers().identifiers(learner.id())).hasSize(1);
        }
    }
}

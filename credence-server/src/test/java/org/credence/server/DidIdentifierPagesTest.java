package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.core.Holder;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.Jsons;
import org.credence.server.Learners.Learner;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learner verifies a DID on the identifiers page by pasting a presentation that answers the
 * page's challenge, over HTTP on both engines; credentials issued to the DID then appear.
 */
class DidIdentifierPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern CHALLENGE = Pattern.compile("class=\"challenge\">([^<]+)<");
    private static final Pattern DOMAIN = Pattern.compile("class=\"domain\">([^<]+)<");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_a_did_with_a_pasted_presentation_and_list_what_was_issued_to_it(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN a credential issued to a DID, and a learner who adds the DID
            KeyFile key = KeyFile.generate(KeyType.ED25519, new SecureRandom());
            String did = key.controller();
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            UUID credential = issueTo(server, org, did);
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");
            HttpResponse<String> added =
                    Learners.post(
                            server,
                            "/wallet/identifiers",
                            ada,
                            Map.of("kind", "did", "value", did));
            String page = Learners.get(server, "/wallet/identifiers", ada).body();
            String challenge = find(CHALLENGE, page);
            String domain = find(DOMAIN, page);
            UUID identifier =
                    server.services().identifiers().identifiers(ada.id()).stream()
                            .filter(candidate -> candidate.value().equals(did))
                            .findFirst()
                            .orElseThrow()
                            .id();
            String present = "/wallet/identifiers/" + identifier + "/present";
            Holder holder = Holder.of(key);

            // WHEN a presentation for another challenge, then one for the page's, are pasted
            HttpResponse<String> wrong =
                    Learners.post(
                            server,
                            present,
                            ada,
                            Map.of(
                                    "presentation",
                                    holder.sign(presentation(did), "not-it", domain).toString()));
            boolean listedBefore =
                    Learners.get(server, "/wallet", ada).body().contains(credential.toString());
            HttpResponse<String> right =
                    Learners.post(
                            server,
                            present,
                            ada,
                            Map.of(
                                    "presentation",
                                    holder.signJwt(presentation(did), challenge, domain)));

            // THEN
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(page).contains("./credence present --key key.json --challenge " + challenge);
            assertThat(domain).isEqualTo(server.services().host().baseUrl().getHost());
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("id=\"identifier-error\"").contains("challenge");
            assertThat(listedBefore).isFalse();
            assertThat(right.statusCode()).as(right.body()).isEqualTo(303);
            assertThat(Learners.get(server, "/wallet/identifiers", ada).body())
                    .containsPattern(Pattern.quote(did) + "</td>\\s*<td class=\"passed\">Verified")
                    .doesNotContain(challenge);
            assertThat(Learners.get(server, "/wallet", ada).body())
                    .contains("/wallet/credentials/" + credential);
        }
    }

    private static UUID issueTo(TestServer server, CredentialPagesTest.Org org, String did) {
        return server.services()
                .awards()
                .issue(
                        org.owner().session().actor(),
                        IssueRequest.of(
                                org.issuerId(),
                                org.achievementId(),
                                AwardRecipient.ofIdentifier(did)),
                        server.services().delivery().emailOnIssue(server.services().host().base()))
                .id();
    }

    private static JsonObject presentation(String holder) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "@context",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", holder)
                .build();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("nothing like " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}

package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.credence.app.wallet.WalletEntry;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.Learners.Learner;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Transcripts, export, merging and deleting over HTTP, on both engines. */
class WalletLeavingPagesTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Pattern DOWNLOAD =
            Pattern.compile("/wallet/transcripts/([0-9a-f-]{36})\\.json");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_download_a_transcript_that_verifies_when_the_learner_ticks_two_credentials(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN two credentials issued to Ada's verified address, one to Bob
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            UUID first = Learners.issue(server, org, "ada@example.org");
            UUID second = Learners.issue(server, org, "ada@example.org");
            UUID bobs = Learners.issue(server, org, "bob@example.org");
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");
            Learners.verified(server, "Bob", "bob@example.org");
            // and an import issued to someone else, which is not offered and is refused
            HttpResponse<String> upload =
                    Learners.upload(
                            server,
                            "/wallet/import",
                            ada,
                            new Multipart.File(
                                    "teamwork.json",
                                    "application/json",
                                    Vectors.bytes(WalletPagesTest.FOREIGN)),
                            null);
            UUID foreign = Learners.idFrom(upload);
            assertThat(Learners.get(server, "/wallet/transcripts", ada).body())
                    .contains("value=\"" + first + "\"")
                    .contains("value=\"" + second + "\"")
                    .doesNotContain("value=\"" + foreign + "\"");
            HttpResponse<String> refused = create(server, ada, List.of(first, foreign));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("id=\"transcript-error\"")
                    .contains("is not issued to any of your verified identifiers");

            // WHEN she ticks both
            HttpResponse<String> created = create(server, ada, List.of(first, second));

            // THEN the transcript is listed, and downloads as a CLR that verifies with both
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String list = Learners.get(server, "/wallet/transcripts", ada).body();
            Matcher link = DOWNLOAD.matcher(list);
            assertThat(link.find()).as(list).isTrue();
            HttpResponse<String> download = Learners.get(server, link.group(), ada);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("attachment");
            JsonObject clr = JsonInput.DEFAULT.parseObject(download.body());
            assertThat(clr.getJsonArray("type").toString()).contains("ClrCredential");
            VerificationReport report =
                    server.services()
                            .verification()
                            .verify(
                                    download.body().getBytes(StandardCharsets.UTF_8),
                                    VerifyOptions.DEFAULT);
            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(report.check(CheckName.NESTED_CREDENTIALS).orElseThrow().status())
                    .isEqualTo(CheckStatus.PASSED);
            assertThat(report.nested()).hasSize(2);

            // AND Bob's credential cannot go into her transcript
            assertThat(create(server, ada, List.of(first, bobs)).statusCode()).isEqualTo(404);
            assertThat(
                            Learners.get(
                                            server,
                                            "/wallet/transcripts/" + UUID.randomUUID() + ".json",
                                            ada)
                                    .statusCode())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_download_every_credential_and_a_manifest_when_the_learner_exports(
            TestDatabase testDatabase) throws Exception {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            UUID credential = Learners.issue(server, org, "ada@example.org");
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");
            create(server, ada, List.of(credential));

            // WHEN
            HttpResponse<byte[]> zip =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(server.uri("/wallet/export"))
                                            .header("Cookie", "credence_wallet=" + ada.cookie())
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());

            // THEN
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/zip");
            Map<String, byte[]> files = unzip(zip.body());
            assertThat(files).containsKeys("credentials/" + credential + ".json", "manifest.json");
            JsonObject manifest =
                    JsonInput.DEFAULT.parseObject(
                            new String(files.get("manifest.json"), StandardCharsets.UTF_8));
            Map<String, String> digests =
                    manifest.getJsonArray("files").getValuesAs(JsonObject.class).stream()
                            .collect(
                                    Collectors.toMap(
                                            file -> file.getString("path"),
                                            file -> file.getString("sha256")));
            assertThat(digests).hasSize(2).containsOnlyKeys(without(files, "manifest.json"));
            for (Map.Entry<String, String> digest : digests.entrySet()) {
                assertThat(sha256(files.get(digest.getKey()))).isEqualTo(digest.getValue());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_merge_the_other_wallet_and_then_delete_the_account_with_the_password(
            TestDatabase testDatabase) {
        try (TestServer server = TestServer.start(testDatabase)) {
            // GIVEN Ada's personal and work wallets, each with a credential
            CredentialPagesTest.Org org = CredentialPagesTest.org(server, "Safe Medication");
            UUID personal = Learners.issue(server, org, "ada@example.org");
            UUID work = Learners.issue(server, org, "ada@work.example");
            Learner ada = Learners.verified(server, "Ada", "ada@example.org");
            Learner atWork = Learners.verified(server, "Ada at work", "ada@work.example");

            // WHEN she signs in to the work wallet on the merge form, with a wrong password first
            HttpResponse<String> wrong =
                    Learners.post(
                            server,
                            "/wallet/merge",
                            ada,
                            Map.of("email", "ada@work.example", "password", "not it at all"));
            HttpResponse<String> merged =
                    Learners.post(
                            server,
                            "/wallet/merge",
                            ada,
                            Map.of("email", "ada@work.example", "password", TestServer.PASSWORD));

            // THEN
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("wrong e-mail address or password");
            assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
            assertThat(merged.body()).contains("1 identifiers, 0 credentials and 0 transcripts");
            assertThat(server.services().wallet().entries(ada.id()))
                    .extracting(WalletEntry::id)
                    .containsExactlyInAnyOrder(personal, work);
            assertThat(Learners.get(server, "/wallet", atWork).statusCode()).isEqualTo(302);

            // WHEN she deletes her account, with a wrong password first
            HttpResponse<String> refused =
                    Learners.post(
                            server, "/wallet/account/delete", ada, Map.of("password", "nope"));
            HttpResponse<String> deleted =
                    Learners.post(
                            server,
                            "/wallet/account/delete",
                            ada,
                            Map.of("password", TestServer.PASSWORD));

            // THEN signed out, and both addresses are free again
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(TestServer.cookie(deleted, "credence_wallet")).isEmpty();
            assertThat(Learners.get(server, "/wallet", ada).statusCode()).isEqualTo(302);
            Learner again = Learners.verified(server, "Ada", "ada@work.example");
            assertThat(server.services().wallet().entries(again.id()))
                    .extracting(WalletEntry::id)
                    .containsExactly(work);
        }
    }

    /** Posts the ticked credentials, as the transcript form does (the field repeated). */
    static HttpResponse<String> create(TestServer server, Learner learner, List<UUID> ids) {
        String body =
                "_csrf="
                        + URLEncoder.encode(learner.csrf(), StandardCharsets.UTF_8)
                        + ids.stream().map(id -> "&credential=" + id).collect(Collectors.joining());
        return server.send(
                HttpRequest.newBuilder(server.uri("/wallet/transcripts"))
                        .header("Cookie", "credence_wallet=" + learner.cookie())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String[] without(Map<String, byte[]> files, String name) {
        return files.keySet().stream().filter(key -> !key.equals(name)).toArray(String[]::new);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}

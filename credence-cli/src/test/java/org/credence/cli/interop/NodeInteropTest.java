package org.credence.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.imageio.ImageIO;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.crypto.KeyFile;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.status.BitstringStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusPurpose;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.FixedClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credence against independent JavaScript implementations, through the offline Node harness in
 * {@code interop/} ({@code @digitalbazaar/vc} and {@code @digitalcredentials/verifier-core}): what
 * Credence issues verifies there, what the harness issues verifies here, and tampering is caught
 * both ways. Every harness launch costs about a second, so the fixtures are made once.
 *
 * <p>Needs {@code node} (20+) on the PATH and the harness installed ({@code npm ci --prefix
 * interop}, which {@code mvn verify} does in credence-cli). Without them the tests fail: they are
 * never skipped silently.
 */
class NodeInteropTest {

    private static final Clock CLOCK = FixedClock.vectorsNow();
    private static final String STATUS_LIST_URL = "https://credence.example/status/interop-1";
    private static final int REVOKED_INDEX = 7;
    private static final int VALID_INDEX = 8;

    @TempDir static Path work;

    private static NodeHarness node;
    private static Path repository;
    private static Path fixtures;
    private static KeyFile key;
    private static Issuer issuer;
    private static Verifier verifier;
    private static JsonObject international;

    @BeforeAll
    static void setUp() throws IOException {
        node = NodeHarness.installed(work);
        repository = node.repository();
        Path keyFile = work.resolve("key.json");
        Files.writeString(keyFile, node.run("interop/keygen.mjs"));
        key = KeyFile.read(Files.readString(keyFile));
        issuer = new Issuer(key, Canonicalizer.standard(), CLOCK);
        fixtures = Files.createDirectories(work.resolve("fixtures"));
        JsonObject statusList = issuer.sign(statusListCredential());
        Files.writeString(
                fixtures.resolve("status.json"),
                Json.createObjectBuilder()
                        .add("url", STATUS_LIST_URL)
                        .add("document", statusList)
                        .build()
                        .toString());
        verifier =
                Verifier.builder()
                        .fetcher(FixtureDocuments.fromDirectory(fixtures))
                        .clock(CLOCK)
                        .build();
        international = issuer.sign(internationalCredential(VALID_INDEX));
    }

    @Test
    void should_verify_in_the_vc_engine_when_credence_issued_a_credential_with_non_ascii_names()
            throws IOException {
        JsonObject result = nodeVerify("vc", write("international.json", international));

        assertThat(result.getBoolean("verified")).as(result.toString()).isTrue();
        assertThat(result.getBoolean("statusChecked")).as(result.toString()).isTrue();
        assertThat(result.getBoolean("revoked")).isFalse();
        assertThat(verifier.verify(bytes(international), VerifyOptions.DEFAULT).isVerified())
                .isTrue();
    }

    @Test
    void should_verify_in_verifier_core_when_credence_issued_a_credential_with_non_ascii_names()
            throws IOException {
        JsonObject result =
                nodeVerify("verifier-core", write("international-core.json", international));

        assertThat(result.getBoolean("verified")).as(result.toString()).isTrue();
        assertThat(result.getBoolean("statusChecked")).as(result.toString()).isTrue();
    }

    @Test
    void should_report_revoked_in_both_when_the_credence_status_list_has_the_bit_set()
            throws IOException {
        // GIVEN
        JsonObject revoked = issuer.sign(internationalCredential(REVOKED_INDEX));

        // WHEN
        JsonObject node = nodeVerify("vc", write("revoked.json", revoked));
        VerificationReport credence = verifier.verify(bytes(revoked), VerifyOptions.DEFAULT);

        // THEN
        assertThat(node.getBoolean("verified")).as(node.toString()).isFalse();
        assertThat(node.getBoolean("statusChecked")).as(node.toString()).isTrue();
        assertThat(node.getBoolean("revoked")).as(node.toString()).isTrue();
        assertThat(credence.check(CheckName.STATUS))
                .get()
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAILED))
                .satisfies(check -> assertThat(check.code()).isEqualTo("REVOKED"));
    }

    @Test
    void should_verify_in_node_when_credence_baked_the_credential_into_a_png() throws IOException {
        byte[] png = new BadgeBaker().bakePng(blankPng(), international.toString());

        JsonObject result = nodeVerify("vc", Files.write(work.resolve("badge.png"), png));

        assertThat(result.getBoolean("verified")).as(result.toString()).isTrue();
    }

    @Test
    void should_verify_in_node_when_credence_baked_the_credential_into_an_svg() throws IOException {
        String svg =
                new BadgeBaker()
                        .bakeSvg(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
                                        + " height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>",
                                international.toString());

        JsonObject result =
                nodeVerify(
                        "vc",
                        Files.writeString(work.resolve("badge.svg"), svg, StandardCharsets.UTF_8));

        assertThat(result.getBoolean("verified")).as(result.toString()).isTrue();
    }

    @Test
    void should_verify_in_credence_when_node_issued_the_credential() throws IOException {
        // GIVEN
        Path unsigned = write("node-unsigned.json", internationalCredential(VALID_INDEX));

        // WHEN
        String signed =
                node.run(
                        "interop/issue.mjs",
                        "--key",
                        work.resolve("key.json").toString(),
                        "--set-issuer",
                        unsigned.toString());
        VerificationReport report =
                verifier.verify(signed.getBytes(StandardCharsets.UTF_8), VerifyOptions.DEFAULT);
        VerificationReport tampered =
                verifier.verify(
                        tamper(signed).getBytes(StandardCharsets.UTF_8), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.isVerified()).as(report.problems().toString()).isTrue();
        assertThat(tampered.check(CheckName.PROOF))
                .get()
                .extracting(check -> check.status(), check -> check.code())
                .containsExactly(CheckStatus.FAILED, "INVALID_PROOF");
    }

    @Test
    void should_fail_in_node_when_a_credence_credential_was_tampered_with() throws IOException {
        Path tampered = write("tampered.json", parse(tamper(international.toString())));

        JsonObject result = nodeVerify("vc", tampered);

        assertThat(result.getBoolean("verified")).as(result.toString()).isFalse();
        assertThat(result.getJsonArray("errors")).isNotEmpty();
    }

    /**
     * The harness's OB 3.0 sample with names in Chinese, Arabic and accented Latin, and a status.
     */
    private static JsonObject internationalCredential(int statusIndex) throws IOException {
        JsonObject sample =
                parse(Files.readString(repository.resolve("interop/samples/ob3-minimal.json")));
        JsonObject subject = sample.getJsonObject("credentialSubject");
        JsonObject achievement =
                Json.createObjectBuilder(subject.getJsonObject("achievement"))
                        .add("name", "العمل الجماعي · 团队合作")
                        .add(
                                "description",
                                "Reconnaît la capacité à collaborer — naïveté, façade, Ærø")
                        .build();
        return Json.createObjectBuilder(sample)
                .add("id", "urn:uuid:7d2c4a10-5b8e-4f3a-9c61-2e8f0a1b" + (1000 + statusIndex))
                .add(
                        "issuer",
                        Json.createObjectBuilder(sample.getJsonObject("issuer"))
                                .add("id", key.controller())
                                .add("name", "清华学院 · أكاديمية الاختبار · École Crédence"))
                .add("name", "Insignia de Colaboración 团队合作 العمل")
                .add("description", "Décerné à Zoë Ñúñez — 授予 — مُنحت")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder(subject).add("achievement", achievement))
                .add(
                        "credentialStatus",
                        Json.createObjectBuilder()
                                .add("id", STATUS_LIST_URL + "#" + statusIndex)
                                .add("type", "BitstringStatusListEntry")
                                .add("statusPurpose", "revocation")
                                .add("statusListIndex", Integer.toString(statusIndex))
                                .add("statusListCredential", STATUS_LIST_URL))
                .build();
    }

    private static JsonObject statusListCredential() {
        BitstringStatusList list =
                BitstringStatusList.create(BitstringStatusList.MIN_LENGTH_BITS)
                        .with(REVOKED_INDEX, true);
        return new StatusListCredentials(CLOCK)
                .unsigned(
                        URI.create(STATUS_LIST_URL),
                        key.controller(),
                        StatusPurpose.REVOCATION,
                        list);
    }

    /** One character of the credential's name changed. */
    private static String tamper(String credential) {
        assertThat(credential).contains("Colaboración");
        return credential.replace("Colaboración", "Colaboracion");
    }

    private static JsonObject nodeVerify(String engine, Path file) {
        return node.verify(engine, fixtures, file);
    }

    private static Path write(String name, JsonObject json) throws IOException {
        return Files.writeString(work.resolve(name), json.toString(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject parse(String json) {
        return NodeHarness.parse(json);
    }

    private static byte[] blankPng() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

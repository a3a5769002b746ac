package org.credence.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyFileTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_write_a_did_key_multikey_document_when_generated(KeyType type) {
        // GIVEN
        KeyFile file = KeyFile.generate(type, new SecureRandom());
        String multibase = file.signingKey().publicKey().multibase();

        // WHEN
        JsonObject json = Json.createReader(new StringReader(file.toJson())).readObject();

        // THEN
        assertThat(json.getString("@context")).isEqualTo("https://w3id.org/security/multikey/v1");
        assertThat(json.getString("type")).isEqualTo("Multikey");
        assertThat(json.getString("controller")).isEqualTo("did:key:" + multibase);
        assertThat(json.getString("id")).isEqualTo("did:key:" + multibase + "#" + multibase);
        assertThat(json.getString("publicKeyMultibase")).isEqualTo(multibase);
        assertThat(json.getString("secretKeyMultibase"))
                .isEqualTo(file.signingKey().secretMultibase());
        assertThat(file.controller()).isEqualTo("did:key:" + multibase);
        assertThat(file.verificationMethodId()).isEqualTo(json.getString("id"));
    }

    @Test
    void should_read_back_what_it_wrote_when_controller_is_did_web() {
        // GIVEN
        KeyFile file =
                KeyFile.generate(KeyType.ED25519, new SecureRandom())
                        .withController("did:web:example.com", "did:web:example.com#key-1");

        // WHEN
        KeyFile read = KeyFile.read(file.toJson());

        // THEN
        assertThat(read.controller()).isEqualTo("did:web:example.com");
        assertThat(read.verificationMethodId()).isEqualTo("did:web:example.com#key-1");
        assertThat(read.signingKey().secretMultibase())
                .isEqualTo(file.signingKey().secretMultibase());
    }

    @Test
    void should_default_to_did_key_when_reading_a_bare_key_pair() throws IOException {
        // GIVEN
        String json =
                Files.readString(SigningKeyTest.VECTORS.resolve("w3c-vc-di-eddsa/keyPair.json"));

        // WHEN
        KeyFile file = KeyFile.read(json);

        // THEN
        assertThat(file.controller())
                .isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(file.verificationMethodId())
                .isEqualTo(
                        "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
                                + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    }

    @Test
    void should_refuse_document_when_type_is_not_multikey() {
        // GIVEN
        KeyFile file = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        String json = file.toJson().replace("\"Multikey\"", "\"Ed25519VerificationKey2020\"");

        // WHEN / THEN
        assertThatThrownBy(() -> KeyFile.read(json)).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void should_refuse_document_when_secret_is_missing() {
        // WHEN / THEN
        assertThatThrownBy(() -> KeyFile.read("{\"type\":\"Multikey\"}"))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("secretKeyMultibase");
        assertThatThrownBy(() -> KeyFile.read("not json")).isInstanceOf(KeyFormatException.class);
    }

    @Test
    void should_hide_secret_when_printed() {
        // GIVEN
        KeyFile file = KeyFile.generate(KeyType.ED25519, new SecureRandom());

        // WHEN / THEN
        assertThat(file.toString()).doesNotContain(file.signingKey().secretMultibase());
    }
}

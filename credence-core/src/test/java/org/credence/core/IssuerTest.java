package org.credence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.model.ModelException;
import org.junit.jupiter.api.Test;

/** The Issuer front door refuses, before any signing, what the VC Data Model forbids. */
class IssuerTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Issuer ISSUER = new Issuer(KEY, Canonicalizer.standard(), CLOCK);

    @Test
    void should_refuse_to_sign_either_way_when_evidence_has_no_type() {
        // GIVEN
        JsonObject credential =
                Json.createObjectBuilder(credential())
                        .add("evidence", Json.createObjectBuilder().add("name", "Logbook"))
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> ISSUER.sign(credential))
                .isInstanceOf(ModelException.class)
                .hasMessage(
                        "evidence.type: is required (VC Data Model 2.0: each such object must say"
                                + " its type)");
        assertThatThrownBy(() -> ISSUER.signJwt(credential))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("evidence.type:");
    }

    @Test
    void should_refuse_to_sign_when_an_extra_subject_is_empty() {
        JsonObject credential =
                Json.createObjectBuilder(credential())
                        .add(
                                "credentialSubject",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("name", "Ada"))
                                        .add(JsonObject.EMPTY_JSON_OBJECT))
                        .build();

        assertThatThrownBy(() -> ISSUER.sign(credential))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("credentialSubject[1]: is empty");
    }

    @Test
    void should_sign_when_the_subject_has_claims_but_no_id() {
        JsonObject signed = ISSUER.sign(credential());

        assertThat(signed.getJsonObject("proof").getString("cryptosuite"))
                .isEqualTo("eddsa-rdfc-2022");
    }

    private static JsonObject credential() {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://www.w3.org/ns/credentials/examples/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                .add("issuer", KEY.controller())
                .add("validFrom", "2026-11-28T12:00:00Z")
                .add("credentialSubject", Json.createObjectBuilder().add("name", "Ada"))
                .build();
    }
}

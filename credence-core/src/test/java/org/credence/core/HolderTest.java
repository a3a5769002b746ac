package org.credence.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.jsonld.Canonicalizer;
import org.junit.jupiter.api.Test;

/** What a {@link Holder} writes into the presentations it signs. */
class HolderTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Holder HOLDER = new Holder(KEY, Canonicalizer.standard(), CLOCK);

    @Test
    void should_write_an_authentication_proof_bound_to_the_challenge_and_domain() {
        // WHEN
        JsonObject signed = HOLDER.sign(presentation(KEY.controller()), "c-123", "v.example");

        // THEN
        JsonObject proof = signed.getJsonObject("proof");
        assertThat(proof.getString("proofPurpose")).isEqualTo("authentication");
        assertThat(proof.getString("challenge")).isEqualTo("c-123");
        assertThat(proof.getString("domain")).isEqualTo("v.example");
        assertThat(proof.getString("verificationMethod")).isEqualTo(KEY.verificationMethodId());
        assertThat(proof.getString("created")).isEqualTo("2026-11-28T12:00:00Z");
    }

    @Test
    void should_put_holder_nonce_and_audience_in_a_vp_jwt() throws Exception {
        // WHEN
        String jwt = HOLDER.signJwt(presentation(KEY.controller()), "c-123", "v.example");

        // THEN
        Map<String, Object> claims = JWSObject.parse(jwt).getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("iss", KEY.controller())
                .containsEntry("nonce", "c-123")
                .containsEntry("aud", "v.example")
                .containsKey("vp");
    }

    @Test
    void should_refuse_to_sign_for_another_holder() {
        assertThatThrownBy(() -> HOLDER.sign(presentation("did:example:someone"), "c", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the signing key's controller");
    }

    private static JsonObject presentation(String holder) {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", holder)
                .build();
    }
}

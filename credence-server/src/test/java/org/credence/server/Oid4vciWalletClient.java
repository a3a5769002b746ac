package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;

/**
 * A wallet that follows OpenID for Verifiable Credential Issuance 1.0 (pre-authorised code flow)
 * over HTTP, as an EUDI-style wallet does: offer → issuer and authorisation server metadata → token
 * → nonce → key proof → credential. The holder key is an Ed25519 {@code did:key} signed with the
 * core's keys; the proof JWT is assembled by hand (header, payload, signature) so that the test
 * owns every byte the server checks.
 *
 * <p>The server's public base URL is {@code http://localhost} while it listens on a random port:
 * {@link #resolve} sends every URL to the test port, as a reverse proxy would, and leaves the
 * protocol values (issuer identifier, audience) untouched.
 */
final class Oid4vciWalletClient {

    /** The steps' results a happy-path run keeps. */
    record Received(String configurationId, JsonValue credential) {}

    private final TestServer server;
    private final KeyFile holder;
    private final Clock clock;

    Oid4vciWalletClient(TestServer server, KeyFile holder, Clock clock) {
        this.server = server;
        this.holder = holder;
        this.clock = clock;
    }

    /** The whole flow from a credential offer URI, asserting each step succeeds. */
    Received receive(String credentialOfferUri) {
        JsonObject offer = ok(get(credentialOfferUri));
        String issuer = offer.getString("credential_issuer");
        String configurationId = offer.getJsonArray("credential_configuration_ids").getString(0);
        String code =
                offer.getJsonObject("grants")
                        .getJsonObject("urn:ietf:params:oauth:grant-type:pre-authorized_code")
                        .getString("pre-authorized_code");
        JsonObject metadata = ok(get(issuer + "/.well-known/openid-credential-issuer"));
        assertThat(metadata.getJsonObject("credential_configurations_supported"))
                .containsKey(configurationId);
        JsonObject server = ok(get(issuer + "/.well-known/oauth-authorization-server"));
        String accessToken =
                ok(token(server.getString("token_endpoint"), code)).getString("access_token");
        String nonce = nonce(metadata.getString("nonce_endpoint"));
        HttpResponse<String> response =
                credential(
                        metadata.getString("credential_endpoint"),
                        accessToken,
                        configurationId,
                        proof(issuer, nonce, clock.instant().getEpochSecond()));
        JsonValue credential =
                ok(response).getJsonArray("credentials").getJsonObject(0).get("credential");
        return new Received(configurationId, credential);
    }

    HttpResponse<String> get(String url) {
        return server.send(HttpRequest.newBuilder(resolve(url)).GET());
    }

    HttpResponse<String> token(String tokenEndpoint, String code) {
        return server.send(
                HttpRequest.newBuilder(resolve(tokenEndpoint))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                TestServer.form(
                                        Map.of(
                                                "grant_type",
                                                "urn:ietf:params:oauth:grant-type:pre-authorized_code",
                                                "pre-authorized_code",
                                                code))));
    }

    String nonce(String nonceEndpoint) {
        return ok(server.send(
                        HttpRequest.newBuilder(resolve(nonceEndpoint))
                                .POST(HttpRequest.BodyPublishers.noBody())))
                .getString("c_nonce");
    }

    /** A {@code jwt} key proof: typ openid4vci-proof+jwt, EdDSA, kid the holder's did:key. */
    String proof(String audience, String nonce, long issuedAt) {
        JsonObject header =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("typ", "openid4vci-proof+jwt")
                        .add("alg", "EdDSA")
                        .add("kid", holder.verificationMethodId())
                        .build();
        JsonObject payload =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("aud", audience)
                        .add("iat", issuedAt)
                        .add("nonce", nonce)
                        .build();
        String signingInput = base64(header.toString()) + "." + base64(payload.toString());
        byte[] signature =
                holder.signingKey().sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** A credential request with one proof; {@code accessToken} null sends no Authorization. */
    HttpResponse<String> credential(
            String endpoint, String accessToken, String configurationId, String proof) {
        String body =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("credential_configuration_id", configurationId)
                        .add(
                                "proofs",
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("jwt", Jsons.PROVIDER.createArrayBuilder().add(proof)))
                        .build()
                        .toString();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(resolve(endpoint))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return server.send(request);
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JsonInput.DEFAULT.parseObject(response.body());
    }

    private URI resolve(String url) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme() + "://" + uri.getAuthority()).isEqualTo("http://localhost");
        return server.uri(uri.getRawPath());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

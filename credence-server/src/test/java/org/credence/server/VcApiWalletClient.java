package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.credence.core.Holder;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;

/**
 * A wallet that follows a VC-API exchange as the DCC Learner Credential Wallet does: post to the
 * exchange, read the {@code verifiablePresentationRequest} (DIDAuthentication, challenge, domain),
 * answer with a DID Authentication presentation signed by the core {@link Holder}, and take the
 * credential from the {@code verifiablePresentation} it receives. URLs are sent to the test port as
 * in {@link Oid4vciWalletClient}.
 */
final class VcApiWalletClient {

    /**
     * The exchange's DID Authentication request.
     *
     * @param challenge what the proof must carry
     * @param domain what the proof must be bound to
     */
    record DidAuthRequest(String challenge, String domain) {}

    private final TestServer server;
    private final Holder holder;

    VcApiWalletClient(TestServer server, Holder holder) {
        this.server = server;
        this.holder = holder;
    }

    /** Starts the exchange: an empty post, answered with a DID Authentication request. */
    DidAuthRequest start(String exchangeUrl) {
        HttpResponse<String> response = post(exchangeUrl, "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject request =
                JsonInput.DEFAULT
                        .parseObject(response.body())
                        .getJsonObject("verifiablePresentationRequest");
        assertThat(request.getJsonArray("query").getJsonObject(0).getString("type"))
                .isEqualTo("DIDAuthentication");
        return new DidAuthRequest(request.getString("challenge"), request.getString("domain"));
    }

    /** The DID Authentication presentation: no credentials, the holder's proof only. */
    JsonObject didAuthentication(String challenge, String domain) {
        JsonObject presentation =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "@context",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2"))
                        .add(
                                "type",
                                Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                        .add("holder", holder.holderId())
                        .build();
        return holder.sign(presentation, challenge, domain);
    }

    /** Answers the exchange with a presentation. */
    HttpResponse<String> present(String exchangeUrl, JsonObject presentation) {
        return post(
                exchangeUrl,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("verifiablePresentation", presentation)
                        .build()
                        .toString());
    }

    /** The whole exchange, asserting success: the first credential of the answered presentation. */
    JsonObject receive(String exchangeUrl) {
        DidAuthRequest request = start(exchangeUrl);
        HttpResponse<String> response =
                present(exchangeUrl, didAuthentication(request.challenge(), request.domain()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonInput.DEFAULT
                .parseObject(response.body())
                .getJsonObject("verifiablePresentation")
                .getJsonArray("verifiableCredential")
                .getJsonObject(0);
    }

    HttpResponse<String> post(String url, String body) {
        URI uri = URI.create(url);
        assertThat(uri.getScheme() + "://" + uri.getAuthority()).isEqualTo("http://localhost");
        return server.send(
                HttpRequest.newBuilder(server.uri(uri.getRawPath()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}

package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.credential.CredentialDocument;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.exchange.ExchangeService;
import org.credence.app.exchange.ExchangeStep;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.server.web.Routes;

/**
 * {@code POST /exchanges/{exchangeId}}: a VC-API exchange delivering one claimed credential, in the
 * shape the DCC Learner Credential Wallet follows. A post without {@code verifiablePresentation} is
 * answered with a {@code verifiablePresentationRequest} for {@code DIDAuthentication}; a post with
 * the signed presentation is answered with {@code {"verifiablePresentation": {…}}} holding the
 * credential. Public: the random exchange id is the permission; rate-limited with the other public
 * verifications (answering a presentation verifies it).
 */
public final class ExchangeApi {

    public static final String PREFIX = "/exchanges/";
    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final long MAX_BODY = 1024 * 1024;

    private final ExchangeService exchanges;
    private final RateLimiter limit;

    public ExchangeApi(ExchangeService exchanges, RateLimiter limit) {
        this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    public void register(Routes routes) {
        routes.publicApi(HandlerType.POST, PREFIX + "{exchangeId}", MAX_BODY, this::post);
    }

    private void post(Context ctx) {
        limit.acquire(ctx.ip());
        UUID id = exchangeId(ctx.pathParam("exchangeId"));
        ExchangeStep step = exchanges.step(id, presentation(ctx.body()));
        JsonObject answer =
                step instanceof ExchangeStep.Delivered delivered
                        ? delivered(delivered.credential())
                        : request((ExchangeStep.DidAuthRequest) step);
        JsonBodies.send(ctx, 200, answer);
    }

    private static UUID exchangeId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw AppException.notFound("Exchange");
        }
    }

    /** The posted presentation as text: a JSON object, or a VP-JWT string. */
    private static Optional<String> presentation(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonValue value = JsonBodies.parse(body).get("verifiablePresentation");
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString jwt) {
            return Optional.of(jwt.getString());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw AppException.invalid("verifiablePresentation: must be an object or a VP-JWT");
        }
        return Optional.of(value.toString());
    }

    private static JsonObject request(ExchangeStep.DidAuthRequest request) {
        JsonObject query =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", "DIDAuthentication")
                        .add(
                                "acceptedMethods",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add(
                                                Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add("method", "key")))
                        .add(
                                "acceptedCryptosuites",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add(
                                                Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add("cryptosuite", "eddsa-rdfc-2022")))
                        .build();
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "verifiablePresentationRequest",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("query", Jsons.PROVIDER.createArrayBuilder().add(query))
                                .add("challenge", request.challenge())
                                .add("domain", request.domain()))
                .build();
    }

    /**
     * The credential in a presentation: a Data Integrity credential as is, a VC-JWT as an {@code
     * EnvelopedVerifiableCredential} (VC Data Model 2.0 §4.13).
     */
    private static JsonObject delivered(CredentialDocument credential) {
        JsonValue embedded =
                credential.format() == SecuringFormat.VC_JWT
                        ? Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("@context", VC_V2)
                                .add("id", "data:application/vc+jwt," + credential.text())
                                .add("type", "EnvelopedVerifiableCredential")
                                .build()
                        : JsonInput.DEFAULT.parseObject(credential.text());
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "verifiablePresentation",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(VC_V2))
                                .add(
                                        "type",
                                        Jsons.PROVIDER
                                                .createArrayBuilder()
                                                .add("VerifiablePresentation"))
                                .add(
                                        "verifiableCredential",
                                        Jsons.PROVIDER.createArrayBuilder().add(embedded)))
                .build();
    }
}

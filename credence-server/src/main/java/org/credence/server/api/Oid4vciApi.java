package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.credential.CredentialDocument;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.exchange.AccessToken;
import org.credence.app.exchange.CredentialOffer;
import org.credence.app.exchange.CredentialRequest;
import org.credence.app.exchange.Oid4vciService;
import org.credence.app.exchange.WalletError;
import org.credence.app.exchange.WalletProtocolException;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.server.web.Routes;

/**
 * OpenID for Verifiable Credential Issuance 1.0, pre-authorised code flow: issuer and authorisation
 * server metadata, the credential offer by reference, and the token, nonce and credential
 * endpoints. Public routes: the offer token, the code and the access token are the permissions.
 * Errors are OAuth error JSON (mapped in {@code ErrorMapper}).
 */
public final class Oid4vciApi {

    public static final String ISSUER_METADATA = "/.well-known/openid-credential-issuer";
    public static final String AS_METADATA = "/.well-known/oauth-authorization-server";
    public static final String PREFIX = "/oid4vci/";
    private static final long MAX_BODY = 64 * 1024;

    private final Oid4vciService service;
    private final RateLimiter limit;
    private final JsonObject issuerMetadata;
    private final JsonObject serverMetadata;

    public Oid4vciApi(Oid4vciService service, RateLimiter limit) {
        this.service = Objects.requireNonNull(service, "service");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.issuerMetadata = Oid4vciMetadata.issuer(service.issuerId());
        this.serverMetadata = Oid4vciMetadata.authorizationServer(service.issuerId());
    }

    public void register(Routes routes) {
        routes.publicGet(ISSUER_METADATA, ctx -> JsonBodies.send(ctx, 200, issuerMetadata));
        routes.publicGet(AS_METADATA, ctx -> JsonBodies.send(ctx, 200, serverMetadata));
        routes.publicGet(PREFIX + "offers/{token}", this::offer);
        routes.publicApi(HandlerType.POST, PREFIX + "token", MAX_BODY, this::token);
        routes.publicApi(HandlerType.POST, PREFIX + "nonce", MAX_BODY, this::nonce);
        routes.publicApi(HandlerType.POST, PREFIX + "credential", MAX_BODY, this::credential);
    }

    private void offer(Context ctx) {
        CredentialOffer offer = service.offer(ctx.pathParam("token"));
        JsonObject json =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("credential_issuer", offer.credentialIssuer())
                        .add(
                                "credential_configuration_ids",
                                Jsons.PROVIDER.createArrayBuilder().add(offer.configuration().id()))
                        .add(
                                "grants",
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add(
                                                Oid4vciService.PRE_AUTHORIZED_GRANT,
                                                Jsons.PROVIDER
                                                        .createObjectBuilder()
                                                        .add(
                                                                "pre-authorized_code",
                                                                offer.preAuthorizedCode())))
                        .build();
        JsonBodies.send(ctx, 200, json);
    }

    private void token(Context ctx) {
        limit.acquire(ctx.ip());
        if (!Routes.isForm(ctx)) {
            throw new WalletProtocolException(
                    WalletError.INVALID_REQUEST, "send application/x-www-form-urlencoded");
        }
        AccessToken token =
                service.token(ctx.formParam("grant_type"), ctx.formParam("pre-authorized_code"));
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("access_token", token.token())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresInSeconds())
                        .build());
    }

    private void nonce(Context ctx) {
        limit.acquire(ctx.ip());
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER.createObjectBuilder().add("c_nonce", service.nonce()).build());
    }

    private void credential(Context ctx) {
        limit.acquire(ctx.ip());
        String accessToken = bearer(ctx.header("Authorization"));
        CredentialRequest request = request(ctx.body());
        CredentialDocument document = service.credential(accessToken, request);
        JsonValue credential =
                document.format() == SecuringFormat.VC_JWT
                        ? Jsons.PROVIDER.createValue(document.text())
                        : JsonInput.DEFAULT.parseObject(document.text());
        JsonObjectBuilder item = Jsons.PROVIDER.createObjectBuilder().add("credential", credential);
        JsonBodies.send(
                ctx,
                200,
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("credentials", Jsons.PROVIDER.createArrayBuilder().add(item))
                        .build());
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    /**
     * {@code credential_configuration_id} and the {@code jwt} proofs: {@code proofs.jwt} (1.0), or
     * a single {@code proof} object of type {@code jwt} as earlier drafts and many wallets still
     * send.
     */
    static CredentialRequest request(String body) {
        JsonObject json;
        try {
            json = JsonInput.DEFAULT.parseObject(body);
        } catch (InputException e) {
            throw new WalletProtocolException(
                    WalletError.INVALID_CREDENTIAL_REQUEST,
                    "the body must be a JSON object: " + e.getMessage());
        }
        Optional<String> configuration =
                json.get("credential_configuration_id") instanceof JsonString id
                        ? Optional.of(id.getString())
                        : Optional.empty();
        List<String> proofs = new ArrayList<>();
        if (json.get("proofs") instanceof JsonObject all
                && all.get("jwt") instanceof JsonArray jwts) {
            jwts.forEach(jwt -> proofs.add(jwt instanceof JsonString text ? text.getString() : ""));
        }
        if (json.get("proof") instanceof JsonObject single
                && single.get("jwt") instanceof JsonString jwt) {
            proofs.add(jwt.getString());
        }
        return new CredentialRequest(configuration, proofs);
    }
}

package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.credence.app.AppException;
import org.credence.app.award.IssuedCredential;
import org.credence.app.award.ProvidedRequest;
import org.credence.app.status.StatusPolicy;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonComplexity;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.Services;
import org.credence.server.web.Routes;

/**
 * The W3C VC-API (w3c-ccg.github.io/vc-api): {@code POST /credentials/issue} and {@code POST
 * /credentials/status} for an issuer's API token, {@code POST /credentials/verify} and {@code POST
 * /presentations/verify} for anyone, rate-limited per client address (one shared limiter).
 * Verification is the core {@code Verifier} with this installation's own DID documents and status
 * lists read locally, as {@code credence verify} runs it. Request bodies are read with the core's
 * limits (4 MiB, depth 100, duplicate keys refused).
 */
public final class VcApi {

    /** Request bodies: a credential with embedded images fits; 5 MB does not. */
    public static final long MAX_BODY = 4L * 1024 * 1024;

    private static final Set<String> ISSUE_OPTIONS =
            Set.of("issuerId", "credentialId", "statusPolicy", "credentialStatus");

    private final Services services;
    private static final JsonInput VERIFICATION_REQUEST =
            JsonInput.DEFAULT.withComplexity(JsonComplexity.UNBOUNDED);

    private final RateLimiter verifyLimit;
    private final CredentialStatusRequest statusRequests;

    public VcApi(Services services, RateLimiter verifyLimit) {
        this.services = Objects.requireNonNull(services, "services");
        this.verifyLimit = Objects.requireNonNull(verifyLimit, "verifyLimit");
        this.statusRequests = new CredentialStatusRequest();
    }

    public void register(Routes routes) {
        routes.api(
                HandlerType.POST,
                "/credentials/issue",
                MAX_BODY,
                (ctx, actor) -> {
                    JsonObject body = body(ctx);
                    JsonObject options = options(body);
                    for (String option : options.keySet()) {
                        if (!ISSUE_OPTIONS.contains(option)) {
                            throw AppException.invalid(
                                    "options."
                                            + option
                                            + ": not supported (Credence knows"
                                            + " options.issuerId, options.credentialId,"
                                            + " options.statusPolicy and"
                                            + " options.credentialStatus)");
                        }
                    }
                    IssuedCredential issued =
                            services.awards()
                                    .signProvided(
                                            actor,
                                            new ProvidedRequest(
                                                    member(body, "credential"),
                                                    optionalString(options, "options.issuerId"),
                                                    optionalString(options, "options.credentialId"),
                                                    withStatus(options)),
                                            StatusPolicy.parse(
                                                    "options.statusPolicy",
                                                    optionalString(options, "options.statusPolicy")
                                                            .orElse(null)));
                    JsonBodies.send(
                            ctx,
                            201,
                            Jsons.PROVIDER
                                    .createObjectBuilder()
                                    .add(
                                            "verifiableCredential",
                                            JsonInput.DEFAULT.parseObject(issued.document()))
                                    .build());
                });
        routes.publicApi(
                HandlerType.POST,
                "/credentials/verify",
                MAX_BODY,
                ctx -> {
                    verifyLimit.acquire(ctx.ip());
                    JsonObject body = verificationBody(ctx);
                    VerifyChecks checks = VerifyChecks.of(options(body));
                    VerificationReport report =
                            services.verification()
                                    .verify(
                                            input(body.get("verifiableCredential")),
                                            VerifyOptions.DEFAULT);
                    JsonObject result = VerificationJson.of(report, checks);
                    // vc-api verifier.yml: 200 only for a verified credential; 400 otherwise,
                    // with the same result body so that callers learn why.
                    JsonBodies.send(ctx, result.getBoolean("verified") ? 200 : 400, result);
                });
        routes.publicApi(
                HandlerType.POST,
                "/presentations/verify",
                MAX_BODY,
                ctx -> {
                    verifyLimit.acquire(ctx.ip());
                    PresentationVerifyRequest request =
                            PresentationVerifyRequest.parse(verificationBody(ctx));
                    VerificationReport report =
                            services.verification().verify(request.input(), request.options());
                    JsonObject result = VerificationJson.ofPresentation(report);
                    // As /credentials/verify (vc-api verifier.yml): 400 for anything not verified.
                    JsonBodies.send(ctx, result.getBoolean("verified") ? 200 : 400, result);
                });
        routes.api(
                HandlerType.POST,
                "/credentials/status",
                MAX_BODY,
                (ctx, actor) -> {
                    CredentialStatusRequest.Change change = statusRequests.parse(body(ctx));
                    JsonBodies.send(ctx, 200, change.apply(services, actor));
                });
    }

    /** The bytes to verify: a credential object, or the JWS of an enveloped VC-JWT. */
    private static byte[] input(JsonValue value) {
        if (!(value instanceof JsonObject credential)) {
            throw AppException.invalid("verifiableCredential: is required (a JSON object)");
        }
        String id = credential.getString("id", "");
        if (id.startsWith("data:application/vc+jwt,")) {
            return id.substring(id.indexOf(',') + 1).getBytes(StandardCharsets.UTF_8);
        }
        return credential.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A verification request: size, depth and duplicate keys as any body, but not the complexity
     * limits, which the verifier applies to the credential or presentation inside and reports as a
     * {@code TOO_COMPLEX} check in the verification result (parsing is linear; JSON-LD work is what
     * the limits bound).
     */
    private static JsonObject verificationBody(Context ctx) {
        try {
            return VERIFICATION_REQUEST.parseObject(ctx.body());
        } catch (InputException e) {
            throw AppException.invalid("body: " + e.getMessage());
        }
    }

    static JsonObject body(Context ctx) {
        return JsonBodies.object(ctx);
    }

    private static JsonObject options(JsonObject body) {
        JsonValue options = body.get("options");
        if (options == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(options instanceof JsonObject object)) {
            throw AppException.invalid("options: must be a JSON object");
        }
        return object;
    }

    private static JsonObject member(JsonObject body, String name) {
        if (!(body.get(name) instanceof JsonObject object)) {
            throw AppException.invalid(name + ": is required (a JSON object)");
        }
        return object;
    }

    /**
     * {@code options.credentialStatus}: {@code false} for a credential without a status entry (VC
     * 2.0 allows it; it can then be neither revoked nor suspended); {@code true}, the default, for
     * Credence's entries.
     */
    private static boolean withStatus(JsonObject options) {
        JsonValue value = options.get("credentialStatus");
        if (value == null || value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw AppException.invalid(
                "options.credentialStatus: must be true (Credence's status entries, the default)"
                        + " or false (no credentialStatus)");
    }

    private static Optional<String> optionalString(JsonObject options, String field) {
        String name = field.substring(field.indexOf('.') + 1);
        JsonValue value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw AppException.invalid(field + ": must be a string");
        }
        return Optional.of(text.getString());
    }
}

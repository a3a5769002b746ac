package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.credence.app.AppException;
import org.credence.app.verification.VerificationService;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;

/**
 * The Credence verify API: {@code POST /verify} for anyone (rate-limited per client address with
 * the VC-API's limiter) and the JSON download of a kept result, {@code GET
 * /verify/results/<id>.json}. Both answer {@link VerificationJson}. The body of {@code POST
 * /verify} is the credential itself (JSON, a compact JWS, a baked PNG or SVG) or a JSON request
 * object {@code {"credential" | "url", "recipientEmail"}}: a JSON object without {@code @context}
 * that names {@code credential} or {@code url}. Form posts to {@code /verify} are the verify page's
 * ({@link Routes#publicFormOrApi}). Thread-safe.
 */
public final class VerifyApi {

    private static final Set<String> REQUEST_MEMBERS =
            Set.of("credential", "url", "recipientEmail");

    private final VerificationService verification;
    private final RateLimiter limit;

    public VerifyApi(VerificationService verification, RateLimiter limit) {
        this.verification = Objects.requireNonNull(verification, "verification");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Registers the result download; {@link #verify} is registered with the verify page. */
    public void register(Routes routes) {
        routes.publicApi(
                HandlerType.GET,
                "/verify/results/{id}.json",
                Routes.DEFAULT_MAX_BODY,
                ctx -> {
                    VerificationReport report =
                            verification
                                    .result(Forms.id(ctx, "id", "Verification result"))
                                    .report();
                    ctx.header(
                            "Content-Disposition",
                            "attachment; filename=\"verification-"
                                    + ctx.pathParam("id")
                                    + ".json\"");
                    JsonBodies.send(ctx, 200, VerificationJson.of(report));
                });
    }

    /** {@code POST /verify} with a non-form body. */
    public void verify(Context ctx) {
        limit.acquire(ctx.ip());
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw AppException.invalid(
                    "body: send a credential, or {\"credential\": …} or {\"url\": …}");
        }
        Optional<JsonObject> request = isJson(ctx) ? request(body) : Optional.empty();
        VerificationReport report;
        if (request.isPresent()) {
            report = verifyRequest(request.get());
        } else {
            String email = ctx.queryParam("recipientEmail");
            report = verification.verify(body, options(email));
        }
        JsonBodies.send(
                ctx, VerificationJson.malformed(report) ? 400 : 200, VerificationJson.of(report));
    }

    private VerificationReport verifyRequest(JsonObject request) {
        for (String member : request.keySet()) {
            if (!REQUEST_MEMBERS.contains(member)) {
                throw AppException.invalid(
                        member + ": not supported (send credential or url, and recipientEmail)");
            }
        }
        VerifyOptions options = options(string(request, "recipientEmail").orElse(null));
        JsonValue credential = request.get("credential");
        Optional<String> url = string(request, "url");
        if (credential != null && url.isPresent()) {
            throw AppException.invalid("credential: send either credential or url, not both");
        }
        if (url.isPresent()) {
            return verification.verifyUrl(url.get(), options);
        }
        byte[] input =
                switch (credential.getValueType()) {
                    case OBJECT -> credential.toString().getBytes(StandardCharsets.UTF_8);
                    case STRING ->
                            ((JsonString) credential).getString().getBytes(StandardCharsets.UTF_8);
                    default ->
                            throw AppException.invalid(
                                    "credential: must be a JSON object or a JWT string");
                };
        return verification.verify(input, options);
    }

    /** The body as a request object, or empty when it is a credential (or not JSON at all). */
    private static Optional<JsonObject> request(byte[] body) {
        JsonObject json;
        try {
            json = JsonInput.DEFAULT.parseObject(new String(body, StandardCharsets.UTF_8));
        } catch (InputException e) {
            return Optional.empty(); // the verifier reports it as a syntax failure
        }
        boolean request =
                !json.containsKey("@context")
                        && (json.containsKey("credential") || json.containsKey("url"));
        return request ? Optional.of(json) : Optional.empty();
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static Optional<String> string(JsonObject request, String name) {
        JsonValue value = request.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw AppException.invalid(name + ": must be a string");
        }
        return Optional.of(text.getString());
    }

    private static VerifyOptions options(String email) {
        return email == null || email.isBlank()
                ? VerifyOptions.DEFAULT
                : VerifyOptions.DEFAULT.withRecipientEmail(email.strip());
    }
}

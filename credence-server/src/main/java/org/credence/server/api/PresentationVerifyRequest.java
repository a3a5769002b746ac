package org.credence.server.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.credence.app.AppException;
import org.credence.core.json.JsonValues;
import org.credence.core.jwt.VpJwtVerifier;
import org.credence.core.verify.PresentationVerifier;
import org.credence.core.verify.VerifyOptions;

/**
 * The body of VC-API {@code POST /presentations/verify}: {@code verifiablePresentation} (a JSON
 * presentation, an EnvelopedVerifiablePresentation or a VP-JWT string), or {@code presentation}
 * (the VC-API's proofless request), and {@code options.challenge} / {@code options.domain}. Other
 * options are ignored, as the VC-API lets verifiers extend them.
 *
 * @param input the bytes the verifier reads
 * @param options the challenge and domain the presentation's proof must carry
 */
record PresentationVerifyRequest(byte[] input, VerifyOptions options) {

    private static final String ENVELOPED_VP_JWT = "data:application/vp+jwt,";

    static PresentationVerifyRequest parse(JsonObject body) {
        JsonValue presentation =
                body.containsKey("verifiablePresentation")
                        ? body.get("verifiablePresentation")
                        : body.get("presentation");
        VerifyOptions options =
                VerifyOptions.DEFAULT
                        .withChallenge(option(body, "challenge"))
                        .withDomain(option(body, "domain"));
        return new PresentationVerifyRequest(input(presentation), options);
    }

    private static byte[] input(JsonValue value) {
        if (value instanceof JsonString jwt && VpJwtVerifier.isPresentation(jwt.getString())) {
            return jwt.getString().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof JsonObject object) {
            String id = object.getString("id", "");
            if (PresentationVerifier.isPresentation(object)
                    || (JsonValues.strings(object, "type")
                                    .contains("EnvelopedVerifiablePresentation")
                            && id.startsWith(ENVELOPED_VP_JWT))) {
                return object.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        throw AppException.invalid(
                "verifiablePresentation: is required (a presentation whose type includes"
                        + " VerifiablePresentation, an EnvelopedVerifiablePresentation or a VP-JWT)");
    }

    private static String option(JsonObject body, String name) {
        JsonValue options = body.get("options");
        if (options == null) {
            return null;
        }
        if (!(options instanceof JsonObject object)) {
            throw AppException.invalid("options: must be a JSON object");
        }
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw AppException.invalid("options." + name + ": must be a string");
        }
        return text.getString();
    }
}

package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.jsonld.JsonLdProblem;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofCodes;
import org.credence.core.proof.ProofExpectations;
import org.credence.core.proof.ProofResult;

/**
 * Verifies a Verifiable Presentation (VC Data Model 2.0 and 1.1): its own Data Integrity proofs
 * ({@code authentication}, with the verifier's challenge and domain), the binding of the signing
 * key to the {@code holder}, and every credential it carries as a nested report. The front door is
 * {@link org.credence.core.Verifier}, which also reads VP-JWTs and calls {@link #finish}.
 *
 * <p>An unsigned presentation is verified with a WARNING on PROOF (the VC-API verifies proofless
 * presentations, and VC DM 2.0 lets the credentials stand on their own proofs), unless the verifier
 * gave a challenge or domain: then nothing answers it and PROOF fails.
 *
 * <p>Immutable and thread-safe.
 */
public final class PresentationVerifier {

    /** Verifies a compact JWS credential found in a presentation. */
    @FunctionalInterface
    public interface JwtCredentials {
        VerificationReport verify(String jws, VerifyOptions options, int depth);
    }

    static final String AUTHENTICATION = "authentication";
    private static final String ENVELOPED_VC_JWT = "data:application/vc+jwt,";

    private final DataIntegrity dataIntegrity;
    private final VerificationMethodResolver resolver;
    private final CredentialVerifier credentials;
    private final JwtCredentials jwtCredentials;

    public PresentationVerifier(
            DataIntegrity dataIntegrity,
            VerificationMethodResolver resolver,
            CredentialVerifier credentials,
            JwtCredentials jwtCredentials) {
        this.dataIntegrity = Objects.requireNonNull(dataIntegrity, "dataIntegrity");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.jwtCredentials = Objects.requireNonNull(jwtCredentials, "jwtCredentials");
    }

    /** Whether a JSON document is a presentation (its type includes VerifiablePresentation). */
    public static boolean isPresentation(JsonObject document) {
        return JsonValues.strings(document, "type").contains("VerifiablePresentation");
    }

    /**
     * The presentation as JSON-LD to check contexts on: without the compact JWS credentials a
     * VP-JWT carries, which are opaque tokens (each is checked on its own) and not IRIs.
     */
    public static JsonObject withoutCompactCredentials(JsonObject presentation) {
        List<JsonValue> credentials = JsonValues.list(presentation, "verifiableCredential");
        if (credentials.stream().noneMatch(PresentationModelCheck::isCompactJws)) {
            return presentation;
        }
        var kept = Jsons.PROVIDER.createArrayBuilder();
        credentials.stream()
                .filter(c -> !PresentationModelCheck.isCompactJws(c))
                .forEach(kept::add);
        return Jsons.PROVIDER
                .createObjectBuilder(presentation)
                .add("verifiableCredential", kept)
                .build();
    }

    /** The VC Data Model check alone (for presentations secured otherwise, e.g. VP-JWT). */
    public Check dataModel(JsonObject presentation) {
        return PresentationModelCheck.check(presentation);
    }

    /** Verifies a JSON presentation secured with Data Integrity proofs (or not secured at all). */
    public VerificationReport verify(JsonObject presentation, VerifyOptions options) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(CheckName.SYNTAX, "Read a JSON presentation"));
        checks.add(PresentationModelCheck.check(presentation));
        List<VerificationMethod> verified = new ArrayList<>();
        try {
            List<ProofResult> results = dataIntegrity.verify(presentation, resolver);
            checks.add(
                    Check.passed(
                            CheckName.CONTEXTS, "All contexts are pinned and all terms defined"));
            ProofExpectations expected =
                    new ProofExpectations(AUTHENTICATION, options.challenge(), options.domain());
            List<ProofResult> checked = results.stream().map(expected::apply).toList();
            checks.add(proof(checked, options));
            checked.stream()
                    .filter(ProofResult::passed)
                    .forEach(result -> verified.add(result.method().orElseThrow()));
        } catch (JsonLdException e) {
            if (e.problem() == JsonLdProblem.TOO_COMPLEX) {
                return Unchecked.tooComplex("json", e.getMessage());
            }
            checks.add(Check.failed(CheckName.CONTEXTS, e.problem().name(), e.getMessage()));
            checks.add(
                    Check.couldNotCheck(
                            CheckName.PROOF,
                            "NOT_CANONICALIZABLE",
                            "The proof cannot be checked: the presentation is not valid JSON-LD"
                                    + " under the pinned contexts"));
        }
        String holder = JsonValues.idOf(presentation, "holder").orElse(null);
        return finish("json", presentation, checks, new Securing(holder, verified), options);
    }

    /**
     * Who secured a presentation.
     *
     * @param holder the holder id to bind the keys to, or {@code null} when none is named
     * @param verified the methods of the presentation's proofs that verified
     */
    public record Securing(String holder, List<VerificationMethod> verified) {
        public Securing {
            verified = List.copyOf(verified);
        }
    }

    /**
     * The checks after the presentation's proof, shared by Data Integrity and VP-JWT: holder
     * binding and the credentials inside, each verified as at depth 1 with the same instant and
     * recipient but without the presentation's challenge and domain.
     */
    public VerificationReport finish(
            String format,
            JsonObject presentation,
            List<Check> proofChecks,
            Securing securing,
            VerifyOptions options) {
        List<Check> checks = new ArrayList<>(proofChecks);
        checks.add(HolderBindingCheck.check(securing.holder(), securing.verified()));
        List<JsonValue> embedded = EmbeddedCredentials.presentationCredentials(presentation);
        List<VerificationReport> nested =
                embedded.stream()
                        .map(value -> credential(value, options.forCredentials()))
                        .toList();
        checks.add(
                nested.isEmpty()
                        ? Check.notApplicable(
                                CheckName.NESTED_CREDENTIALS,
                                "The presentation carries no credentials")
                        : NestedCredentials.check(nested));
        return new VerificationReport(format, Optional.of(presentation), checks, nested);
    }

    private static Check proof(List<ProofResult> results, VerifyOptions options) {
        if (!results.isEmpty()) {
            return ProofChecks.proof(results);
        }
        if (options.challenge().isPresent() || options.domain().isPresent()) {
            return Check.failed(
                    CheckName.PROOF,
                    ProofCodes.NO_PROOF,
                    "A challenge or domain was given, but the presentation is not signed:"
                            + " nothing shows its holder presented it for this request");
        }
        return Check.warning(
                CheckName.PROOF,
                "UNSIGNED_PRESENTATION",
                "The presentation is not signed: its credentials are checked, but nothing shows"
                        + " who presented them");
    }

    private VerificationReport credential(JsonValue value, VerifyOptions options) {
        if (PresentationModelCheck.isCompactJws(value)) {
            return jwtCredentials.verify(((JsonString) value).getString(), options, 1);
        }
        if (!(value instanceof JsonObject object)) {
            return unreadable("NOT_A_CREDENTIAL", "A presentation's credential must be an object");
        }
        if (JsonValues.strings(object, "type").contains("EnvelopedVerifiableCredential")) {
            String id = JsonValues.string(object, "id").orElse("");
            if (!id.startsWith(ENVELOPED_VC_JWT)) {
                return unreadable(
                        "UNSUPPORTED_ENVELOPE",
                        "Only enveloped credentials with a " + ENVELOPED_VC_JWT + " id are read");
            }
            return jwtCredentials.verify(id.substring(ENVELOPED_VC_JWT.length()), options, 1);
        }
        return credentials.verify(object, options, 1);
    }

    private static VerificationReport unreadable(String code, String message) {
        return new VerificationReport(
                "unknown",
                Optional.empty(),
                List.of(Check.failed(CheckName.SYNTAX, code, message)),
                List.of());
    }
}

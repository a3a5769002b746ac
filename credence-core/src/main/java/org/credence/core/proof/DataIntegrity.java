package org.credence.core.proof;

import com.apicatalog.multibase.Multibase;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.json.ContentMemo;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.JsonLdException;

/**
 * Data Integrity proofs with the {@code eddsa-rdfc-2022} cryptosuite (W3C VC Data Integrity EdDSA
 * Cryptosuites v1.0): sign, and verify every proof of a proof set or chain. Verification also
 * accepts the legacy {@code Ed25519Signature2020} suite, which hashes the same way.
 *
 * <p>Immutable and thread-safe.
 */
public final class DataIntegrity {

    private static final String MULTIBASE_BASE58BTC = "z";

    /**
     * Verification only: canonical forms of documents already verified (signing always computes,
     * each document being new). About 5 KB each.
     */
    private static final int REMEMBERED_DOCUMENTS = 2048;

    private final Canonicalizer canonicalizer;
    private final ContentMemo<String> canonicalDocuments = new ContentMemo<>(REMEMBERED_DOCUMENTS);

    public DataIntegrity(Canonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    public Canonicalizer canonicalizer() {
        return canonicalizer;
    }

    /**
     * Adds an {@code eddsa-rdfc-2022} proof. A document that already has proofs gets a proof set
     * (or, with {@code previousProof}, a proof chain).
     *
     * @throws JsonLdException when the document cannot be canonicalized
     * @throws IllegalArgumentException when the key is not Ed25519
     */
    public JsonObject sign(JsonObject document, SigningKey key, ProofOptions options) {
        if (key.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("eddsa-rdfc-2022 needs an Ed25519 key");
        }
        List<JsonObject> existing = JsonValues.objects(document, "proof");
        JsonObject unsecured =
                unsecured(
                        document,
                        chainedProofs(
                                existing,
                                options.previousProof() == null
                                        ? List.of()
                                        : List.of(options.previousProof())));
        JsonObject proofConfig = proofConfig(options, document.get("@context"));
        byte[] signature = key.sign(hashData(proofConfig, canonicalizer.canonicalize(unsecured)));
        JsonObject proof =
                Jsons.PROVIDER
                        .createObjectBuilder(proofConfig)
                        .remove("@context")
                        .add("proofValue", Multibase.BASE_58_BTC.encode(signature))
                        .build();
        return withProofs(document, existing, proof);
    }

    /**
     * Verifies every proof on a document. Never throws for bad input: each proof gets a result.
     *
     * @return one result per proof object; empty when the document has no proof
     * @throws JsonLdException when the document itself cannot be canonicalized (its contexts or
     *     terms are at fault, not any proof)
     */
    public List<ProofResult> verify(JsonObject document, VerificationMethodResolver resolver) {
        List<JsonObject> proofs = JsonValues.objects(document, "proof");
        Map<String, String> canonicalByChain = new HashMap<>();
        // Canonicalize the document itself first: if its contexts or terms are at fault, that is
        // the document's problem (thrown), not any one proof's.
        JsonObject unsecured = unsecured(document, List.of());
        canonicalByChain.put(
                "",
                canonicalDocuments.get(
                        unsecured.toString(), () -> canonicalizer.canonicalize(unsecured)));
        List<ProofResult> results = new ArrayList<>(proofs.size());
        for (JsonObject proof : proofs) {
            results.add(verifyOne(document, proofs, proof, resolver, canonicalByChain));
        }
        return results;
    }

    private ProofResult verifyOne(
            JsonObject document,
            List<JsonObject> proofs,
            JsonObject proof,
            VerificationMethodResolver resolver,
            Map<String, String> canonicalByChain) {
        Cryptosuite suite = Cryptosuite.of(proof);
        if (suite == Cryptosuite.UNSUPPORTED) {
            return ProofResult.couldNotCheck(
                    proof,
                    ProofCodes.UNSUPPORTED_CRYPTOSUITE,
                    "Proof type " + Cryptosuite.describe(proof) + " is not supported");
        }
        String malformed = malformation(proof, document);
        if (malformed != null) {
            return ProofResult.failed(proof, ProofCodes.MALFORMED_PROOF, malformed);
        }
        if (!contextMatches(proof, document)) {
            return ProofResult.failed(
                    proof,
                    ProofCodes.CONTEXT_MISMATCH,
                    "The proof's @context is not the start of the document's @context");
        }
        byte[] signature;
        try {
            signature = Multibase.BASE_58_BTC.decode(proof.getString("proofValue"));
        } catch (RuntimeException e) {
            return ProofResult.failed(
                    proof, ProofCodes.MALFORMED_PROOF, "proofValue is not valid base58btc");
        }
        VerificationMethod method;
        try {
            method = resolver.resolve(proof.getString("verificationMethod"));
        } catch (ResolutionException e) {
            return ProofResult.couldNotCheck(
                    proof,
                    ProofCodes.KEY_NOT_RESOLVABLE,
                    "Could not resolve verification method "
                            + proof.getString("verificationMethod")
                            + ": "
                            + e.getMessage());
        }
        if (method.key().type() != KeyType.ED25519) {
            return ProofResult.failed(
                    proof,
                    ProofCodes.WRONG_KEY_TYPE,
                    "The verification method is not an Ed25519 key",
                    method);
        }
        // previousProof: one proof id, or several (VC Data Integrity 1.0, proof chains).
        List<String> previous = JsonValues.strings(proof, "previousProof");
        List<JsonObject> chained = chainedProofs(proofs, previous);
        if (chained.size() != previous.size()) {
            return ProofResult.failed(
                    proof,
                    ProofCodes.MISSING_PREVIOUS_PROOF,
                    "previousProof " + previous + " is not among the document's proofs",
                    method);
        }
        String canonical =
                canonicalByChain.computeIfAbsent(
                        String.join("\n", previous),
                        key -> canonicalizer.canonicalize(unsecured(document, chained)));
        byte[] hashData;
        try {
            hashData = hashData(proofConfigOf(proof, document), canonical);
        } catch (JsonLdException e) {
            return ProofResult.failed(
                    proof,
                    ProofCodes.MALFORMED_PROOF,
                    "The proof options are not valid JSON-LD: " + e.getMessage(),
                    method);
        }
        boolean valid = method.key().verify(hashData, signature);
        return valid
                ? ProofResult.passed(
                        proof,
                        method,
                        "Signature by " + method.id() + " is valid (" + describe(suite) + ")")
                : ProofResult.failed(
                        proof,
                        ProofCodes.INVALID_PROOF,
                        "The signature does not match the document: it was changed after"
                                + " signing, or signed with another key",
                        method);
    }

    private byte[] hashData(JsonObject proofConfig, String canonicalDocument) {
        MessageDigest sha256 = sha256();
        byte[] configHash =
                sha256.digest(
                        canonicalizer.canonicalize(proofConfig).getBytes(StandardCharsets.UTF_8));
        byte[] documentHash = sha256.digest(canonicalDocument.getBytes(StandardCharsets.UTF_8));
        byte[] hashData = new byte[configHash.length + documentHash.length];
        System.arraycopy(configHash, 0, hashData, 0, configHash.length);
        System.arraycopy(documentHash, 0, hashData, configHash.length, documentHash.length);
        return hashData;
    }

    private static JsonObject proofConfig(ProofOptions options, JsonValue context) {
        JsonObjectBuilder config = Jsons.PROVIDER.createObjectBuilder();
        if (context != null) {
            config.add("@context", context);
        }
        if (options.id() != null) {
            config.add("id", options.id());
        }
        config.add("type", "DataIntegrityProof")
                .add("cryptosuite", "eddsa-rdfc-2022")
                .add("created", options.created().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("verificationMethod", options.verificationMethod())
                .add("proofPurpose", options.proofPurpose());
        if (options.previousProof() != null) {
            config.add("previousProof", options.previousProof());
        }
        if (options.challenge() != null) {
            config.add("challenge", options.challenge());
        }
        if (options.domain() != null) {
            config.add("domain", options.domain());
        }
        return config.build();
    }

    /** The proof without its value, in the document's contexts (spec: proof configuration). */
    private static JsonObject proofConfigOf(JsonObject proof, JsonObject document) {
        JsonObjectBuilder config = Jsons.PROVIDER.createObjectBuilder(proof).remove("proofValue");
        if (!proof.containsKey("@context") && document.containsKey("@context")) {
            config.add("@context", document.get("@context"));
        }
        return config.build();
    }

    private static String malformation(JsonObject proof, JsonObject document) {
        for (String field : List.of("verificationMethod", "proofPurpose", "proofValue")) {
            if (JsonValues.string(proof, field).isEmpty()) {
                return "The proof has no " + field;
            }
        }
        if (!proof.getString("proofValue").startsWith(MULTIBASE_BASE58BTC)) {
            return "proofValue must be multibase base58btc (starting with z)";
        }
        if (!document.containsKey("@context")) {
            return "The document has no @context";
        }
        return null;
    }

    /** Spec: the document's @context must start with the proof's @context, in order. */
    private static boolean contextMatches(JsonObject proof, JsonObject document) {
        if (!proof.containsKey("@context")) {
            return true;
        }
        List<JsonValue> proofContext = JsonValues.list(proof, "@context");
        List<JsonValue> documentContext = JsonValues.list(document, "@context");
        return documentContext.size() >= proofContext.size()
                && documentContext.subList(0, proofContext.size()).equals(proofContext);
    }

    private static List<JsonObject> chainedProofs(List<JsonObject> proofs, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = Set.copyOf(ids);
        return proofs.stream()
                .filter(p -> JsonValues.string(p, "id").filter(wanted::contains).isPresent())
                .toList();
    }

    private static JsonObject unsecured(JsonObject document, List<JsonObject> chained) {
        JsonObjectBuilder builder = Jsons.PROVIDER.createObjectBuilder(document).remove("proof");
        if (chained.size() == 1) {
            builder.add("proof", chained.get(0));
        } else if (!chained.isEmpty()) {
            JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
            chained.forEach(array::add);
            builder.add("proof", array);
        }
        return builder.build();
    }

    private static JsonObject withProofs(
            JsonObject document, List<JsonObject> existing, JsonObject proof) {
        JsonObjectBuilder builder = Jsons.PROVIDER.createObjectBuilder(document);
        if (existing.isEmpty()) {
            return builder.add("proof", proof).build();
        }
        JsonArrayBuilder all = Jsons.PROVIDER.createArrayBuilder();
        existing.forEach(all::add);
        return builder.add("proof", all.add(proof)).build();
    }

    private static String describe(Cryptosuite suite) {
        return suite == Cryptosuite.EDDSA_RDFC_2022 ? "eddsa-rdfc-2022" : "Ed25519Signature2020";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

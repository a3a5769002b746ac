package org.credence.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.multibase.Multibase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.SigningKey;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces, byte for byte, every intermediate of the published {@code eddsa-rdfc-2022} test
 * vectors: canonical document, canonical proof configuration, both SHA-256 hashes, the data signed
 * and the signature (Ed25519 is deterministic, so the same key over the same data gives exactly the
 * published signature).
 */
class IntermediatesTest {

    private static final HexFormat HEX = HexFormat.of();

    private final Canonicalizer canonicalizer = Canonicalizer.standard();

    /** A 1EdTech implementation-guide vector: signed credential, intermediates, canonical files. */
    record GuideVector(String name, String signed, String canonPrefix) {
        @Override
        public String toString() {
            return name;
        }

        JsonObject intermediates() {
            return Vectors.json(signed.replace(".json", ".intermediates.json"));
        }
    }

    static Stream<GuideVector> guideVectors() {
        return Stream.of(
                new GuideVector(
                        "OB 3.0 implementation guide",
                        "1edtech-spec/ob3-impl-guide-eddsa-rdfc-2022.json",
                        "1edtech-spec/obv3p0-"),
                new GuideVector(
                        "CLR 2.0 implementation guide",
                        "1edtech-spec/clr2-impl-guide-eddsa-rdfc-2022.json",
                        "1edtech-spec/clrv2p0-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideVectors")
    void should_reproduce_every_intermediate_when_signing_a_1edtech_guide_vector(
            GuideVector vector) {
        // GIVEN
        JsonObject signed = Vectors.json(vector.signed());
        JsonObject intermediates = vector.intermediates();
        SigningKey key =
                SigningKey.fromSecretMultibase(
                        Multibase.BASE_58_BTC.encode(
                                HEX.parseHex(intermediates.getString("privateKeyHex(seed||pub)"))),
                        intermediates.getString("publicKeyMultibase"));

        // WHEN
        String canonicalDocument = canonicalizer.canonicalize(unsecured(signed));
        String canonicalProof = canonicalizer.canonicalize(proofConfig(signed));
        byte[] documentHash = sha256(canonicalDocument);
        byte[] proofHash = sha256(canonicalProof);
        byte[] hashData = concat(proofHash, documentHash);
        byte[] signature = key.sign(hashData);

        // THEN
        assertThat(canonicalDocument)
                .isEqualTo(Vectors.text(vector.canonPrefix() + "document-canon.txt"));
        assertThat(canonicalProof)
                .isEqualTo(Vectors.text(vector.canonPrefix() + "proof-canon.txt"));
        assertThat(HEX.formatHex(documentHash))
                .isEqualTo(intermediates.getString("Document hash (hex)"));
        assertThat(HEX.formatHex(proofHash)).isEqualTo(intermediates.getString("Proof hash (hex)"));
        assertThat(HEX.formatHex(hashData))
                .isEqualTo(intermediates.getString("Data to sign (hex)"));
        assertThat(HEX.formatHex(signature)).isEqualTo(intermediates.getString("Signature (hex)"));
        assertThat(Multibase.BASE_58_BTC.encode(signature))
                .isEqualTo(intermediates.getString("Proof value"))
                .isEqualTo(proofOf(signed).getString("proofValue"));
        assertThat(HEX.formatHex(key.publicKey().publicKey()))
                .isEqualTo(intermediates.getString("publicKeyHex"));
    }

    @Test
    void should_reproduce_every_intermediate_when_signing_the_w3c_eddsa_rdfc_2022_vector() {
        // GIVEN
        String prefix = "w3c-vc-di-eddsa/eddsa-rdfc-2022_";
        JsonObject unsigned = Vectors.json("w3c-vc-di-eddsa/unsigned.json");
        JsonObject proofConfig = Vectors.json(prefix + "proofConfigDataInt.json");
        SigningKey key = KeyFile.read(Vectors.text("w3c-vc-di-eddsa/keyPair.json")).signingKey();

        // WHEN
        String canonicalDocument = canonicalizer.canonicalize(unsecured(unsigned));
        String canonicalProof = canonicalizer.canonicalize(proofConfig);
        byte[] documentHash = sha256(canonicalDocument);
        byte[] proofHash = sha256(canonicalProof);
        byte[] hashData = concat(proofHash, documentHash);
        byte[] signature = key.sign(hashData);

        // THEN
        assertThat(canonicalDocument).isEqualTo(Vectors.text(prefix + "canonDocDataInt.txt"));
        assertThat(canonicalProof).isEqualTo(Vectors.text(prefix + "proofCanonDataInt.txt"));
        assertThat(HEX.formatHex(documentHash)).isEqualTo(hexFile(prefix + "docHashDataInt.txt"));
        assertThat(HEX.formatHex(proofHash)).isEqualTo(hexFile(prefix + "proofHashDataInt.txt"));
        assertThat(HEX.formatHex(hashData)).isEqualTo(hexFile(prefix + "combinedHashDataInt.txt"));
        assertThat(HEX.formatHex(signature)).isEqualTo(hexFile(prefix + "sigHexDataInt.txt"));
        assertThat(Multibase.BASE_58_BTC.encode(signature))
                .isEqualTo(
                        Vectors.json(prefix + "signedDataInt.json")
                                .getJsonObject("proof")
                                .getString("proofValue"));
    }

    /** The document without its proof (spec: unsecured document). */
    private static JsonObject unsecured(JsonObject document) {
        return Json.createObjectBuilder(document).remove("proof").build();
    }

    /** The proof without its value, in the document's contexts (spec: proof configuration). */
    private static JsonObject proofConfig(JsonObject signed) {
        return Json.createObjectBuilder(proofOf(signed))
                .remove("proofValue")
                .add("@context", signed.get("@context"))
                .build();
    }

    /** The single proof, given as an object or as a one-element array. */
    private static JsonObject proofOf(JsonObject signed) {
        JsonValue proof = signed.get("proof");
        return proof instanceof JsonArray proofs ? proofs.getJsonObject(0) : proof.asJsonObject();
    }

    private static String hexFile(String relativePath) {
        return Vectors.text(relativePath).strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

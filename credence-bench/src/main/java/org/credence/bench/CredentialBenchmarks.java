package org.credence.bench;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.crypto.KeyFile;
import org.credence.core.did.DidKeyResolver;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofResult;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign and verify one realistic credential, single thread, against the floor: Ed25519 plus the
 * SHA-256 hashing that eddsa-rdfc-2022 cannot avoid (of the same canonical bytes).
 *
 * <p>The verifier remembers the canonical form and schema verdict of the last 2,048 documents it
 * saw (a credential verified again skips that work), so the verification benchmarks go through
 * {@link #DISTINCT} different credentials in turn, more than it remembers: every verification does
 * the full work. {@link #verifyReportAgain} measures the same credential again and again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CredentialBenchmarks {

    private KeyFile key;
    private JsonObject unsigned;
    private JsonObject signed;
    private Issuer issuer;
    private DataIntegrity dataIntegrity;
    private DidKeyResolver resolver;
    private Verifier verifier;
    private byte[] canonicalDocument;
    private byte[] canonicalProof;
    private byte[] hashData;
    private byte[] signature;

    /** More distinct credentials than the verifier remembers (2,048). */
    static final int DISTINCT = 4096;

    private JsonObject[] distinct;
    private int next;

    @Setup
    public void setUp() throws Exception {
        key = RealisticCredential.newKey();
        unsigned = RealisticCredential.unsignedFor(key);
        Canonicalizer canonicalizer = Canonicalizer.standard();
        issuer = new Issuer(key, canonicalizer, Clock.systemUTC());
        dataIntegrity = new DataIntegrity(canonicalizer);
        resolver = new DidKeyResolver();
        verifier = Verifier.offline();
        signed = issuer.sign(unsigned);
        distinct = new JsonObject[DISTINCT];
        for (int i = 0; i < DISTINCT; i++) {
            distinct[i] =
                    issuer.sign(
                            Jsons.PROVIDER
                                    .createObjectBuilder(unsigned)
                                    .add("id", "urn:uuid:" + UUID.randomUUID())
                                    .build());
        }
        canonicalDocument = canonicalizer.canonicalize(unsigned).getBytes(StandardCharsets.UTF_8);
        JsonObject proof = signed.getJsonObject("proof");
        canonicalProof = proof.toString().getBytes(StandardCharsets.UTF_8);
        hashData = floorHash();
        signature = key.signingKey().sign(hashData);
    }

    /** Issuer.sign: canonicalize document and proof options, hash, Ed25519. */
    @Benchmark
    public JsonObject sign() {
        return issuer.sign(unsigned);
    }

    /** Data Integrity verification of the proof (the cryptographic core of verifying). */
    @Benchmark
    public List<ProofResult> verifyProof() {
        return dataIntegrity.verify(nextDistinct(), resolver);
    }

    /**
     * The whole offline Verifier report: data model, contexts, JSON Schema, proof, issuer binding,
     * dates; status is "could not check" here since an offline verifier fetches no status list.
     */
    @Benchmark
    public VerificationReport verifyReport() {
        return verifier.verifyCredential(nextDistinct(), VerifyOptions.DEFAULT);
    }

    /**
     * The same report for one credential verified again and again: canonical form and schema
     * verdict remembered, signature and dates checked each time.
     */
    @Benchmark
    public VerificationReport verifyReportAgain() {
        return verifier.verifyCredential(signed, VerifyOptions.DEFAULT);
    }

    private JsonObject nextDistinct() {
        next = (next + 1) % DISTINCT;
        return distinct[next];
    }

    /** The floor of signing: the two SHA-256 hashes and one Ed25519 signature. */
    @Benchmark
    public byte[] floorSign() throws Exception {
        return key.signingKey().sign(floorHash());
    }

    /** The floor of verifying: the two SHA-256 hashes and one Ed25519 verification. */
    @Benchmark
    public boolean floorVerify() throws Exception {
        return key.signingKey().publicKey().verify(floorHash(), signature);
    }

    private byte[] floorHash() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] proofHash = sha256.digest(canonicalProof);
        byte[] documentHash = sha256.digest(canonicalDocument);
        byte[] combined = new byte[64];
        System.arraycopy(proofHash, 0, combined, 0, 32);
        System.arraycopy(documentHash, 0, combined, 32, 32);
        return combined;
    }
}

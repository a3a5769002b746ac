package org.credence.app.transcript;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.core.Issuer;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.model.ClrCredentialFactory;
import org.credence.core.model.ClrRequest;
import org.credence.core.model.ModelException;
import org.credence.core.model.Profile;
import org.credence.core.model.Recipient;

/**
 * CLR 2.0 transcripts: a learner's chosen credentials bundled, each exactly as it was stored (a
 * Data Integrity credential as its JSON object, a VC-JWT as its compact string), in one {@code
 * ClrCredential} signed {@code eddsa-rdfc-2022} by the platform itself: this installation's DID
 * ({@code did:web:<host>}, {@code /.well-known/did.json}), whose key {@link IssuerService} keeps
 * encrypted at rest like the issuers' keys. The platform vouches only for the bundle; each nested
 * credential still carries its own issuer's proof, which verifiers check separately.
 *
 * <p>Which credentials a learner may bundle is the caller's business (the wallet's): this service
 * signs what it is given, and refuses only documents that are not credentials. Immutable and
 * thread-safe.
 */
public final class TranscriptService {

    private static final Pattern COMPACT_JWS =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final IssuerService issuers;
    private final DidWebHost host;
    private final Clock clock;
    private final SecureRandom random;
    private final ClrCredentialFactory factory;
    private final Canonicalizer canonicalizer = Canonicalizer.standard();

    public TranscriptService(
            IssuerService issuers, DidWebHost host, Clock clock, SecureRandom random) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.factory = new ClrCredentialFactory(clock, random);
    }

    /**
     * The signed transcript of {@code learner} (name, and e-mail address or DID: an e-mail appears
     * only as a salted hash) holding {@code documents} in order.
     *
     * @throws AppException {@code INVALID_INPUT} when there is no document, or one is neither a
     *     JSON credential nor a compact JWS, or a JSON credential is not an Open Badge
     */
    public JsonObject transcript(Recipient learner, List<String> documents) {
        Objects.requireNonNull(learner, "learner");
        List<JsonValue> credentials = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            credentials.add(credential(i, documents.get(i)));
        }
        Profile platform = Profile.named(host.platformDid(), host.base());
        try {
            JsonObject unsigned =
                    factory.unsigned(
                            ClrRequest.of(
                                    "urn:uuid:" + randomUuid(),
                                    platform,
                                    title(learner),
                                    learner,
                                    credentials));
            return new Issuer(issuers.platformSigner(), canonicalizer, clock).sign(unsigned);
        } catch (ModelException e) {
            throw AppException.invalid(e.getMessage());
        }
    }

    private static JsonValue credential(int index, String document) {
        String text = Objects.requireNonNull(document, "documents[" + index + "]").strip();
        if (COMPACT_JWS.matcher(text).matches()) {
            return Jsons.PROVIDER.createValue(text);
        }
        try {
            return JsonInput.DEFAULT.parseObject(text);
        } catch (InputException e) {
            throw AppException.invalid(
                    "credentials["
                            + index
                            + "]: neither a JSON credential nor a VC-JWT: "
                            + e.getMessage());
        }
    }

    /** Never the e-mail address: the record carries it only hashed. */
    private static String title(Recipient learner) {
        return learner.name()
                .or(learner::id)
                .map(who -> "Learner record of " + who)
                .orElse("Learner record");
    }

    private UUID randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}

package org.credence.app.verification;

import java.time.Clock;
import java.util.Objects;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.status.StatusListService;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;

/**
 * Verifies credentials from anyone, for the verify page, {@code POST /verify} and the VC-API: the
 * core {@link Verifier} with this installation's own documents answered from the database. One
 * instance per process; thread-safe.
 */
public final class VerificationService {

    private final Verifier verifier;

    public VerificationService(
            IssuerService issuers, StatusListService status, DidWebHost host, Clock clock) {
        LocalDocuments documents = new LocalDocuments(issuers, status, host);
        this.verifier =
                Verifier.builder()
                        .resolver(CompositeResolver.standard(documents))
                        .fetcher(documents)
                        .clock(clock)
                        .build();
    }

    public VerificationService(Verifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Verifies raw input: JSON (credential or presentation), a compact JWS, or a baked image. */
    public VerificationReport verify(byte[] input, VerifyOptions options) {
        return verifier.verify(input, options);
    }
}

package org.credence.app.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.status.StatusListService;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;

/**
 * Verifies credentials from anyone, for the verify page, {@code POST /verify} and the VC-API: the
 * core {@link Verifier} with this installation's own documents answered from the database, other
 * issuers' documents through the {@link SafeFetcher}, and issuer trust from this installation's
 * issuers and the configured registries. One instance per process; thread-safe.
 */
public final class VerificationService implements AutoCloseable {

    /** The code of the check a URL that could not be fetched gives. */
    public static final String URL_NOT_FETCHED = "URL_NOT_FETCHED";

    private static final Pattern CREDENTIAL_PATH =
            Pattern.compile("/credentials/([0-9a-fA-F-]{36})(\\.json|\\.png|\\.svg)?");

    private final Verifier verifier;
    private final Optional<SafeFetcher> network;
    private final Optional<LocalDocuments> local;
    private final LocalCredentials credentials;

    /** Only this installation's own documents; nothing fetched, no registry but its issuers. */
    public VerificationService(
            IssuerService issuers, StatusListService status, DidWebHost host, Clock clock) {
        this(
                new LocalDocuments(issuers, status, host),
                VerificationSources.LOCAL_ONLY,
                LocalCredentials.NONE,
                clock);
    }

    /**
     * This installation's documents first, then the sources'.
     *
     * @param credentials this installation's issued credentials, for {@link #verifyUrl} of its own
     *     pages
     */
    public VerificationService(
            LocalDocuments local,
            VerificationSources sources,
            LocalCredentials credentials,
            Clock clock) {
        DocumentFetcher documents =
                sources.network().isPresent()
                        ? new LocalFirstFetcher(local, sources.network().get())
                        : local;
        List<IssuerRegistry> registries = new ArrayList<>();
        registries.add(local.knownIssuers());
        registries.addAll(sources.registries());
        this.verifier =
                Verifier.builder()
                        .resolver(CompositeResolver.standard(documents))
                        .fetcher(documents)
                        .registry(IssuerRegistry.firstOf(registries))
                        .clock(clock)
                        .build();
        this.network = sources.network();
        this.local = Optional.of(local);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    public VerificationService(Verifier verifier) {
        this(verifier, Optional.empty());
    }

    /** A ready verifier, and the fetcher {@link #verifyUrl} uses (none: URLs are not fetched). */
    public VerificationService(Verifier verifier, Optional<SafeFetcher> network) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.network = Objects.requireNonNull(network, "network");
        this.local = Optional.empty();
        this.credentials = LocalCredentials.NONE;
    }

    /** Verifies raw input: JSON (credential or presentation), a compact JWS, or a baked image. */
    public VerificationReport verify(byte[] input, VerifyOptions options) {
        return verifier.verify(input, options);
    }

    /**
     * Fetches the URL with the safe fetcher (an HTML page is followed to the JSON it links) and
     * verifies what it gives. A URL that is refused or cannot be fetched is not an error of the
     * request but a report whose SYNTAX check is "could not check", with the reason (e.g. "refused:
     * 10.0.0.1 is a private address"), so the page, API and CLI show it like any other check. This
     * installation's own credential pages are read from the database, not fetched.
     */
    public VerificationReport verifyUrl(String url, VerifyOptions options) {
        try {
            URI uri = parse(url);
            Optional<byte[]> own = ownCredential(uri);
            if (own.isPresent()) {
                return verify(own.get(), options);
            }
            SafeFetcher fetcher =
                    network.orElseThrow(
                            () ->
                                    new ResolutionException(
                                            ResolutionError.NETWORK_UNAVAILABLE,
                                            "this server does not fetch URLs"));
            return verify(fetcher.fetchResource(uri).body(), options);
        } catch (ResolutionException e) {
            return new VerificationReport(
                    "url",
                    Optional.empty(),
                    List.of(
                            Check.couldNotCheck(
                                    CheckName.SYNTAX,
                                    URL_NOT_FETCHED,
                                    "Could not fetch " + url + ": " + e.getMessage())),
                    List.of());
        }
    }

    /** The stored credential when the URL is one of this installation's credential pages. */
    private Optional<byte[]> ownCredential(URI url) throws ResolutionException {
        if (local.isEmpty() || !local.get().isLocal(url) || url.getRawPath() == null) {
            return Optional.empty();
        }
        Matcher path = CREDENTIAL_PATH.matcher(url.getRawPath());
        if (!path.matches()) {
            return Optional.empty();
        }
        Optional<byte[]> document = credentials.document(UUID.fromString(path.group(1)));
        if (document.isEmpty() && credentials != LocalCredentials.NONE) {
            throw new ResolutionException(
                    ResolutionError.NOT_FOUND, "this installation issued no credential " + url);
        }
        return document;
    }

    /** Releases the network fetcher's pooled connections, if any. */
    @Override
    public void close() {
        network.ifPresent(SafeFetcher::close);
    }

    private static URI parse(String url) throws ResolutionException {
        try {
            return new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new ResolutionException(
                    ResolutionError.INVALID_DID, "not a URL: " + e.getMessage(), e);
        }
    }
}

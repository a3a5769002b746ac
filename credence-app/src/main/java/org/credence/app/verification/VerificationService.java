package org.credence.app.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.db.Database;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.core.Verifier;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.BakingException;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * Verifies credentials from anyone, for the verify page, {@code POST /verify} and the VC-API: the
 * core {@link Verifier} with this installation's own documents answered from the database, other
 * issuers' documents through the {@link SafeFetcher}, and issuer trust from this installation's
 * issuers and the configured registries. It also keeps results for their shareable links ({@code
 * /verify/results/<id>}, {@link #RESULT_LIFETIME}). One instance per process; thread-safe.
 */
public final class VerificationService implements AutoCloseable {

    /** How long a kept result's link works. */
    public static final Duration RESULT_LIFETIME = Duration.ofDays(30);

    /** The code of the check a URL that could not be fetched gives. */
    public static final String URL_NOT_FETCHED = "URL_NOT_FETCHED";

    private static final Pattern CREDENTIAL_PATH =
            Pattern.compile("/credentials/([0-9a-fA-F-]{36})(\\.json|\\.png|\\.svg)?");

    private final Verifier verifier;
    private final Optional<SafeFetcher> network;
    private final Optional<LocalDocuments> local;
    private final LocalCredentials credentials;
    private final Optional<Jdbi> kept;
    private final Clock clock;
    private final VerificationResultStore results = new VerificationResultStore();
    private final BadgeBaker baker = new BadgeBaker();

    /**
     * This installation's documents first, then the sources'.
     *
     * @param database where results are kept for their shareable links
     * @param credentials this installation's issued credentials, for {@link #verifyUrl} of its own
     *     pages
     */
    public VerificationService(
            Database database,
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
        this.kept = Optional.of(database.jdbi());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A ready verifier, and the fetcher {@link #verifyUrl} uses (none: URLs are not fetched). Keeps
     * no results.
     */
    public VerificationService(Verifier verifier, Optional<SafeFetcher> network) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.network = Objects.requireNonNull(network, "network");
        this.local = Optional.empty();
        this.credentials = LocalCredentials.NONE;
        this.kept = Optional.empty();
        this.clock = Clock.systemUTC();
    }

    /** Verifies raw input: JSON (credential or presentation), a compact JWS, or a baked image. */
    public VerificationReport verify(byte[] input, VerifyOptions options) {
        return FetchBudget.within(() -> verifier.verify(input, options));
    }

    /**
     * Fetches the URL with the safe fetcher (an HTML page is followed to the JSON it links) and
     * verifies what it gives. A URL that is refused or cannot be fetched is not an error of the
     * request but a report whose SYNTAX check is "could not check", with the reason (e.g. "refused:
     * 10.0.0.1 is a private address"), so the page, API and CLI show it like any other check. This
     * installation's own credential pages are read from the database, not fetched.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code url}) for text that is not an http
     *     or https address
     */
    public VerificationReport verifyUrl(String url, VerifyOptions options) {
        Fetched fetched = fetch(url);
        return fetched.document().map(bytes -> verify(bytes, options)).orElse(fetched.failure());
    }

    /** Verifies raw input and keeps the result for its shareable link. */
    public StoredVerification verifyAndKeep(byte[] input, VerifyOptions options) {
        return keep(documentOf(input), verify(input, options));
    }

    /**
     * Verifies the credential at {@code url} and keeps the result for its shareable link (when the
     * URL could not be fetched, the URL itself is kept, so "check again" fetches it again).
     */
    public StoredVerification verifyUrlAndKeep(String url, VerifyOptions options) {
        Fetched fetched = fetch(url);
        return fetched.document()
                .map(
                        bytes ->
                                keep(
                                        new String(bytes, StandardCharsets.UTF_8),
                                        verify(bytes, options)))
                .orElseGet(() -> keep(url.strip(), fetched.failure()));
    }

    /**
     * A kept result.
     *
     * @throws AppException {@code NOT_FOUND} when the id is unknown or the result expired
     */
    public StoredVerification result(UUID id) {
        Instant now = clock.instant();
        return jdbi().withHandle(handle -> results.find(handle, id, now))
                .orElseThrow(() -> AppException.notFound("Verification result"));
    }

    /** Verifies a kept result's credential again, now, and keeps the new result. */
    public StoredVerification recheck(UUID id, VerifyOptions options) {
        String document = result(id).document();
        if (isWebAddress(document)) {
            return verifyUrlAndKeep(document, options);
        }
        return keep(document, verify(document.getBytes(StandardCharsets.UTF_8), options));
    }

    /**
     * Who issued the verified credential, as pages show it beside its name: the domain this
     * installation verified for it (when a verified proof binds it to one of this installation's
     * issuers), else its identifier; confirmed only when the issuer trust check passed. Empty when
     * the report has no credential naming an issuer.
     */
    public Optional<IssuerIdentity> issuerOf(VerificationReport report) {
        return IssuerIdentities.of(
                report, id -> local.flatMap(documents -> documents.issuerIdentity(id)));
    }

    /** Releases the network fetcher's pooled connections, if any. */
    @Override
    public void close() {
        network.ifPresent(SafeFetcher::close);
    }

    /**
     * A URL's document, or the report saying why it could not be had.
     *
     * @param document the bytes fetched (or this installation's own stored credential)
     * @param failure when there are none, the report whose SYNTAX check says why; else null
     */
    public record Fetched(Optional<byte[]> document, VerificationReport failure) {}

    /**
     * What {@link #verifyUrl} would verify, without verifying it: for callers that keep the
     * document (the learner wallet's imports).
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code url}) for text that is not an http
     *     or https address
     */
    public Fetched fetchDocument(String url) {
        return fetch(url);
    }

    private Fetched fetch(String url) {
        URI uri = parse(url);
        try {
            Optional<byte[]> own = ownCredential(uri);
            if (own.isPresent()) {
                return new Fetched(own, null);
            }
            SafeFetcher fetcher =
                    network.orElseThrow(
                            () ->
                                    new ResolutionException(
                                            ResolutionError.NETWORK_UNAVAILABLE,
                                            "this server does not fetch URLs"));
            return new Fetched(Optional.of(fetcher.fetchResource(uri).body()), null);
        } catch (ResolutionException e) {
            return new Fetched(
                    Optional.empty(),
                    new VerificationReport(
                            "url",
                            Optional.empty(),
                            List.of(
                                    Check.couldNotCheck(
                                            CheckName.SYNTAX,
                                            URL_NOT_FETCHED,
                                            "Could not fetch " + url + ": " + e.getMessage())),
                            List.of()));
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

    private static URI parse(String url) {
        if (!isWebAddress(url)) {
            throw AppException.invalid("url: give an http:// or https:// address");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw AppException.invalid("url: not a valid address (" + e.getReason() + ")");
        }
    }

    private static boolean isWebAddress(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private StoredVerification keep(String document, VerificationReport report) {
        Instant now = clock.instant();
        StoredVerification result =
                new StoredVerification(
                        UUID.randomUUID(), now, now.plus(RESULT_LIFETIME), document, report);
        jdbi().useTransaction(
                        handle -> {
                            results.deleteExpired(handle, now);
                            results.insert(handle, result);
                        });
        return result;
    }

    private Jdbi jdbi() {
        return kept.orElseThrow(
                () -> new IllegalStateException("this verification service keeps no results"));
    }

    /** The credential as verified: an image's baked credential, else the text itself. */
    private String documentOf(byte[] input) {
        if (input.length > 0 && (input[0] == (byte) 0x89 || input[0] == '<')) {
            try {
                return baker.extract(input).credential();
            } catch (BakingException e) {
                return "";
            }
        }
        return new String(input, StandardCharsets.UTF_8).strip();
    }
}

package org.credence.app.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.credential.CredentialService;
import org.credence.app.db.Database;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.status.StatusListService;
import org.credence.core.Verifier;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.BakingException;
import org.credence.core.did.CompositeResolver;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * Verifies credentials from anyone, for the verify page, {@code POST /verify} and the VC-API: the
 * core {@link Verifier} with this installation's own documents answered from the database. It also
 * keeps results for their shareable links ({@code /verify/results/<id>}, {@link #RESULT_LIFETIME}).
 * One instance per process; thread-safe.
 */
public final class VerificationService {

    /** How long a kept result's link works. */
    public static final Duration RESULT_LIFETIME = Duration.ofDays(30);

    private static final Pattern OWN_CREDENTIAL =
            Pattern.compile("/credentials/([0-9a-fA-F-]{36})(?:\\.json)?");

    /**
     * What the service is built from.
     *
     * @param database where results are kept
     * @param issuers this installation's did:web documents
     * @param status this installation's status lists
     * @param credentials this installation's stored credentials (URL input)
     * @param host the public base URL
     */
    public record Sources(
            Database database,
            IssuerService issuers,
            StatusListService status,
            CredentialService credentials,
            DidWebHost host) {

        public Sources {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(issuers, "issuers");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(host, "host");
        }
    }

    private final Verifier verifier;
    private final Jdbi jdbi;
    private final CredentialService credentials;
    private final DidWebHost host;
    private final Clock clock;
    private final VerificationResultStore results = new VerificationResultStore();
    private final BadgeBaker baker = new BadgeBaker();

    public VerificationService(Sources sources, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jdbi = sources.database().jdbi();
        this.credentials = sources.credentials();
        this.host = sources.host();
        LocalDocuments documents =
                new LocalDocuments(sources.issuers(), sources.status(), sources.host());
        this.verifier =
                Verifier.builder()
                        .resolver(CompositeResolver.standard(documents))
                        .fetcher(documents)
                        .clock(clock)
                        .build();
    }

    /** Verifies raw input: JSON (credential or presentation), a compact JWS, or a baked image. */
    public VerificationReport verify(byte[] input, VerifyOptions options) {
        return verifier.verify(input, options);
    }

    /**
     * Verifies the credential at {@code url}.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code url}) for a URL that cannot be read
     */
    public VerificationReport verifyUrl(String url, VerifyOptions options) {
        return verify(fetch(url), options);
    }

    /** Verifies raw input and keeps the result for its shareable link. */
    public StoredVerification verifyAndKeep(byte[] input, VerifyOptions options) {
        return keep(documentOf(input), verify(input, options));
    }

    /** Verifies the credential at {@code url} and keeps the result for its shareable link. */
    public StoredVerification verifyUrlAndKeep(String url, VerifyOptions options) {
        byte[] document = fetch(url);
        return keep(new String(document, StandardCharsets.UTF_8), verify(document, options));
    }

    /**
     * A kept result.
     *
     * @throws AppException {@code NOT_FOUND} when the id is unknown or the result expired
     */
    public StoredVerification result(UUID id) {
        Instant now = clock.instant();
        return jdbi.withHandle(handle -> results.find(handle, id, now))
                .orElseThrow(() -> AppException.notFound("Verification result"));
    }

    /** Verifies a kept result's credential again, now, and keeps the new result. */
    public StoredVerification recheck(UUID id, VerifyOptions options) {
        String document = result(id).document();
        return keep(document, verify(document.getBytes(StandardCharsets.UTF_8), options));
    }

    /**
     * The document at {@code url}. For now only this installation's own public credential URLs
     * ({@code <base>/credentials/<id>} and {@code .json}), read from the database: fetching
     * anything else needs the SSRF-safe network fetcher (issue #4), which replaces this method.
     */
    private byte[] fetch(String url) {
        String refusal =
                "url: only this installation's credential addresses ("
                        + host.base()
                        + "/credentials/…) can be checked by address here; download the"
                        + " credential and upload it instead";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw AppException.invalid("url: not a valid address");
        }
        String authority = host.baseUrl().getRawAuthority().toLowerCase(Locale.ROOT);
        boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        if (!web
                || uri.getRawAuthority() == null
                || !uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(authority)
                || uri.getRawQuery() != null
                || uri.getRawPath() == null) {
            throw AppException.invalid(refusal);
        }
        Matcher path = OWN_CREDENTIAL.matcher(uri.getRawPath());
        UUID id;
        try {
            id = path.matches() ? UUID.fromString(path.group(1)) : null;
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw AppException.invalid(refusal);
        }
        return credentials.document(id).text().getBytes(StandardCharsets.UTF_8);
    }

    private StoredVerification keep(String document, VerificationReport report) {
        Instant now = clock.instant();
        StoredVerification result =
                new StoredVerification(
                        UUID.randomUUID(), now, now.plus(RESULT_LIFETIME), document, report);
        jdbi.useTransaction(
                handle -> {
                    results.deleteExpired(handle, now);
                    results.insert(handle, result);
                });
        return result;
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

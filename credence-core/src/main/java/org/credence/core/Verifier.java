package org.credence.core;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.BakedCredential;
import org.credence.core.bake.BakingException;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethod;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.json.InputException;
import org.credence.core.json.InputProblem;
import org.credence.core.json.JsonInput;
import org.credence.core.json.JsonValues;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.jwt.JwtVerification;
import org.credence.core.jwt.VcJwtVerifier;
import org.credence.core.jwt.VpJwtVerification;
import org.credence.core.jwt.VpJwtVerifier;
import org.credence.core.ob2.Ob2Assertions;
import org.credence.core.ob2.Ob2Verifier;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.CredentialVerifier;
import org.credence.core.verify.HeaderKeyBinding;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.PresentationVerifier;
import org.credence.core.verify.Unchecked;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.core.work.Deadline;
import org.credence.core.work.DeadlineExceededException;

/**
 * The front door for verification: reads a credential in any supported form (JSON, compact JWS, PNG
 * or SVG with a baked credential, the URL of a hosted document), or a presentation (JSON or VP-JWT)
 * with the credentials inside it, and returns a {@link VerificationReport} of named checks. Open
 * Badges 2.0 assertions (hosted or signed) go to the {@link Ob2Verifier}. It never stops at the
 * first problem and never turns "could not check" into "passed".
 *
 * <p>Every verification runs under a {@link Deadline} (by default {@link Deadline#DEFAULT_LIMIT} of
 * the thread's CPU time): past it, the report is one "could not check" ({@code TIME_LIMIT}) with no
 * credential. Documents over the {@link org.credence.core.json.JsonComplexity} limits are not
 * checked at all ({@code TOO_COMPLEX}).
 *
 * <p>Immutable and thread-safe; build once and share.
 */
public final class Verifier {

    private static final String ENVELOPED_VP_JWT = "data:application/vp+jwt,";

    private final CredentialVerifier credentials;
    private final PresentationVerifier presentations;
    private final VerificationMethodResolver resolver;
    private final Canonicalizer canonicalizer;
    private final JsonInput jsonInput;
    private final Clock clock;
    private final DocumentFetcher fetcher;
    private final Ob2Verifier ob2;
    private final BadgeBaker baker = new BadgeBaker();
    private final Supplier<Deadline> deadlines;
    private final HeaderKeyBinding headerKeys;

    private Verifier(Builder builder) {
        Duration limit = builder.timeLimit;
        LongSupplier ticker = builder.ticker;
        this.deadlines = () -> Deadline.start(limit, ticker);
        this.resolver = builder.resolver;
        this.canonicalizer = builder.canonicalizer;
        this.jsonInput = builder.jsonInput;
        this.clock = builder.clock;
        this.fetcher = builder.fetcher;
        this.ob2 = new Ob2Verifier(fetcher, jsonInput, clock);
        this.headerKeys = new HeaderKeyBinding(fetcher);
        this.credentials =
                new CredentialVerifier(
                        new DataIntegrity(canonicalizer),
                        resolver,
                        builder.fetcher,
                        clock,
                        (jws, depth) -> verifyJwt(jws, VerifyOptions.DEFAULT, depth),
                        builder.registry);
        this.presentations =
                new PresentationVerifier(
                        new DataIntegrity(canonicalizer), resolver, credentials, this::verifyJwt);
    }

    /** A verifier that resolves only {@code did:key} and fetches nothing: fully offline. */
    public static Verifier offline() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies raw input: a baked PNG or SVG, JSON, or a compact JWS (UTF-8). */
    public VerificationReport verify(byte[] input, VerifyOptions options) {
        return bounded("unknown", () -> verifyBytes(input, options));
    }

    private VerificationReport verifyBytes(byte[] input, VerifyOptions options) {
        if (input.length > 0 && (input[0] == (byte) 0x89 || looksLikeSvg(input))) {
            BakedCredential baked;
            try {
                baked = baker.extract(input);
            } catch (BakingException e) {
                return unreadable("image", e.error().name(), e.getMessage());
            }
            VerificationReport report = verify(baked.credential(), options);
            // an OB 2.0 report keeps its ob2-hosted / ob2-signed format: how it is verified
            // matters more than the image it came in
            return report.format().startsWith("ob2-")
                    ? report
                    : relabel(report, baked.format().name().toLowerCase(java.util.Locale.ROOT));
        }
        return verify(new String(input, StandardCharsets.UTF_8), options);
    }

    /**
     * Verifies text: a JSON credential, presentation or OB 2.0 assertion, a compact JWS (VC-JWT,
     * VP-JWT or signed OB 2.0 assertion), or the http(s) URL of a hosted document, fetched through
     * the verifier's {@link DocumentFetcher}.
     */
    public VerificationReport verify(String text, VerifyOptions options) {
        return bounded("unknown", () -> verifyText(text, options));
    }

    private VerificationReport verifyText(String text, VerifyOptions options) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            JsonObject document;
            try {
                document = jsonInput.parseObject(trimmed);
            } catch (InputException e) {
                return e.problem() == InputProblem.TOO_COMPLEX
                        ? Unchecked.tooComplex("json", e.getMessage())
                        : unreadable("json", e.problem().name(), e.getMessage());
            }
            return verifyDocument(document, options);
        }
        if (isHttpUrl(trimmed)) {
            return verifyUrl(trimmed, options);
        }
        if (trimmed.chars().filter(ch -> ch == '.').count() == 2 && !trimmed.contains(" ")) {
            if (trimmed.length() > jsonInput.maxChars()) {
                return unreadable("jwt", "TOO_LARGE", "The JWT is too large");
            }
            if (VpJwtVerifier.isPresentation(trimmed)) {
                return verifyPresentationJwt(trimmed, options);
            }
            return ob2.signedAssertion(trimmed).isPresent()
                    ? ob2.verifySigned(trimmed, options)
                    : verifyJwt(trimmed, options, 0);
        }
        return unreadable(
                "unknown",
                "UNRECOGNISED_FORMAT",
                "Not a JSON credential, a JWT, or a PNG/SVG image with a baked credential");
    }

    /** Verifies a JSON credential secured with Data Integrity proofs. */
    public VerificationReport verifyCredential(JsonObject credential, VerifyOptions options) {
        return bounded("json", () -> credentials.verify(credential, options, 0));
    }

    /**
     * Verifies a JSON presentation: its proofs (purpose {@code authentication}, the options'
     * challenge and domain), its holder binding, and every credential inside as a nested report.
     */
    public VerificationReport verifyPresentation(JsonObject presentation, VerifyOptions options) {
        return bounded("json", () -> presentations.verify(presentation, options));
    }

    /** Runs one verification under its deadline; nested front-door calls share the outer one. */
    private VerificationReport bounded(String format, Supplier<VerificationReport> verification) {
        try {
            return Deadline.within(deadlines, verification);
        } catch (DeadlineExceededException e) {
            return Unchecked.tooCostly(format, e);
        }
    }

    private VerificationReport verifyDocument(JsonObject document, VerifyOptions options) {
        if (Ob2Assertions.isAssertion(document)) {
            return ob2.verifyAssertion(document, options);
        }
        if (PresentationVerifier.isPresentation(document)) {
            return verifyPresentation(document, options);
        }
        String id = document.getString("id", "");
        if (JsonValues.strings(document, "type").contains("EnvelopedVerifiablePresentation")
                && id.startsWith(ENVELOPED_VP_JWT)) {
            return verifyPresentationJwt(id.substring(ENVELOPED_VP_JWT.length()), options);
        }
        return verifyCredential(document, options);
    }

    private VerificationReport verifyPresentationJwt(String jws, VerifyOptions options) {
        Clock at = options.at().map(instant -> Clock.fixed(instant, ZoneOffset.UTC)).orElse(clock);
        VpJwtVerification jwt =
                new VpJwtVerifier(resolver, at).verify(jws, options.challenge(), options.domain());
        List<Check> checks = new ArrayList<>();
        jwt.check(CheckName.SYNTAX).ifPresent(checks::add);
        if (jwt.presentation() == null) {
            return new VerificationReport("jwt", Optional.empty(), checks, List.of());
        }
        JsonObject presentation = jwt.presentation();
        checks.add(presentations.dataModel(presentation));
        checks.add(contexts(PresentationVerifier.withoutCompactCredentials(presentation)));
        jwt.check(CheckName.PROOF).ifPresent(checks::add);
        jwt.check(CheckName.JWT_CLAIMS).ifPresent(checks::add);
        boolean proofPassed =
                jwt.check(CheckName.PROOF).map(c -> c.status() == CheckStatus.PASSED).orElse(false);
        List<VerificationMethod> verified =
                proofPassed && jwt.verificationMethod() != null
                        ? List.of(jwt.verificationMethod())
                        : List.of();
        return presentations.finish(
                "jwt",
                presentation,
                checks,
                new PresentationVerifier.Securing(jwt.holder(), verified),
                options);
    }

    private VerificationReport verifyJwt(String jws, VerifyOptions options, int depth) {
        Clock at = options.at().map(instant -> Clock.fixed(instant, ZoneOffset.UTC)).orElse(clock);
        JwtVerification jwt = new VcJwtVerifier(resolver, at).verify(jws);
        List<Check> checks = new ArrayList<>();
        jwt.check(CheckName.SYNTAX).ifPresent(checks::add);
        if (jwt.credential() == null) {
            jwt.check(CheckName.PROOF).ifPresent(checks::add);
            return new VerificationReport("jwt", Optional.empty(), checks, List.of());
        }
        JsonObject credential = jwt.credential();
        checks.add(credentials.dataModel(credential));
        checks.add(contexts(credential));
        checks.add(credentials.schema(credential));
        jwt.check(CheckName.PROOF).ifPresent(checks::add);
        jwt.check(CheckName.JWT_CLAIMS).ifPresent(checks::add);
        List<VerificationMethod> verified = new ArrayList<>();
        boolean proofPassed =
                jwt.check(CheckName.PROOF).map(c -> c.status() == CheckStatus.PASSED).orElse(false);
        if (proofPassed && jwt.verificationMethod() != null) {
            VerificationMethod method = jwt.verificationMethod();
            if (method.controller() == null) {
                // a jwk header key: the issuer's only if the issuer publishes it
                HeaderKeyBinding.Outcome binding = headerKeys.bind(credential, method);
                binding.method().ifPresent(verified::add);
                binding.check().ifPresent(checks::add);
            } else {
                verified.add(method);
            }
        }
        return credentials.finish("jwt", credential, checks, verified, options, depth);
    }

    /**
     * JSON-LD safe mode on the JWT's credential: a JWT signs bytes, but terms must still mean
     * something.
     */
    private Check contexts(JsonObject credential) {
        try {
            canonicalizer.expand(credential);
            return Check.passed(
                    CheckName.CONTEXTS, "All contexts are pinned and all terms defined");
        } catch (JsonLdException e) {
            return Check.failed(CheckName.CONTEXTS, e.problem().name(), e.getMessage());
        }
    }

    /**
     * A hosted document: an OB 2.0 assertion is verified as hosted at that URL, anything else as a
     * JSON credential. A fetch failure is "could not check".
     */
    private VerificationReport verifyUrl(String url, VerifyOptions options) {
        JsonObject document;
        try {
            document = fetcher.fetch(new URI(url));
        } catch (URISyntaxException e) {
            return unreadable("url", "MALFORMED_URL", "Not a valid URL: " + url);
        } catch (ResolutionException e) {
            return new VerificationReport(
                    "url",
                    Optional.empty(),
                    List.of(
                            Check.couldNotCheck(
                                    CheckName.SYNTAX,
                                    e.error().name(),
                                    "Could not fetch " + url + ": " + e.getMessage())),
                    List.of());
        }
        return Ob2Assertions.isHostedDocument(document)
                ? ob2.verifyFetched(url, document, options)
                : relabel(verifyCredential(document, options), "url");
    }

    private static boolean isHttpUrl(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://"))
                && text.chars().noneMatch(Character::isWhitespace)
                && text.length() <= 2048;
    }

    private static boolean looksLikeSvg(byte[] input) {
        String head =
                new String(input, 0, Math.min(input.length, 512), StandardCharsets.UTF_8).strip();
        return head.startsWith("<");
    }

    private static VerificationReport unreadable(String format, String code, String message) {
        return new VerificationReport(
                format,
                Optional.empty(),
                List.of(Check.failed(CheckName.SYNTAX, code, message)),
                List.of());
    }

    private static VerificationReport relabel(VerificationReport report, String format) {
        return new VerificationReport(
                format, report.credential(), report.checks(), report.nested());
    }

    /** Collaborators of a {@link Verifier}; defaults are fully offline. Not thread-safe. */
    public static final class Builder {
        private static final DocumentFetcher NO_NETWORK =
                url -> {
                    throw new ResolutionException(
                            ResolutionError.NETWORK_UNAVAILABLE,
                            "this verifier is offline and does not fetch " + url);
                };

        private VerificationMethodResolver resolver = CompositeResolver.offline();
        private DocumentFetcher fetcher = NO_NETWORK;
        private Canonicalizer canonicalizer = Canonicalizer.standard();
        private JsonInput jsonInput = JsonInput.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Optional<IssuerRegistry> registry = Optional.empty();
        private Duration timeLimit = Deadline.DEFAULT_LIMIT;
        private LongSupplier ticker = Deadline.threadCpuTime();

        private Builder() {}

        /**
         * How long one verification may work, on {@code ticker} (nanoseconds; by default the
         * thread's CPU time, see {@link Deadline#threadCpuTime()}).
         */
        public Builder timeLimit(Duration limit, LongSupplier ticker) {
            this.timeLimit = Objects.requireNonNull(limit, "limit");
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive");
            }
            return this;
        }

        /**
         * The issuers someone vouches for: a known issuer passes {@link CheckName#ISSUER_TRUST}, an
         * unknown one is a warning. Without a registry that check does not apply.
         */
        public Builder registry(IssuerRegistry registry) {
            this.registry = Optional.of(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /** How verification method URLs become keys (did:key, did:web, https …). */
        public Builder resolver(VerificationMethodResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * How status list credentials and other referenced documents (OB 2.0 hosted assertions,
         * BadgeClasses, issuer Profiles, keys and revocation lists, URLs given as input) are
         * fetched.
         */
        public Builder fetcher(DocumentFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        public Builder canonicalizer(Canonicalizer canonicalizer) {
            this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
            return this;
        }

        public Builder jsonInput(JsonInput jsonInput) {
            this.jsonInput = Objects.requireNonNull(jsonInput, "jsonInput");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Verifier build() {
            return new Verifier(this);
        }
    }
}

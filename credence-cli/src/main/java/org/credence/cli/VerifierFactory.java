package org.credence.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.verification.FetchSettings;
import org.credence.app.verification.RegistryFiles;
import org.credence.app.verification.SafeFetcher;
import org.credence.core.Verifier;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DidKeyResolver;
import org.credence.core.did.DidWebResolver;
import org.credence.core.did.DocumentFetcher;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.did.HttpsMethodResolver;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.did.VerificationMethodResolver;
import org.credence.core.verify.IssuerRegistry;

/**
 * Builds the {@link Verifier} of {@code credence verify}, so that tests and other front ends verify
 * exactly as the CLI does: {@code did:key} offline; {@code did:web}, {@code https:} methods and
 * status lists through local fixture documents when given, else "network unavailable" (which
 * verifies as COULD NOT CHECK, never as passed). The CLI does not go on the network.
 *
 * <p>Stateless and thread-safe.
 */
public final class VerifierFactory {

    private VerifierFactory() {}

    /**
     * How the verifier finds keys and documents.
     *
     * @param fixtures a folder of {@code {"url": ..., "document": ...}} files standing in for the
     *     network, if any
     * @param fragmentKeys <strong>offline test vectors only</strong>: trust the key written in a
     *     {@code <controller>#z…} method's fragment when it cannot be resolved — anyone can then
     *     sign as anyone
     * @param bareDid accept a bare {@code did:key:z…} (no fragment) as verification method
     * @param registries issuer registry files (DCC format), most authoritative first; none: the
     *     issuer trust check does not apply
     */
    public record Settings(
            Optional<Path> fixtures,
            boolean fragmentKeys,
            boolean bareDid,
            List<Path> registries,
            boolean online) {

        public Settings {
            Objects.requireNonNull(fixtures, "fixtures");
            registries = List.copyOf(registries);
        }

        /** Offline, with registries. */
        public Settings(
                Optional<Path> fixtures,
                boolean fragmentKeys,
                boolean bareDid,
                List<Path> registries) {
            this(fixtures, fragmentKeys, bareDid, registries, false);
        }

        /** Offline, without registries. */
        public Settings(Optional<Path> fixtures, boolean fragmentKeys, boolean bareDid) {
            this(fixtures, fragmentKeys, bareDid, List.of(), false);
        }

        /** did:key only, nothing fetched, no lenient options. */
        public static Settings offline() {
            return new Settings(Optional.empty(), false, false);
        }
    }

    /**
     * @throws IllegalArgumentException when the fixtures folder or a registry file cannot be read
     */
    public static Verifier create(Settings settings, Clock clock) {
        DocumentFetcher fetcher = fetcher(settings.fixtures());
        if (settings.online()) {
            // The server's fetcher: SSRF rules, limits and HTTP caching; fixtures answer first.
            DocumentFetcher network = new SafeFetcher(FetchSettings.STANDARD, clock);
            DocumentFetcher offline = fetcher;
            fetcher =
                    settings.fixtures().isEmpty()
                            ? network
                            : url -> {
                                try {
                                    return offline.fetch(url);
                                } catch (ResolutionException e) {
                                    return network.fetch(url);
                                }
                            };
        }
        Verifier.Builder builder =
                Verifier.builder()
                        .resolver(resolver(settings, fetcher))
                        .fetcher(fetcher)
                        .clock(clock);
        if (!settings.registries().isEmpty()) {
            builder.registry(IssuerRegistry.firstOf(RegistryFiles.read(settings.registries())));
        }
        return builder.build();
    }

    /** Fixture documents from {@code fixtures}, else a fetcher that is always offline. */
    public static DocumentFetcher fetcher(Optional<Path> fixtures) {
        if (fixtures.isEmpty()) {
            return url -> {
                throw new ResolutionException(
                        ResolutionError.NETWORK_UNAVAILABLE,
                        "offline (give --online to fetch, or --fixtures DIR to stand in for "
                                + url
                                + ")");
            };
        }
        Path directory = fixtures.get();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("fixtures folder not found: " + directory);
        }
        try {
            return FixtureDocuments.fromDirectory(directory);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** did:key, did:web and https methods; with the fragment-key fallback when asked. */
    public static VerificationMethodResolver resolver(Settings settings, DocumentFetcher fetcher) {
        VerificationMethodResolver resolver =
                new CompositeResolver(
                        Map.of(
                                "did:key:",
                                new DidKeyResolver(settings.bareDid()),
                                "did:web:",
                                new DidWebResolver(fetcher),
                                "https:",
                                new HttpsMethodResolver(fetcher)));
        return settings.fragmentKeys() ? new FragmentKeyFallback(resolver) : resolver;
    }
}

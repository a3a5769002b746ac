package org.credence.app.status;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.app.AppException;
import org.credence.app.issuer.IssuerService;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.status.BitstringStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusPurpose;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds, signs and caches the published status list credentials. A list is signed again only when
 * its version changed (a status change) or half its time to live has passed, so a busy status URL
 * costs one database read of the version and no signature.
 *
 * <p>Thread-safe: two threads may regenerate the same list at once; both results are correct and
 * the later one is kept.
 */
final class StatusListPublisher {

    private record Cached(long version, Instant refreshAt, StatusListDocument document) {}

    private final Jdbi jdbi;
    private final IssuerService issuers;
    private final StatusListPolicy policy;
    private final Clock clock;
    private final Canonicalizer canonicalizer;
    private final StatusListStore store;
    private final String statusBase;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    StatusListPublisher(
            Jdbi jdbi,
            IssuerService issuers,
            StatusListPolicy policy,
            Clock clock,
            Canonicalizer canonicalizer,
            StatusListStore store,
            String statusBase) {
        this.jdbi = jdbi;
        this.issuers = issuers;
        this.policy = policy;
        this.clock = clock;
        this.canonicalizer = canonicalizer;
        this.store = store;
        this.statusBase = statusBase;
    }

    String url(StatusListRef ref) {
        return statusBase + ref.segment();
    }

    StatusListDocument published(StatusListRef ref) {
        // The version is read before the bits: a list cached under a version never holds older
        // bits than that version had.
        StatusListStore.ListRow list =
                jdbi.withHandle(handle -> store.list(handle, ref.listId()))
                        .orElseThrow(() -> AppException.notFound("Status list"));
        String key = ref.segment();
        Cached cached = cache.get(key);
        if (cached != null
                && cached.version() == list.version()
                && clock.instant().isBefore(cached.refreshAt())) {
            return cached.document();
        }
        Cached fresh = generate(ref, list);
        cache.put(key, fresh);
        return fresh.document();
    }

    private Cached generate(StatusListRef ref, StatusListStore.ListRow list) {
        List<Integer> indexes =
                jdbi.withHandle(
                        handle ->
                                ref.purpose() == StatusPurpose.SUSPENSION
                                        ? store.suspendedIndexes(handle, list.id())
                                        : store.revokedIndexes(handle, list.id()));
        BitstringStatusList.Builder bits = BitstringStatusList.builder(list.length());
        indexes.forEach(index -> bits.set(index, true));
        Actor system = new Actor(list.organisationId(), "system", Role.ISSUER);
        KeyFile key = issuers.signer(system, list.issuerId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = now.plus(policy.ttl());
        JsonObject unsigned =
                new StatusListCredentials(clock)
                        .unsigned(
                                URI.create(url(ref)),
                                key.controller(),
                                ref.purpose(),
                                bits.build());
        JsonObject dated =
                Jsons.PROVIDER
                        .createObjectBuilder(unsigned)
                        .add("validUntil", validUntil.toString())
                        .build();
        JsonObject signed = new Issuer(key, canonicalizer, clock).sign(dated);
        String etag =
                "\"" + ref.segment() + "-" + list.version() + "-" + now.getEpochSecond() + "\"";
        return new Cached(
                list.version(),
                now.plus(policy.ttl().dividedBy(2)),
                new StatusListDocument(signed.toString(), etag, validUntil));
    }
}

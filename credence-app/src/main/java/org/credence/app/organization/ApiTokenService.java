package org.credence.app.organization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.issuer.WebReferences;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: bearer secrets ({@code cred_} + 32 random bytes in base64url) that act for their
 * organisation with the role they were given. The secret is shown once; only its SHA-256 is stored.
 * Owners create, list and revoke tokens; creation and revocation are audited.
 *
 * <p>Thread-safe.
 */
public final class ApiTokenService {

    /** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
    public static final String PREFIX = "cred_";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecretTokens tokens;
    private final ApiTokenStore store = new ApiTokenStore();
    private final AuditStore audit = new AuditStore();

    public ApiTokenService(Database database, Clock clock, SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new SecretTokens(random);
    }

    /** Creates a token with {@code role}. Owners only. */
    public CreatedApiToken create(Actor actor, String name, Role role) {
        actor.require(Role.OWNER);
        String tokenName = WebReferences.requireText("name", name, 200);
        Objects.requireNonNull(role, "role");
        String secret = PREFIX + tokens.next();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(UUID.randomUUID(), tokenName, role, now, Optional.empty());
        jdbi.useTransaction(
                handle -> {
                    store.insert(handle, actor.organisationId(), token, SecretTokens.hash(secret));
                    audit.append(
                            handle,
                            actor.organisationId(),
                            now,
                            actor.name(),
                            "token.created",
                            token.id().toString(),
                            tokenName + " (" + role.value() + ")");
                });
        return new CreatedApiToken(token, secret);
    }

    /** The organisation's tokens, newest first, revoked ones included. Owners only. */
    public List<ApiToken> list(Actor actor) {
        actor.require(Role.OWNER);
        return jdbi.withHandle(handle -> store.list(handle, actor.organisationId()));
    }

    /** Revokes a token (revoking a revoked token changes nothing). Owners only. */
    public ApiToken revoke(Actor actor, UUID tokenId) {
        actor.require(Role.OWNER);
        return jdbi.inTransaction(
                handle -> {
                    ApiToken token =
                            store.find(handle, actor.organisationId(), tokenId)
                                    .orElseThrow(() -> AppException.notFound("API token"));
                    if (!token.isRevoked()) {
                        store.revoke(handle, actor.organisationId(), tokenId, clock.instant());
                        audit.append(
                                handle,
                                actor.organisationId(),
                                clock.instant(),
                                actor.name(),
                                "token.revoked",
                                tokenId.toString(),
                                token.name());
                    }
                    return store.find(handle, actor.organisationId(), tokenId).orElseThrow();
                });
    }

    /** The actor a bearer secret stands for; empty for an unknown or revoked token. */
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> store.findLive(handle, SecretTokens.hash(secret)))
                .map(
                        found ->
                                new Actor(
                                        found.organisationId(),
                                        "token:" + found.token().name(),
                                        found.token().role()));
    }
}

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
 * <p>A token belongs to the membership of the member who created it (through a page, or through
 * another of their tokens): it authenticates only while that member belongs to the organisation,
 * and with at most the member's current role, read at every authentication. Removing the member
 * also revokes their tokens ({@link MemberService#remove}).
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

    /** Creates a token with {@code role}, belonging to the acting member. Owners only. */
    public CreatedApiToken create(Actor actor, String name, Role role) {
        actor.require(Role.OWNER);
        UUID creator = actor.person();
        String tokenName = WebReferences.requireText("name", name, 200);
        Objects.requireNonNull(role, "role");
        String secret = PREFIX + tokens.next();
        Instant now = clock.instant();
        ApiToken draft =
                new ApiToken(
                        UUID.randomUUID(),
                        tokenName,
                        role,
                        now,
                        Optional.empty(),
                        Optional.of(new ApiToken.Creator(creator, actor.name(), Optional.empty())),
                        Optional.empty());
        ApiToken token =
                jdbi.inTransaction(
                        handle -> {
                            store.insert(
                                    handle,
                                    actor.organisationId(),
                                    draft,
                                    SecretTokens.hash(secret));
                            audit.append(
                                    handle,
                                    actor.organisationId(),
                                    now,
                                    actor.name(),
                                    "token.created",
                                    draft.id().toString(),
                                    tokenName + " (" + role.value() + ")");
                            return store.find(handle, actor.organisationId(), draft.id())
                                    .orElseThrow();
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
                        store.revoke(
                                handle,
                                actor.organisationId(),
                                tokenId,
                                clock.instant(),
                                Optional.empty());
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

    /**
     * The actor a bearer secret stands for, with the token's role capped by its creator's current
     * role; empty for an unknown or revoked token, or one whose creator is no longer a member.
     */
    public Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> store.findLive(handle, SecretTokens.hash(secret)))
                .flatMap(ApiTokenService::actor);
    }

    private static Optional<Actor> actor(ApiTokenStore.Found found) {
        ApiToken token = found.token();
        return token.effectiveRole()
                .map(
                        role ->
                                new Actor(
                                        found.organisationId(),
                                        "token:" + token.name(),
                                        role,
                                        token.creator().map(ApiToken.Creator::userId)));
    }
}

package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upgrade to V21: API tokens made before creators were recorded are given to their creator
 * (found in the audit log) when that member is still in the organisation, and revoked otherwise;
 * pending invitations keep working and get an id.
 */
class MembershipUpgradeTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant THEN = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_tie_old_tokens_to_their_creators_membership_or_revoke_them(
            TestDatabase testDatabase) {
        // GIVEN a database as it was before V21: ada (a member) and bo (removed) made tokens, and
        // one token was made with another token
        Flyway.configure()
                .dataSource(testDatabase.jdbcUrl(), testDatabase.user(), testDatabase.password())
                .locations("classpath:db/migration")
                .target("19")
                .load()
                .migrate();
        UUID organisation = UUID.randomUUID();
        UUID ada = UUID.randomUUID();
        UUID bo = UUID.randomUUID();
        UUID adas = UUID.randomUUID();
        UUID bos = UUID.randomUUID();
        UUID tokens = UUID.randomUUID();
        Jdbi.create(testDatabase.jdbcUrl(), testDatabase.user(), testDatabase.password())
                .useTransaction(
                        handle -> {
                            handle.execute(
                                    "INSERT INTO organisations (id, slug, name, created_at)"
                                            + " VALUES (?, 'riverside', 'Riverside', ?)",
                                    organisation,
                                    THEN);
                            user(handle, ada, "ada@example.edu");
                            user(handle, bo, "bo@example.edu");
                            handle.execute(
                                    "INSERT INTO memberships (organisation_id, user_id, role,"
                                            + " created_at) VALUES (?, ?, 'owner', ?)",
                                    organisation,
                                    ada,
                                    THEN);
                            token(handle, organisation, adas, "ada@example.edu");
                            token(handle, organisation, bos, "bo@example.edu");
                            token(handle, organisation, tokens, "token:ada's");
                            handle.execute(
                                    "INSERT INTO invitations (token_hash, organisation_id, email,"
                                            + " role, invited_by, created_at, expires_at)"
                                            + " VALUES (?, ?, 'cy@example.edu', 'viewer',"
                                            + " 'ada@example.edu', ?, ?)",
                                    SecretTokens.hash("cy's link"),
                                    organisation,
                                    THEN,
                                    THEN.plusSeconds(7 * 24 * 3600));
                        });

        // WHEN
        try (Database database = TestOrganisations.open(testDatabase)) {
            // THEN
            ApiTokenStore store = new ApiTokenStore();
            database.jdbi()
                    .useHandle(
                            handle -> {
                                ApiToken kept =
                                        store.find(handle, organisation, adas).orElseThrow();
                                assertThat(kept.creator().map(ApiToken.Creator::userId))
                                        .contains(ada);
                                assertThat(kept.effectiveRole()).contains(Role.OWNER);
                                for (UUID revoked : new UUID[] {bos, tokens}) {
                                    ApiToken token =
                                            store.find(handle, organisation, revoked).orElseThrow();
                                    assertThat(token.isRevoked()).isTrue();
                                    assertThat(token.revokedReason())
                                            .hasValueSatisfying(
                                                    reason ->
                                                            assertThat(reason).contains("upgrade"));
                                }
                                Optional<Invitation> invitation =
                                        new MemberStore()
                                                .invitation(
                                                        handle,
                                                        SecretTokens.hash("cy's link"),
                                                        THEN);
                                assertThat(invitation)
                                        .hasValueSatisfying(
                                                i -> {
                                                    assertThat(i.email())
                                                            .isEqualTo("cy@example.edu");
                                                    assertThat(i.id()).isNotNull();
                                                });
                            });
        }
    }

    private static void user(Handle handle, UUID id, String email) {
        handle.execute(
                "INSERT INTO users (id, email, display_name, password_hash, created_at)"
                        + " VALUES (?, ?, ?, 'x', ?)",
                id,
                email,
                email,
                THEN);
    }

    private static void token(Handle handle, UUID organisation, UUID id, String createdBy) {
        handle.execute(
                "INSERT INTO api_tokens (id, organisation_id, name, token_hash, role, created_at)"
                        + " VALUES (?, ?, ?, ?, 'owner', ?)",
                id,
                organisation,
                "token " + createdBy,
                SecretTokens.hash(id.toString()),
                THEN);
        handle.execute(
                "INSERT INTO audit_events (organisation_id, occurred_at, actor, action, subject,"
                        + " detail) VALUES (?, ?, ?, 'token.created', ?, 'x')",
                organisation,
                THEN,
                createdBy,
                id.toString());
    }
}

package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.app.organization.AccountServiceTest.assertProblem;
import static org.credence.app.organization.AccountServiceTest.signUp;

import java.security.SecureRandom;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTokenServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_authenticate_as_its_organisation_and_role_until_revoked(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            ApiTokenService tokens = new ApiTokenService(database, clock, new SecureRandom());
            Actor owner = accounts.signUp(signUp("Riverside", "ada@example.edu")).session().actor();
            Actor other =
                    accounts.signUp(signUp("Hillside", "grace@example.edu")).session().actor();

            // WHEN
            CreatedApiToken created = tokens.create(owner, "LMS <sync>", Role.ISSUER);

            // THEN
            assertThat(created.secret()).matches("cred_[A-Za-z0-9_-]{43}");
            assertThat(created.toString()).doesNotContain(created.secret());
            assertThat(tokens.authenticate(created.secret()))
                    .hasValueSatisfying(
                            actor -> {
                                assertThat(actor.organisationId())
                                        .isEqualTo(owner.organisationId());
                                assertThat(actor.role()).isEqualTo(Role.ISSUER);
                                assertThat(actor.name()).isEqualTo("token:LMS <sync>");
                            });
            assertThat(tokens.authenticate("cred_" + "A".repeat(43))).isEmpty();
            assertThat(tokens.list(other)).isEmpty();
            assertProblem(() -> tokens.revoke(other, created.token().id()), Problem.NOT_FOUND);
            assertProblem(
                    () ->
                            tokens.create(
                                    tokens.authenticate(created.secret()).orElseThrow(),
                                    "x",
                                    Role.OWNER),
                    Problem.FORBIDDEN);

            tokens.revoke(owner, created.token().id());
            assertThat(tokens.authenticate(created.secret())).isEmpty();
            assertThat(tokens.list(owner))
                    .singleElement()
                    .satisfies(token -> assertThat(token.isRevoked()).isTrue());
            assertThat(new AuditLog(database).newest(owner, 10))
                    .extracting(AuditEvent::action)
                    .containsExactly("token.revoked", "token.created", "organisation.created");
        }
    }
}

package org.credence.app.testing;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.achievement.AchievementService;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.AwardService;
import org.credence.app.award.IssueRequest;
import org.credence.app.credential.CredentialService;
import org.credence.app.db.Database;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerService;
import org.credence.app.issuer.KeyVault;
import org.credence.app.issuer.MasterKey;
import org.credence.app.issuer.TestOrganisations;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.status.StatusListPolicy;
import org.credence.app.status.StatusListService;
import org.credence.app.status.StatusPolicy;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;

/**
 * A ready-to-issue installation for tests: a migrated database, one organisation with its owner, an
 * issuer ({@code did:web:badges.example.edu:issuers:nursing}), an achievement (revocable, the
 * default) and a suspendable one, and every service from issuers to credentials wired as the server
 * wires them. Published in credence-app's test-jar for other modules' tests. Close it to release
 * the database pool.
 */
public record IssuanceWorld(
        Database database,
        Clock clock,
        Actor owner,
        IssuerProfile issuer,
        AchievementVersion achievement,
        AchievementVersion suspendableAchievement,
        IssuerService issuers,
        AchievementService achievements,
        StatusListService status,
        AwardService awards,
        CredentialService credentials)
        implements AutoCloseable {

    public static final String BASE = "https://badges.example.edu";

    /** A world at the vectors' fixed time (2026-01-01T00:00:00Z). */
    public static IssuanceWorld open(TestDatabase testDatabase) {
        return open(testDatabase, FixedClock.vectorsNow(), "riverside");
    }

    /** A world whose organisation and issuer slugs start with {@code slug}. */
    public static IssuanceWorld open(TestDatabase testDatabase, Clock clock, String slug) {
        Database database = TestOrganisations.open(testDatabase);
        try {
            return build(database, clock, slug);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Another organisation (with its own owner, issuer and achievement) in the same database. Close
     * only the world it came from: they share the pool.
     */
    public IssuanceWorld neighbour(String slug) {
        return build(database, clock, slug);
    }

    private static IssuanceWorld build(Database database, Clock clock, String slug) {
        SecureRandom random = new SecureRandom();
        DidWebHost host = DidWebHost.of(BASE);
        Actor owner = TestOrganisations.create(database, slug, Role.OWNER);
        IssuerService issuers =
                new IssuerService(
                        database, new KeyVault(MasterKey.generate(random), random), host, clock);
        IssuerProfile issuer =
                issuers.create(owner, IssuerDraft.of(slug + "-nursing", "School of Nursing"));
        AchievementService achievements = new AchievementService(database, URI.create(BASE), clock);
        AchievementVersion achievement =
                achievements.create(
                        owner,
                        AchievementDraft.of(
                                "Safe Medication Administration",
                                "Administers medication safely in a clinical setting.",
                                "Pass the **observed** assessment."));
        AchievementVersion suspendable =
                achievements.create(
                        owner,
                        AchievementDraft.of(
                                        "Controlled Drugs Handling",
                                        "Handles controlled drugs under supervision.",
                                        "Pass the **observed** assessment.")
                                .withStatusPolicy(StatusPolicy.REVOCABLE_AND_SUSPENDABLE));
        StatusListService status =
                new StatusListService(
                        database, issuers, host, StatusListPolicy.standard(), clock, random);
        return new IssuanceWorld(
                database,
                clock,
                owner,
                issuer,
                achievement,
                suspendable,
                issuers,
                achievements,
                status,
                new AwardService(database, issuers, achievements, status, host, clock, random),
                new CredentialService(database, issuers, status, host, clock));
    }

    /** Another member of the organisation with {@code role}. */
    public Actor as(Role role) {
        return TestOrganisations.as(owner, role);
    }

    /** A request for the world's achievement by its issuer, to {@code email}. */
    public IssueRequest requestFor(String email) {
        return IssueRequest.of(
                issuer.id(), achievement.achievementId(), AwardRecipient.ofEmail(email));
    }

    /**
     * A request for the world's suspendable achievement ({@link
     * StatusPolicy#REVOCABLE_AND_SUSPENDABLE}) by its issuer, to {@code email}.
     */
    public IssueRequest suspendableRequestFor(String email) {
        return IssueRequest.of(
                issuer.id(), suspendableAchievement.achievementId(), AwardRecipient.ofEmail(email));
    }

    @Override
    public void close() {
        database.close();
    }
}

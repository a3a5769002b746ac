package org.credence.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.credence.app.achievement.AchievementService;
import org.credence.app.db.Database;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerService;
import org.credence.app.issuer.KeyVault;
import org.credence.app.issuer.MasterKey;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.ApiTokenService;
import org.credence.app.organization.AuditLog;
import org.credence.app.organization.MemberService;
import org.credence.app.skill.SkillService;
import org.credence.server.config.CredenceConfig;

/**
 * The application services the server calls, built once from the database and settings. Closing it
 * closes the database. Thread-safe (every service is).
 *
 * @param database the database
 * @param host the public base URL and DIDs
 * @param accounts sign-up, sign-in, sessions, invitations
 * @param members members and invitations
 * @param apiTokens API tokens
 * @param auditLog reading the audit log
 * @param issuers issuer profiles, keys and DID documents
 * @param skills skill frameworks
 * @param achievements achievement designs
 */
public record Services(
        Database database,
        DidWebHost host,
        AccountService accounts,
        MemberService members,
        ApiTokenService apiTokens,
        AuditLog auditLog,
        IssuerService issuers,
        SkillService skills,
        AchievementService achievements)
        implements AutoCloseable {

    public Services {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(issuers, "issuers");
        Objects.requireNonNull(skills, "skills");
        Objects.requireNonNull(achievements, "achievements");
    }

    /** Opens (and migrates) the configured database and builds the services on it. */
    public static Services open(CredenceConfig config, Clock clock) {
        Database database = Database.open(config.database());
        try {
            return of(database, config.baseUrl(), config.masterKey(), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The services on an open database (which {@link #close()} will close). */
    public static Services of(
            Database database, DidWebHost host, MasterKey masterKey, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new Services(
                database,
                host,
                new AccountService(database, clock, random),
                new MemberService(database, clock, random),
                new ApiTokenService(database, clock, random),
                new AuditLog(database),
                new IssuerService(database, new KeyVault(masterKey, random), host, clock),
                new SkillService(database, clock),
                new AchievementService(database, host.baseUrl(), clock));
    }

    @Override
    public void close() {
        database.close();
    }
}

package org.credence.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.credence.app.achievement.AchievementService;
import org.credence.app.award.AwardService;
import org.credence.app.bulk.BulkIssueHandler;
import org.credence.app.bulk.BulkIssueService;
import org.credence.app.credential.CredentialService;
import org.credence.app.db.Database;
import org.credence.app.db.DatabaseSettings;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.exchange.ExchangeService;
import org.credence.app.exchange.WalletTransfers;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.DomainFiles;
import org.credence.app.issuer.IssuerService;
import org.credence.app.issuer.IssuerTrustService;
import org.credence.app.issuer.KeyVault;
import org.credence.app.issuer.MasterKey;
import org.credence.app.issuer.Operators;
import org.credence.app.job.Backoff;
import org.credence.app.job.JobQueue;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.ApiTokenService;
import org.credence.app.organization.AuditLog;
import org.credence.app.organization.MemberPasswordAccounts;
import org.credence.app.organization.MemberService;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.organization.PasswordService;
import org.credence.app.skill.SkillService;
import org.credence.app.status.StatusListPolicy;
import org.credence.app.status.StatusListService;
import org.credence.app.transcript.TranscriptService;
import org.credence.app.verification.FetchSettings;
import org.credence.app.verification.LocalDocuments;
import org.credence.app.verification.RegistryFiles;
import org.credence.app.verification.SafeFetcher;
import org.credence.app.verification.VerificationService;
import org.credence.app.verification.VerificationSources;
import org.credence.app.wallet.DidAuthentication;
import org.credence.app.wallet.IdentifierService;
import org.credence.app.wallet.LearnerAccountService;
import org.credence.app.wallet.LearnerPasswordAccounts;
import org.credence.app.wallet.WalletExport;
import org.credence.app.wallet.WalletService;
import org.credence.app.wallet.WalletSharing;
import org.credence.app.wallet.WalletTranscriptService;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.server.config.CredenceConfig;
import org.credence.server.config.DataDirectory;

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
 * @param issuerTrust issuers' domain verification and operators' vetting
 * @param skills skill frameworks
 * @param achievements achievement designs
 * @param status status lists, revocation and suspension
 * @param awards issuing credentials
 * @param credentials issued credentials: public views, documents, baked images, verification
 * @param delivery e-mails to recipients, claim links, delivery states
 * @param jobs the durable job queue (bulk issuance)
 * @param bulk bulk issues from CSV
 * @param bulkHandler the job that issues a confirmed bulk issue
 * @param verification verifying anyone's credentials, and kept verification results
 * @param wallets sending claimed credentials to standards wallets (OpenID4VCI, VC-API exchanges)
 * @param learners learner (wallet) accounts and sessions
 * @param identifiers learners' e-mail addresses and DIDs, addresses verified by e-mailed codes
 * @param didAuthentication verifying learners' DIDs by a presentation answering a challenge
 * @param wallet learners' wallets: claims, imports, verification on view, skills summary
 * @param sharing learners' collections, share links and the show-my-name choice
 * @param transcripts CLR 2.0 transcripts signed by the platform
 * @param walletTranscripts transcripts made from, and kept in, learners' wallets
 * @param walletExport a learner's whole wallet as one ZIP archive
 * @param memberPasswords members' password resets by e-mailed link and password changes
 * @param learnerPasswords the same for learners' wallet accounts
 */
public record Services(
        Database database,
        DidWebHost host,
        AccountService accounts,
        MemberService members,
        ApiTokenService apiTokens,
        AuditLog auditLog,
        IssuerService issuers,
        IssuerTrustService issuerTrust,
        SkillService skills,
        AchievementService achievements,
        StatusListService status,
        AwardService awards,
        CredentialService credentials,
        DeliveryService delivery,
        JobQueue jobs,
        BulkIssueService bulk,
        BulkIssueHandler bulkHandler,
        VerificationService verification,
        WalletTransfers wallets,
        LearnerAccountService learners,
        IdentifierService identifiers,
        DidAuthentication didAuthentication,
        WalletService wallet,
        WalletSharing sharing,
        TranscriptService transcripts,
        WalletTranscriptService walletTranscripts,
        WalletExport walletExport,
        PasswordService memberPasswords,
        PasswordService learnerPasswords)
        implements AutoCloseable {

    /** How long a claim link stays valid. */
    public static final Duration CLAIM_VALIDITY = Duration.ofDays(90);

    /** The default job lease: a worker without a heartbeat for this long is presumed dead. */
    public static final Duration JOB_LEASE = Duration.ofSeconds(30);

    private static final Backoff JOB_BACKOFF =
            new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));

    public Services {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(issuers, "issuers");
        Objects.requireNonNull(issuerTrust, "issuerTrust");
        Objects.requireNonNull(skills, "skills");
        Objects.requireNonNull(achievements, "achievements");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(awards, "awards");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(bulkHandler, "bulkHandler");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(wallets, "wallets");
        Objects.requireNonNull(learners, "learners");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(didAuthentication, "didAuthentication");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(sharing, "sharing");
        Objects.requireNonNull(transcripts, "transcripts");
        Objects.requireNonNull(walletTranscripts, "walletTranscripts");
        Objects.requireNonNull(walletExport, "walletExport");
    }

    /** Opens (and migrates) the configured database and builds the services on it. */
    public static Services open(CredenceConfig config, Clock clock) {
        boolean embedded =
                config.database().equals(DatabaseSettings.embedded(config.dataDirectory()));
        if (embedded) {
            DataDirectory.secure(config.dataDirectory());
        }
        Database database = Database.open(config.database());
        if (embedded) {
            DataDirectory.secure(config.dataDirectory()); // the files H2 has just created
        }
        try {
            return of(
                    database,
                    config.baseUrl(),
                    config.masterKey(),
                    clock,
                    PasswordHasher.DEFAULT,
                    config.jobLease(),
                    verificationSources(config, clock),
                    new Operators(config.operatorEmails()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The services on an open database (which {@link #close()} will close). */
    public static Services of(
            Database database, DidWebHost host, MasterKey masterKey, Clock clock) {
        return of(database, host, masterKey, clock, PasswordHasher.DEFAULT);
    }

    /**
     * The services with the given password hashing cost (tests use a cheap one; production the
     * standard).
     */
    public static Services of(
            Database database,
            DidWebHost host,
            MasterKey masterKey,
            Clock clock,
            PasswordHasher.Parameters hashing) {
        return of(database, host, masterKey, clock, hashing, JOB_LEASE);
    }

    /**
     * The safe fetcher (with the configured test hosts) and the configured issuer registries.
     *
     * @throws IllegalArgumentException when a registry file cannot be read
     */
    public static VerificationSources verificationSources(CredenceConfig config, Clock clock) {
        if (!config.fetchAllowHosts().isEmpty()) {
            Logger.getLogger(Services.class.getName())
                    .warning(
                            "CREDENCE_FETCH_ALLOW_HOSTS is set: the verifier may fetch from "
                                    + config.fetchAllowHosts().stream()
                                            .map(host -> host.host() + ":" + host.port())
                                            .toList()
                                    + " although they are loopback or private addresses. This is"
                                    + " for tests only: unset it in production, where it lets"
                                    + " credentials reach those hosts.");
        }
        FetchSettings settings = FetchSettings.STANDARD.withAllowedHosts(config.fetchAllowHosts());
        return new VerificationSources(
                Optional.of(new SafeFetcher(settings, clock)),
                RegistryFiles.read(config.trustRegistries()));
    }

    /**
     * The services with the given password hashing cost and job lease; verification fetches with
     * the standard limits and no allowed test hosts, and consults no registry.
     */
    public static Services of(
            Database database,
            DidWebHost host,
            MasterKey masterKey,
            Clock clock,
            PasswordHasher.Parameters hashing,
            Duration jobLease) {
        return of(
                database,
                host,
                masterKey,
                clock,
                hashing,
                jobLease,
                new VerificationSources(
                        Optional.of(new SafeFetcher(FetchSettings.STANDARD, clock)), List.of()));
    }

    /**
     * The services with the given password hashing cost, job lease and verification sources, and no
     * installation operator.
     */
    public static Services of(
            Database database,
            DidWebHost host,
            MasterKey masterKey,
            Clock clock,
            PasswordHasher.Parameters hashing,
            Duration jobLease,
            VerificationSources sources) {
        return of(database, host, masterKey, clock, hashing, jobLease, sources, Operators.NONE);
    }

    /**
     * The services with the given password hashing cost, job lease, verification sources and
     * installation operators. Domain verification files are read through the sources' safe fetcher
     * (without one, nothing is fetched and a check says so).
     */
    public static Services of(
            Database database,
            DidWebHost host,
            MasterKey masterKey,
            Clock clock,
            PasswordHasher.Parameters hashing,
            Duration jobLease,
            VerificationSources sources,
            Operators operators) {
        SecureRandom random = new SecureRandom();
        IssuerService issuers =
                new IssuerService(database, new KeyVault(masterKey, random), host, clock);
        AchievementService achievements = new AchievementService(database, host.baseUrl(), clock);
        DeliveryService delivery = new DeliveryService(database, clock, random, CLAIM_VALIDITY);
        // Recipients are told of revocations and suspensions in the change's transaction.
        StatusListService status =
                new StatusListService(
                        database,
                        issuers,
                        host,
                        new StatusListService.Settings(StatusListPolicy.standard(), clock, random),
                        delivery.emailOnStatusChange(host.base()));
        AwardService awards =
                new AwardService(database, issuers, achievements, status, host, clock, random);
        JobQueue jobs = new JobQueue(database, clock, jobLease, JOB_BACKOFF);
        CredentialService credentials =
                new CredentialService(database, issuers, status, host, clock);
        VerificationService verification =
                new VerificationService(
                        database,
                        new LocalDocuments(issuers, status, host),
                        sources,
                        credentials::signedDocument,
                        clock);
        IdentifierService identifiers =
                new IdentifierService(database, delivery, clock, random, hashing);
        WalletService wallet =
                new WalletService(database, delivery, identifiers, verification, clock);
        TranscriptService transcripts = new TranscriptService(issuers, host, clock, random);
        return new Services(
                database,
                host,
                new AccountService(database, clock, random, hashing),
                new MemberService(database, delivery.invitationMail(host.base()), clock, random),
                new ApiTokenService(database, clock, random),
                new AuditLog(database),
                issuers,
                new IssuerTrustService(
                        database, host, domainFiles(sources), operators, clock, random),
                new SkillService(database, clock),
                achievements,
                status,
                awards,
                credentials,
                delivery,
                jobs,
                new BulkIssueService(database, issuers, achievements, jobs, clock),
                new BulkIssueHandler(
                        database, awards, delivery, issuers, achievements, host, clock),
                verification,
                WalletTransfers.of(
                        database,
                        new ExchangeService.Sources(delivery, credentials, verification),
                        host.base(),
                        clock,
                        random),
                new LearnerAccountService(database, identifiers, clock, random, hashing),
                identifiers,
                new DidAuthentication(database, verification, host.baseUrl().getHost(), clock),
                wallet,
                WalletSharing.of(database, wallet, host.base(), clock, random),
                transcripts,
                new WalletTranscriptService(database, wallet, transcripts, clock),
                new WalletExport(database, wallet, verification, clock),
                new PasswordService(database, new MemberPasswordAccounts(), clock, random, hashing),
                new PasswordService(
                        database, new LearnerPasswordAccounts(), clock, random, hashing));
    }

    /** Domain verification files through the safe fetcher, never from its cache. */
    private static DomainFiles domainFiles(VerificationSources sources) {
        return sources.network()
                .<DomainFiles>map(fetcher -> fetcher::fetchUncached)
                .orElse(
                        url -> {
                            throw new ResolutionException(
                                    ResolutionError.NETWORK_UNAVAILABLE,
                                    "this server fetches nothing from other hosts");
                        });
    }

    @Override
    public void close() {
        verification.close();
        database.close();
    }
}

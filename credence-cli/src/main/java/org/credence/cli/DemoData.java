package org.credence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.credence.app.achievement.AchievementDraft;
import org.credence.app.award.AwardRecipient;
import org.credence.app.award.IssueRequest;
import org.credence.app.award.IssuedCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.app.organization.SignUp;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillSource;
import org.credence.app.status.StatusPolicy;
import org.credence.server.Services;

/**
 * The demo organisation of {@code credence serve --demo}: an owner with a generated password, an
 * API token, an issuer, a small custom skill framework and three achievements aligned to it. Seeded
 * once; the sign-in details are kept in {@code <data-dir>/demo-credentials.properties} (readable
 * only by its owner) so later runs print them again instead of seeding twice.
 */
final class DemoData {

    static final String EMAIL = "owner@demo.credence.example";
    static final String FILE = "demo-credentials.properties";

    private static final String SKILLS =
            """
            code,name,description,url
            DEMO-1,Patient safety,Identifies and reports risks to patients,
            DEMO-2,Clinical communication,Hands over care clearly and completely,
            DEMO-3,Infection control,Applies hand hygiene and aseptic technique,
            DEMO-4,Medication administration,Gives medicines safely and records them,
            DEMO-5,Teamwork,Works with others across disciplines,
            """;

    private DemoData() {}

    /**
     * How to sign in to the demo.
     *
     * @param email the owner's e-mail address
     * @param password the owner's password
     * @param apiToken an owner API token
     * @param credentialUrl the public page of one demo credential (empty for older demo data)
     */
    record Credentials(String email, String password, String apiToken, String credentialUrl) {
        void print(PrintWriter out) {
            out.println("Demo organisation: sign in as " + email + " with password " + password);
            out.println("Demo API token (owner): " + apiToken);
            if (credentialUrl != null && !credentialUrl.isEmpty()) {
                out.println("Demo credential: " + credentialUrl);
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + email + "]";
        }
    }

    static Credentials seed(Services services, Path dataDirectory, SecureRandom random) {
        Path file = dataDirectory.resolve(FILE);
        if (Files.exists(file)) {
            return read(file);
        }
        String password = secret(random);
        Actor owner =
                services.accounts()
                        .signUp(new SignUp("Credence Demo College", "Demo Owner", EMAIL, password))
                        .session()
                        .actor();
        String apiToken = services.apiTokens().create(owner, "demo", Role.OWNER).secret();
        UUID issuerId =
                services.issuers()
                        .create(
                                owner,
                                IssuerDraft.of("demo-college", "Credence Demo College")
                                        .withUrl("https://demo.credence.example")
                                        .withDescription("A made-up college to try Credence with."))
                        .id();
        List<UUID> skills = importSkills(services, owner);
        UUID foundations =
                achievement(
                        services,
                        owner,
                        design("Safe Practice Foundations", "8"),
                        skills.subList(0, 3));
        // Suspendable, so the demo shows suspension (a medicines credential is paused while an
        // incident is reviewed); the others keep Open Badges 3.0's one status entry.
        UUID medicines =
                achievement(
                        services,
                        owner,
                        design("Medicines Management", "12")
                                .withStatusPolicy(StatusPolicy.REVOCABLE_AND_SUSPENDABLE),
                        skills.subList(3, 4));
        achievement(
                services,
                owner,
                design("Interprofessional Teamwork", "6"),
                List.of(skills.get(1), skills.get(4)));
        String credentialUrl =
                awardDemoCredentials(services, owner, issuerId, foundations, medicines);
        Credentials credentials = new Credentials(EMAIL, password, apiToken, credentialUrl);
        write(file, credentials);
        return credentials;
    }

    /**
     * Credentials for made-up learners (no e-mail is sent), one of them revoked and one suspended,
     * so the lists and public pages show something. Returns the public page of the first.
     */
    private static String awardDemoCredentials(
            Services services, Actor owner, UUID issuerId, UUID foundations, UUID medicines) {
        IssuedCredential first =
                services.awards()
                        .issue(
                                owner,
                                IssueRequest.of(
                                                issuerId,
                                                foundations,
                                                AwardRecipient.ofEmail(
                                                                "amara.okafor@demo.credence.example")
                                                        .withName("Amara Okafor"))
                                        .withNarrative(
                                                "Completed all placements and passed the practical"
                                                        + " assessment."));
        services.awards()
                .issue(
                        owner,
                        IssueRequest.of(
                                        issuerId,
                                        medicines,
                                        AwardRecipient.ofEmail("li.wei@demo.credence.example")
                                                .withName("Li Wei"))
                                .withFormat(SecuringFormat.VC_JWT));
        IssuedCredential suspended =
                services.awards()
                        .issue(
                                owner,
                                IssueRequest.of(
                                        issuerId,
                                        medicines,
                                        AwardRecipient.ofEmail("noor.hassan@demo.credence.example")
                                                .withName("Noor Hassan")));
        services.status()
                .suspend(owner, suspended.id(), "Paused while an incident is reviewed (demo)");
        IssuedCredential revoked =
                services.awards()
                        .issue(
                                owner,
                                IssueRequest.of(
                                        issuerId,
                                        foundations,
                                        AwardRecipient.ofEmail("sam.taylor@demo.credence.example")
                                                .withName("Sam Taylor")));
        services.status().revoke(owner, revoked.id(), "Awarded by mistake (demo)");
        return first.url();
    }

    private static List<UUID> importSkills(Services services, Actor owner) {
        try (Reader csv = new StringReader(SKILLS)) {
            services.skills()
                    .importFramework(
                            owner,
                            FrameworkImport.of("Demo clinical skills", SkillSource.CUSTOM, "1"),
                            csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return services.skills().search(owner, "", 100).stream()
                .sorted(java.util.Comparator.comparing(Skill::code))
                .map(Skill::id)
                .toList();
    }

    private static UUID achievement(
            Services services, Actor owner, AchievementDraft design, List<UUID> skills) {
        return services.achievements().create(owner, design.withSkills(skills)).achievementId();
    }

    /** A demo design: {@code name}, a description and criteria made from it, effort in hours. */
    private static AchievementDraft design(String name, String hours) {
        return AchievementDraft.of(
                        name,
                        "Recognises " + name.toLowerCase(java.util.Locale.ROOT) + ".",
                        "Complete the course and pass the **practical assessment**.")
                .withEffortHours(new BigDecimal(hours));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Credentials read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return new Credentials(
                properties.getProperty("email"),
                properties.getProperty("password"),
                properties.getProperty("apiToken"),
                properties.getProperty("credentialUrl", ""));
    }

    private static void write(Path file, Credentials credentials) {
        Properties properties = new Properties();
        properties.setProperty("email", credentials.email());
        properties.setProperty("password", credentials.password());
        properties.setProperty("apiToken", credentials.apiToken());
        properties.setProperty("credentialUrl", credentials.credentialUrl());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "credence serve --demo: the demo's sign-in (secrets)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}

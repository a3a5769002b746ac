package org.credence.cli;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.jsonld.Canonicalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence issue}: a signed Open Badges 3.0 credential for one recipient. */
@Command(
        name = "issue",
        mixinStandardHelpOptions = true,
        description = {
            "Issues a signed OpenBadgeCredential (Data Integrity eddsa-rdfc-2022 proof, or a"
                    + " VC-JWT). The issuer is the key's controller. Writes the credential to"
                    + " stdout or --out; on any error writes nothing and explains on stderr.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class IssueCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, description = "Issuer key file (Multikey JSON)")
    private Path keyFile;

    @Option(
            names = "--achievement",
            required = true,
            description = "Achievement JSON (id, type Achievement, name, description, criteria)")
    private Path achievementFile;

    @Option(
            names = "--recipient-email",
            description = "Recipient email; published only as a salted SHA-256 hash")
    private String recipientEmail;

    @Option(names = "--recipient-id", description = "Recipient id (a URI, e.g. a DID)")
    private URI recipientId;

    @Option(names = "--issuer-name", description = "Name of the issuer profile")
    private String issuerName;

    @Option(names = "--format", defaultValue = "json", description = "json or jwt (default: json)")
    private String format;

    @Option(names = "--valid-from", description = "ISO-8601 instant (default: now)")
    private String validFrom;

    @Option(names = "--valid-until", description = "ISO-8601 instant (default: no end)")
    private String validUntil;

    @Option(names = "--status-list", description = "URL of the revocation status list credential")
    private URI statusList;

    @Option(names = "--status-index", description = "This credential's index in --status-list")
    private Integer statusIndex;

    @Option(names = "--out", description = "Output file (default: stdout)")
    private Path out;

    IssueCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        boolean jwt = isJwt(format);
        KeyFile key = CliFiles.readKey(keyFile);
        JsonObject unsigned = new CredentialTemplate(environment.random()).unsigned(request(key));
        Issuer issuer = new Issuer(key, Canonicalizer.standard(), environment.clock());
        String credential;
        if (jwt) {
            // A JWT signs bytes, but verifiers still require every term to be defined.
            Canonicalizer.standard().expand(unsigned);
            credential = issuer.signJwt(unsigned);
        } else {
            credential = JsonText.pretty(issuer.sign(unsigned));
        }
        CliFiles.writeText(out, credential, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private CredentialRequest request(KeyFile key) {
        JsonObject achievement = JsonText.readObject(achievementFile, "achievement");
        Instant from =
                validFrom == null
                        ? environment.clock().instant().truncatedTo(ChronoUnit.SECONDS)
                        : instant(validFrom, "--valid-from");
        return new CredentialRequest(
                key.controller(),
                Optional.ofNullable(issuerName),
                achievement,
                new CredentialRequest.Recipient(
                        Optional.ofNullable(recipientEmail), Optional.ofNullable(recipientId)),
                new CredentialRequest.Validity(
                        from,
                        Optional.ofNullable(validUntil).map(t -> instant(t, "--valid-until"))),
                status());
    }

    private Optional<CredentialRequest.StatusReference> status() {
        if ((statusList == null) != (statusIndex == null)) {
            throw new CliException("--status-list and --status-index go together");
        }
        return statusList == null
                ? Optional.empty()
                : Optional.of(new CredentialRequest.StatusReference(statusList, statusIndex));
    }

    static boolean isJwt(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "jwt" -> true;
            default -> throw new CliException("--format must be json or jwt, was " + format);
        };
    }

    static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliException(
                    option + " must be an ISO-8601 instant like 2025-01-31T12:00:00Z, was " + text,
                    e);
        }
    }
}

package org.credence.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.credence.core.Verifier;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code credence verify}: checks a credential or a presentation (and every credential in it) and
 * prints a report of named checks.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Verifies a credential: JSON with a Data Integrity proof, a VC-JWT, an Open Badges 2.0"
                    + " assertion (hosted JSON or signed JWS), or a PNG/SVG badge with a baked"
                    + " credential or assertion; or a presentation (JSON or VP-JWT) and every"
                    + " credential in it. Prints the verdict (VERIFIED, FAILED, COULD NOT"
                    + " CHECK) and one line per check: ✓ passed, ✗ failed, ? could not check,"
                    + " ! warning, – not applicable.",
            "Offline by default: did:web and https keys, status lists and the documents of Open"
                    + " Badges 2.0 badges (hosted assertion, BadgeClass, issuer, key, revocation"
                    + " list) come from --fixtures, else they are COULD NOT CHECK. With --online they"
                    + " are fetched as the server fetches them (never from private, loopback or"
                    + " link-local addresses; size, time and redirect limits).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.ERROR_LINE})
final class VerifyCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Credential, presentation or badge; - for stdin")
    private String file;

    @Option(names = "--json", description = "Print the report as JSON")
    private boolean json;

    @Option(
            names = "--fixtures",
            paramLabel = "DIR",
            description = "Folder of {\"url\", \"document\"} JSON files answering fetches")
    private Path fixtures;

    @Option(names = "--recipient-email", description = "Check the credential was issued to it")
    private String recipientEmail;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Verify as of this ISO instant")
    private String at;

    @Option(
            names = "--challenge",
            description = "A presentation's proof must carry this challenge (VP-JWT: nonce)")
    private String challenge;

    @Option(
            names = "--domain",
            description = "A presentation's proof must be bound to this domain (VP-JWT: aud)")
    private String domain;

    @Option(
            names = "--fragment-key",
            description =
                    "OFFLINE TEST VECTORS ONLY, INSECURE: trust the key written in a"
                            + " <controller>#z… method that cannot be resolved (anyone can then"
                            + " sign as anyone)")
    private boolean fragmentKey;

    @Option(
            names = "--online",
            description =
                    "Fetch did:web documents, keys, status lists and hosted badges over the"
                            + " network, with the server's safety rules")
    private boolean online;

    @Option(names = "--bare-did", description = "Accept a bare did:key as verification method")
    private boolean bareDid;

    @Option(
            names = "--registry",
            paramLabel = "FILE",
            description =
                    "Issuer registry (DCC JSON format) to check the issuer against; repeat for"
                            + " several, most authoritative first. An unknown issuer is a warning")
    private List<Path> registries = new ArrayList<>();

    VerifyCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        VerifyOptions options =
                new VerifyOptions(
                                Optional.ofNullable(recipientEmail),
                                Optional.ofNullable(at)
                                        .map(text -> IssueCommand.instant(text, "--at")))
                        .withChallenge(challenge)
                        .withDomain(domain);
        byte[] input = CliFiles.read(file, environment.stdin());
        Verifier verifier =
                VerifierFactory.create(
                        new VerifierFactory.Settings(
                                Optional.ofNullable(fixtures),
                                fragmentKey,
                                bareDid,
                                registries,
                                online),
                        environment.clock());
        VerificationReport report = verifier.verify(input, options);
        Optional<Check> unreadable = unreadable(report);
        if (unreadable.isPresent()) {
            throw new CliException(
                    "cannot read "
                            + describe(file)
                            + " as a credential or presentation: "
                            + unreadable.get().message());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? ReportJson.render(report) : ReportText.render(report));
        out.flush();
        return ExitCodes.of(report.verdict());
    }

    /** Input that is not a credential at all is an input error (exit 2), not a failed check. */
    private static Optional<Check> unreadable(VerificationReport report) {
        return report.credential().isPresent()
                ? Optional.empty()
                : report.check(CheckName.SYNTAX).filter(Check::isFailed);
    }

    private static String describe(String file) {
        return CliFiles.STDIN.equals(file) ? "stdin" : file;
    }
}

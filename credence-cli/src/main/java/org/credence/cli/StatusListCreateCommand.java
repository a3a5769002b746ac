package org.credence.cli;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.status.BitstringStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusPurpose;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence status-list create}: a new, signed, all-clear status list credential. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a signed BitstringStatusListCredential with every status false. Publish it at"
                    + " --id; credentials point into it with issue --status-list/--status-index.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class StatusListCreateCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, description = "Issuer key file (Multikey JSON)")
    private Path keyFile;

    @Option(names = "--id", required = true, description = "URL the list will be published at")
    private URI id;

    @Option(
            names = "--length",
            defaultValue = "" + BitstringStatusList.MIN_LENGTH_BITS,
            description = "Number of entries, a multiple of 8 (default: ${DEFAULT-VALUE})")
    private int length;

    @Option(
            names = "--purpose",
            defaultValue = "revocation",
            description = "revocation or suspension (default: ${DEFAULT-VALUE})")
    private String purpose;

    @Option(names = "--out", description = "Output file (default: stdout)")
    private Path out;

    StatusListCreateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!id.isAbsolute()) {
            throw new CliException("--id must be an absolute URL, was " + id);
        }
        KeyFile key = CliFiles.readKey(keyFile);
        JsonObject unsigned =
                new StatusListCredentials(environment.clock())
                        .unsigned(
                                id,
                                key.controller(),
                                purpose(purpose),
                                BitstringStatusList.create(length));
        JsonObject signed =
                new Issuer(key, Canonicalizer.standard(), environment.clock()).sign(unsigned);
        CliFiles.writeText(out, JsonText.pretty(signed), spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static StatusPurpose purpose(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "revocation" -> StatusPurpose.REVOCATION;
            case "suspension" -> StatusPurpose.SUSPENSION;
            default ->
                    throw new CliException(
                            "--purpose must be revocation or suspension, was " + value);
        };
    }
}

package org.credence.cli;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.JsonValues;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.status.PublishedStatusList;
import org.credence.core.status.StatusListCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code credence status-list set}: changes one status and re-signs the list. */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Sets the status at --index (true = revoked or suspended, as the list's purpose says)"
                    + " and re-signs the list with the issuer's key. Writes FILE back unless --out.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class StatusListSetCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(index = "0", paramLabel = "FILE", description = "Status list credential")
    private Path file;

    @Option(names = "--key", required = true, description = "The list issuer's key file")
    private Path keyFile;

    @Option(names = "--index", required = true, description = "Entry to change")
    private int index;

    @Option(
            names = "--value",
            defaultValue = "true",
            arity = "1",
            description = "true or false (default: ${DEFAULT-VALUE})")
    private boolean value;

    @Option(names = "--out", description = "Output file (default: FILE)")
    private Path out;

    StatusListSetCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        JsonObject credential = JsonText.readObject(file, "status list");
        PublishedStatusList published = StatusListCredentials.read(credential);
        KeyFile key = CliFiles.readKey(keyFile);
        String listIssuer = JsonValues.idOf(credential, "issuer").orElse("");
        if (!listIssuer.equals(key.controller())) {
            throw new CliException(
                    "the list was issued by "
                            + (listIssuer.isEmpty() ? "nobody" : listIssuer)
                            + ", but the key belongs to "
                            + key.controller());
        }
        JsonObject unsigned =
                new StatusListCredentials(environment.clock())
                        .unsigned(
                                URI.create(published.credentialId()),
                                key.controller(),
                                published.purpose(),
                                published.list().with(index, value));
        JsonObject signed =
                new Issuer(key, Canonicalizer.standard(), environment.clock()).sign(unsigned);
        CliFiles.writeText(out == null ? file : out, JsonText.pretty(signed), null);
        return ExitCodes.OK;
    }
}

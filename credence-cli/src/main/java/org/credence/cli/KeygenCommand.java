package org.credence.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code credence keygen}: a new signing key in a Multikey file; prints its did:key. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a signing key controlled by its own did:key and writes it as a Multikey"
                    + " JSON file (it contains the SECRET key; the file is made readable by its"
                    + " owner only). Prints the did:key on stdout.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class KeygenCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Option(
            names = "--type",
            defaultValue = "ed25519",
            description = "ed25519 or p256 (default: ${DEFAULT-VALUE})")
    private String type;

    @Option(
            names = "--out",
            defaultValue = "credence-key.json",
            description = "Key file to create; never overwritten (default: ${DEFAULT-VALUE})")
    private Path out;

    KeygenCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        KeyFile key = KeyFile.generate(keyType(type), environment.random());
        CliFiles.writeSecret(out, key.toJson() + "\n");
        spec.commandLine().getOut().println(key.controller());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    static KeyType keyType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "ed25519" -> KeyType.ED25519;
            case "p256", "p-256" -> KeyType.P256;
            default -> throw new CliException("--type must be ed25519 or p256, was " + name);
        };
    }
}

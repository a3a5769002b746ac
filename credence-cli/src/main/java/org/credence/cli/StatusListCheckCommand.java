package org.credence.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.credence.core.status.StatusListCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence status-list check}: prints one status of a list. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Prints true or false: the status at --index of a status list credential. Reads the"
                    + " list only; its proof is not verified (verify the list for that).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class StatusListCheckCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Status list credential")
    private Path file;

    @Option(names = "--index", required = true, description = "Entry to read")
    private int index;

    @Override
    public Integer call() {
        boolean status =
                StatusListCredentials.read(JsonText.readObject(file, "status list"))
                        .list()
                        .get(index);
        spec.commandLine().getOut().println(status);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

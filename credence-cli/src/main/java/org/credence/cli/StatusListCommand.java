package org.credence.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code credence status-list}: the group of Bitstring Status List commands. */
@Command(
        name = "status-list",
        mixinStandardHelpOptions = true,
        description = "Create, update and read Bitstring Status List credentials (revocation).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class StatusListCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR;
    }
}

package org.credence.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.credence.core.bake.BakingException;
import org.credence.core.json.InputException;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.status.StatusListException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code credence} command: issue, verify, bake and revoke Open Badges 3.0 credentials. */
@Command(
        name = "credence",
        mixinStandardHelpOptions = true,
        version = "credence 0.1.0-SNAPSHOT",
        description = "Issue, verify, bake and revoke Open Badges 3.0 / W3C VC 2.0 credentials.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.ERROR_LINE})
public final class CredenceCli implements Callable<Integer> {

    @Spec private CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(Environment.system());
        commandLine.setOut(utf8(System.out));
        commandLine.setErr(utf8(System.err));
        System.exit(commandLine.execute(args));
    }

    /** The whole command tree, ready to {@link CommandLine#execute}; tests set its out and err. */
    static CommandLine commandLine(Environment environment) {
        CommandLine statusList =
                new CommandLine(new StatusListCommand())
                        .addSubcommand(new StatusListCreateCommand(environment))
                        .addSubcommand(new StatusListSetCommand(environment))
                        .addSubcommand(new StatusListCheckCommand());
        CommandLine commandLine =
                new CommandLine(new CredenceCli())
                        .addSubcommand(new KeygenCommand(environment))
                        .addSubcommand(new IssueCommand(environment))
                        .addSubcommand(new VerifyCommand(environment))
                        .addSubcommand(new PresentCommand(environment))
                        .addSubcommand(new BakeCommand())
                        .addSubcommand(new UnbakeCommand(environment))
                        .addSubcommand(statusList)
                        .addSubcommand(new DemoCommand(environment))
                        .addSubcommand(new ServeCommand(environment, System.getenv()));
        commandLine.setExecutionExceptionHandler(CredenceCli::reportError);
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR;
    }

    /** The one place errors become messages: a line on stderr, no stack trace, exit code 2. */
    private static int reportError(
            Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + describe(error));
        command.getErr().flush();
        return ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR;
    }

    private static String describe(Exception error) {
        if (error instanceof CliException
                || error instanceof InputException
                || error instanceof JsonLdException
                || error instanceof BakingException
                || error instanceof StatusListException
                || error instanceof IllegalArgumentException) {
            return error.getMessage();
        }
        return "unexpected error (" + error.getClass().getSimpleName() + "): " + error.getMessage();
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}

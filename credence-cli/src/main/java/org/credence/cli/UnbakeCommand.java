package org.credence.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.bake.BakedCredential;
import org.credence.core.bake.BakingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence unbake}: prints the credential baked into a badge image. */
@Command(
        name = "unbake",
        mixinStandardHelpOptions = true,
        description = "Prints the credential baked into a PNG or SVG badge (not verified).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class UnbakeCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Baked PNG or SVG; - for stdin")
    private String image;

    UnbakeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        byte[] bytes = CliFiles.read(image, environment.stdin());
        BakedCredential baked;
        try {
            baked = new BadgeBaker().extract(bytes);
        } catch (BakingException e) {
            throw new CliException(image + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(baked.credential());
        out.flush();
        return ExitCodes.OK;
    }
}

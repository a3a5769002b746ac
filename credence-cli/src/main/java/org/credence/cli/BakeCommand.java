package org.credence.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.credence.core.bake.BadgeBaker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code credence bake}: a badge image carrying a credential. */
@Command(
        name = "bake",
        mixinStandardHelpOptions = true,
        description = {
            "Bakes a credential (JSON or VC-JWT) into a PNG or SVG badge image (Open Badges 3.0"
                    + " baking). A credential baked earlier is replaced.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class BakeCommand implements Callable<Integer> {

    @Option(names = "--image", required = true, description = "Badge image, PNG or SVG")
    private Path image;

    @Option(names = "--credential", required = true, description = "Credential, JSON or JWT")
    private Path credential;

    @Option(names = "--out", required = true, description = "Baked image to write")
    private Path out;

    @Override
    public Integer call() {
        byte[] imageBytes = CliFiles.read(image);
        String credentialText = CliFiles.readText(credential);
        CliFiles.write(out, bake(imageBytes, credentialText));
        return ExitCodes.OK;
    }

    static byte[] bake(byte[] image, String credential) {
        BadgeBaker baker = new BadgeBaker();
        if (image.length > 0 && image[0] == (byte) 0x89) {
            return baker.bakePng(image, credential);
        }
        String svg = new String(image, StandardCharsets.UTF_8);
        return baker.bakeSvg(svg, credential).getBytes(StandardCharsets.UTF_8);
    }
}

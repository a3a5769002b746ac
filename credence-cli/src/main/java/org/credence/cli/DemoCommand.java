package org.credence.cli;

import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.credence.core.json.Jsons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence demo}: the whole life of a badge, with the same commands a user would type — key,
 * achievement, credential with a status entry, status list, baked PNG, verification, revocation,
 * verification again. Nothing is fetched: the status list is served from a fixture file.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole flow once, writing every file into DIR and printing each command:"
                    + " keygen, issue (to learner@example.org, with a revocation entry),"
                    + " status-list create, bake into a PNG badge, verify (VERIFIED), status-list"
                    + " set (revoke), verify again (FAILED: REVOKED). Reuses DIR's key if present.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the demo ran as expected", ExitCodes.ERROR_LINE})
final class DemoCommand implements Callable<Integer> {

    static final String STATUS_LIST_URL = "https://issuer.example.org/credence-demo/status/1";
    static final String STATUS_INDEX = "42";
    static final String RECIPIENT = "learner@example.org";

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Option(
            names = "--dir",
            defaultValue = "credence-demo",
            description = "Folder for the demo's files (default: ${DEFAULT-VALUE})")
    private Path dir;

    DemoCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path key = dir.resolve("issuer-key.json");
        Path statusList = dir.resolve("status-list.json");
        Path fixtures = dir.resolve("fixtures");
        Path baked = dir.resolve("badge-baked.png");
        if (Files.exists(key)) {
            out.println("# Reusing the issuer key " + key);
        } else {
            run(ExitCodes.OK, "keygen", "--out", key.toString());
        }
        Path achievement = dir.resolve("achievement.json");
        CliFiles.writeText(achievement, JsonText.pretty(DemoAchievement.json()), null);
        out.println("# Wrote the achievement " + achievement);
        run(ExitCodes.OK, issueArguments(key, achievement));
        run(
                ExitCodes.OK,
                "status-list",
                "create",
                "--key",
                key.toString(),
                "--id",
                STATUS_LIST_URL,
                "--out",
                statusList.toString());
        writeFixture(statusList, fixtures);
        Path badge = dir.resolve("badge.png");
        CliFiles.write(badge, BadgeImage.png());
        out.println("# Drew the badge image " + badge);
        run(
                ExitCodes.OK,
                "bake",
                "--image",
                badge.toString(),
                "--credential",
                dir.resolve("credential.json").toString(),
                "--out",
                baked.toString());
        run(ExitCodes.OK, verifyArguments(baked, fixtures));
        run(
                ExitCodes.OK,
                "status-list",
                "set",
                statusList.toString(),
                "--key",
                key.toString(),
                "--index",
                STATUS_INDEX);
        writeFixture(statusList, fixtures);
        run(ExitCodes.VERIFICATION_FAILED, verifyArguments(baked, fixtures));
        out.println("# Done: the badge verified, then verified as REVOKED. Files are in " + dir);
        out.flush();
        return ExitCodes.OK;
    }

    private String[] issueArguments(Path key, Path achievement) {
        return new String[] {
            "issue",
            "--key",
            key.toString(),
            "--achievement",
            achievement.toString(),
            "--recipient-email",
            RECIPIENT,
            "--issuer-name",
            "Credence Demo Issuer",
            "--status-list",
            STATUS_LIST_URL,
            "--status-index",
            STATUS_INDEX,
            "--out",
            dir.resolve("credential.json").toString()
        };
    }

    private static String[] verifyArguments(Path baked, Path fixtures) {
        return new String[] {
            "verify",
            baked.toString(),
            "--fixtures",
            fixtures.toString(),
            "--recipient-email",
            RECIPIENT
        };
    }

    /** Serves the status list to {@code verify --fixtures} as if published at its URL. */
    private void writeFixture(Path statusList, Path fixtures) {
        JsonObject fixture =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("url", STATUS_LIST_URL)
                        .add("document", JsonText.readObject(statusList, "status list"))
                        .build();
        Path file = fixtures.resolve("status-list.json");
        CliFiles.writeText(file, JsonText.pretty(fixture), null);
        spec.commandLine()
                .getOut()
                .println(
                        "# Served "
                                + statusList
                                + " as "
                                + STATUS_LIST_URL
                                + " through the fixture "
                                + file);
    }

    private void run(int expectedExitCode, String... arguments) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("$ credence " + String.join(" ", quoted(arguments)));
        out.flush();
        CommandLine step = CredenceCli.commandLine(environment);
        step.setOut(out);
        step.setErr(spec.commandLine().getErr());
        int exitCode = step.execute(arguments);
        if (exitCode != expectedExitCode) {
            throw new CliException(
                    "the demo step \""
                            + arguments[0]
                            + "\" exited with "
                            + exitCode
                            + ", expected "
                            + expectedExitCode);
        }
    }

    private static List<String> quoted(String... arguments) {
        List<String> quoted = new ArrayList<>();
        for (String argument : arguments) {
            quoted.add(argument.contains(" ") ? "'" + argument + "'" : argument);
        }
        return quoted;
    }
}

package org.credence.cli;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.credence.core.Holder;
import org.credence.core.crypto.KeyFile;
import org.credence.core.json.Jsons;
import org.credence.core.jsonld.Canonicalizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence present}: a DID-authentication presentation — no credentials, {@code holder} the
 * key's DID, signed for {@code authentication} with a verifier's challenge and domain. It answers a
 * wallet's "prove this DID is yours" (the learner wallet's identifiers page) for people who keep
 * their key in a file.
 */
@Command(
        name = "present",
        mixinStandardHelpOptions = true,
        description = {
            "Signs a DID-authentication Verifiable Presentation with a key file: holder = the"
                    + " key's DID, proof purpose authentication, the verifier's challenge and"
                    + " domain. Writes JSON with a Data Integrity proof, or a VP-JWT with --jwt.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.ERROR_LINE})
final class PresentCommand implements Callable<Integer> {

    private static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

    private final Environment environment;

    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, description = "Key file (from credence keygen)")
    private Path key;

    @Option(names = "--challenge", required = true, description = "The verifier's challenge")
    private String challenge;

    @Option(names = "--domain", required = true, description = "The verifier's domain")
    private String domain;

    @Option(names = "--jwt", description = "Write a VP-JWT instead of JSON with a proof")
    private boolean jwt;

    @Option(names = "--out", description = "Presentation file to write (default: stdout)")
    private Path out;

    PresentCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (challenge.isBlank() || domain.isBlank()) {
            throw new CliException("--challenge and --domain must not be empty");
        }
        KeyFile keyFile = CliFiles.readKey(key);
        Holder holder = new Holder(keyFile, Canonicalizer.standard(), environment.clock());
        JsonObject presentation = didAuthentication(holder.holderId());
        String text =
                jwt
                        ? holder.signJwt(presentation, challenge, domain)
                        : JsonText.pretty(holder.sign(presentation, challenge, domain));
        CliFiles.writeText(out, text, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** A presentation of no credentials whose holder is the DID: it proves control of the DID. */
    static JsonObject didAuthentication(String did) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(CREDENTIALS_V2))
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", did)
                .build();
    }
}

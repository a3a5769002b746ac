package org.credence.core.verify;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.credence.core.json.JsonValues;

/**
 * What a person may conclude from a {@link VerificationReport}, in plain words: the one headline
 * every page (verify result, wallet, shared pages) and the verify JSON show, so that they cannot
 * disagree and none looks more reassuring than the evidence.
 *
 * <p>Derived only from the report's checks and their codes. Only {@link Level#CONFIRMED} says
 * "Verified": the report is verified <em>and</em> its issuer trust check passed (a registry lists
 * the issuer, or the operator vetted it). A verified report whose issuer is not confirmed (a
 * self-made {@code did:key}, no registry, a warning) is {@link Level#SIGNATURE_ONLY}. A failed
 * report leads with its first finding in order of gravity: a signature that does not match the
 * content ({@link Level#CHANGED}) before anything it claims, such as a revocation.
 *
 * @param level the kind of answer
 * @param title the headline in plain words (never the credential's own title)
 * @param explanation one sentence saying why
 */
public record Assurance(Level level, String title, String explanation) {

    /** The kinds of answer, each with a short label for lists and badges. */
    public enum Level {
        /** Verified, and the issuer is confirmed by a registry or the operator. */
        CONFIRMED("Verified"),
        /** Verified signature and checks, but nobody confirms who the issuer is. */
        SIGNATURE_ONLY("Genuine signature, issuer not confirmed"),
        /** The signature does not match the content: it was altered after signing. */
        CHANGED("Changed after issue: do not rely on it"),
        /** The issuer revoked it. */
        REVOKED("Revoked"),
        /** The issuer suspended it. */
        SUSPENDED("Suspended"),
        /** Its validity period is over. */
        EXPIRED("Expired"),
        /** Any other failed check. */
        FAILED("Not verified"),
        /** No check failed, but one that matters could not be made. */
        COULD_NOT_CHECK("Could not fully check");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** A few words for a list or a badge. */
        public String label() {
            return label;
        }
    }

    /** Proof codes meaning the signed content and the signature disagree. */
    private static final Set<String> CHANGED_CODES =
            Set.of("INVALID_PROOF", "INVALID_SIGNATURE", "HOSTED_MISMATCH");

    private static final String DO_NOT_RELY = ": do not rely on it";

    public Assurance {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The headline a report deserves. */
    public static Assurance of(VerificationReport report) {
        return switch (report.verdict()) {
            case VERIFIED -> verified(report);
            case FAILED -> failed(report);
            case COULD_NOT_CHECK -> couldNotCheck(report);
        };
    }

    /**
     * Whether what the credential says is confirmed to be what its issuer signed: its proof
     * verified with a key its issuer controls. When not, pages show its title, issuer, dates and
     * images only as its own, unconfirmed, claims.
     */
    public static boolean contentConfirmed(VerificationReport report) {
        return passed(report, CheckName.PROOF) && passed(report, CheckName.ISSUER_KEY_BINDING);
    }

    /** Whether the issuer is confirmed (by a registry or the operator), not only named. */
    public static boolean issuerConfirmed(VerificationReport report) {
        return contentConfirmed(report) && passed(report, CheckName.ISSUER_TRUST);
    }

    /** Whether this is the only level that may look like a plain "Verified". */
    public boolean isConfirmed() {
        return level == Level.CONFIRMED;
    }

    private static Assurance verified(VerificationReport report) {
        if (issuerConfirmed(report)) {
            return new Assurance(
                    Level.CONFIRMED,
                    "Verified",
                    "The signature is valid, nothing was changed since it was issued, and its"
                            + " issuer is confirmed ("
                            + report.check(CheckName.ISSUER_TRUST).get().message()
                            + ").");
        }
        String issuer = issuerId(report).orElse("its issuer");
        if (!contentConfirmed(report)) {
            return new Assurance(
                    Level.SIGNATURE_ONLY,
                    "Genuine signature — but we could not confirm who the issuer is",
                    "The signature is valid, but nothing shows that its key belongs to "
                            + issuer
                            + ", so neither who issued it nor what it says is confirmed"
                            + report.check(CheckName.ISSUER_KEY_BINDING)
                                    .map(check -> " (" + check.message() + ")")
                                    .orElse("")
                            + ".");
        }
        String why =
                report.check(CheckName.ISSUER_TRUST)
                        .filter(check -> check.status() == CheckStatus.WARNING)
                        .map(check -> " (" + check.message() + ")")
                        .orElse(" (no trust registry was consulted)");
        return new Assurance(
                Level.SIGNATURE_ONLY,
                "Genuine signature — but we could not confirm who the issuer is",
                "Nothing in it was changed since "
                        + issuer
                        + " signed it, but no registry or operator vouches for that issuer, so the"
                        + " name and logo it gives itself are only its own claims"
                        + why
                        + ".");
    }

    private static Assurance failed(VerificationReport report) {
        Optional<Check> proof = failure(report, CheckName.PROOF);
        if (proof.isPresent() && CHANGED_CODES.contains(proof.get().code())) {
            return new Assurance(
                    Level.CHANGED,
                    "This credential was changed after it was issued" + DO_NOT_RELY,
                    "Its signature does not match its content, so something in it (such as its"
                            + " title, recipient, dates or issuer) is not what was signed.");
        }
        for (CheckName name : new CheckName[] {CheckName.SYNTAX, CheckName.CONTEXTS}) {
            Optional<Check> unreadable = failure(report, name);
            if (unreadable.isPresent()) {
                return failure("This is not a credential we can read", unreadable.get());
            }
        }
        if (proof.isPresent()) {
            return failure(
                    proof.get().code().equals("NO_PROOF")
                            ? "This credential is not signed" + DO_NOT_RELY
                            : "This credential's signature is not valid" + DO_NOT_RELY,
                    proof.get());
        }
        return failedCheck(report);
    }

    /** The first failure after the signature itself, in order of gravity. */
    private static Assurance failedCheck(VerificationReport report) {
        Optional<Check> binding = failure(report, CheckName.ISSUER_KEY_BINDING);
        if (binding.isPresent()) {
            return failure("Signed, but not by the issuer it names" + DO_NOT_RELY, binding.get());
        }
        Optional<Check> model = failure(report, CheckName.DATA_MODEL);
        if (model.isPresent()) {
            return failure("This is not a valid credential" + DO_NOT_RELY, model.get());
        }
        Optional<Check> holder = failure(report, CheckName.HOLDER_BINDING);
        if (holder.isPresent()) {
            return failure(
                    "This presentation was not made by the credentials' holder" + DO_NOT_RELY,
                    holder.get());
        }
        Optional<Check> claims = failure(report, CheckName.JWT_CLAIMS);
        if (claims.isPresent()) {
            return failure(
                    "Its signed envelope and its content disagree" + DO_NOT_RELY, claims.get());
        }
        Optional<Check> status = failure(report, CheckName.STATUS);
        if (status.isPresent() && status.get().code().equals("REVOKED")) {
            return new Assurance(
                    Level.REVOKED,
                    "This credential was revoked by its issuer",
                    sentence(status.get().message()));
        }
        if (status.isPresent() && status.get().code().equals("SUSPENDED")) {
            return new Assurance(
                    Level.SUSPENDED,
                    "This credential is suspended by its issuer",
                    sentence(status.get().message()));
        }
        Optional<Check> validity = failure(report, CheckName.VALIDITY);
        if (validity.isPresent()) {
            return validity(validity.get());
        }
        Optional<Check> recipient = failure(report, CheckName.RECIPIENT);
        if (recipient.isPresent()) {
            return failure("This credential was not issued to that person", recipient.get());
        }
        Optional<Check> nested = failure(report, CheckName.NESTED_CREDENTIALS);
        if (nested.isPresent()) {
            return failure("A credential inside this one did not verify", nested.get());
        }
        Check first = report.problems().get(0);
        return failure("This credential did not pass its checks" + DO_NOT_RELY, first);
    }

    private static Assurance validity(Check validity) {
        return switch (validity.code()) {
            case "EXPIRED" ->
                    new Assurance(
                            Level.EXPIRED,
                            "This credential has expired",
                            sentence(validity.message()));
            case "NOT_YET_VALID" -> failure("This credential is not valid yet", validity);
            default ->
                    failure(
                            "This credential is outside its validity dates" + DO_NOT_RELY,
                            validity);
        };
    }

    private static Assurance couldNotCheck(VerificationReport report) {
        for (CheckName name : new CheckName[] {CheckName.PROOF, CheckName.ISSUER_KEY_BINDING}) {
            Optional<Check> unchecked = unchecked(report, name);
            if (unchecked.isPresent()) {
                return unchecked(
                        name == CheckName.PROOF
                                ? "We could not check this credential's signature: do not rely"
                                        + " on it yet"
                                : "We could not check that its issuer made this signature: do"
                                        + " not rely on it yet",
                        unchecked.get());
            }
        }
        Optional<Check> status = unchecked(report, CheckName.STATUS);
        if (status.isPresent()) {
            return unchecked(
                    "Genuine signature — but we could not check whether it was revoked",
                    status.get());
        }
        Optional<Check> nested = unchecked(report, CheckName.NESTED_CREDENTIALS);
        if (nested.isPresent()) {
            return unchecked("We could not check a credential inside this one", nested.get());
        }
        return unchecked("We could not fully check this credential", report.problems().get(0));
    }

    private static Assurance failure(String title, Check check) {
        return new Assurance(Level.FAILED, title, sentence(check.message()));
    }

    private static Assurance unchecked(String title, Check check) {
        return new Assurance(Level.COULD_NOT_CHECK, title, sentence(check.message()));
    }

    private static Optional<Check> failure(VerificationReport report, CheckName name) {
        return report.checks().stream()
                .filter(check -> check.name() == name && check.isFailed())
                .findFirst();
    }

    private static Optional<Check> unchecked(VerificationReport report, CheckName name) {
        return report.checks().stream()
                .filter(check -> check.name() == name && check.isCouldNotCheck())
                .findFirst();
    }

    private static boolean passed(VerificationReport report, CheckName name) {
        return report.check(name).filter(check -> check.status() == CheckStatus.PASSED).isPresent();
    }

    private static Optional<String> issuerId(VerificationReport report) {
        return report.credential().flatMap(credential -> JsonValues.idOf(credential, "issuer"));
    }

    /** A check's message as a sentence of the explanation. */
    private static String sentence(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            return "";
        }
        String capital = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}

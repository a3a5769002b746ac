package org.credence.app.wallet;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.credence.app.AppException;
import org.credence.app.db.Database;
import org.credence.app.verification.VerificationService;
import org.credence.core.json.Jsons;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.jdbi.v3.core.Jdbi;

/**
 * "Export everything": one ZIP archive of a learner's wallet, written straight to the download.
 * Every credential is in it as its original file ({@code credentials/<id>.json}, or {@code .jwt}
 * for a VC-JWT), every transcript as {@code transcripts/<id>.json}, and {@code manifest.json} lists
 * the learner's identifiers and, for each file, where it came from, its issuer, achievement and
 * issue date, its verification verdict at export time and its SHA-256.
 *
 * <p>Memory stays bounded whatever the wallet's size: the ids are read first, then one document at
 * a time is read, verified and written (the manifest, a few hundred bytes per file, is written
 * last). Thread-safe.
 */
public final class WalletExport {

    private final Jdbi jdbi;
    private final WalletService wallet;
    private final VerificationService verification;
    private final Clock clock;
    private final WalletStore store = new WalletStore();
    private final TranscriptStore transcripts = new TranscriptStore();
    private final LearnerStore learners = new LearnerStore();

    public WalletExport(
            Database database,
            WalletService wallet,
            VerificationService verification,
            Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What is exported, read in one transaction: ids only, the documents come one by one. */
    private record Listing(
            LearnerStore.Profile profile,
            List<LearnerIdentifier> identifiers,
            VerifiedIdentifiers verified,
            List<UUID> credentials,
            List<UUID> transcripts) {}

    /** The archive's file name. */
    public static String fileName(Instant at) {
        return "credence-wallet-" + at.toString().substring(0, 10) + ".zip";
    }

    /**
     * Writes the learner's archive to {@code out}, which stays open (the caller owns it).
     *
     * @throws IOException when writing fails (the client went away)
     */
    public void write(UUID learnerId, OutputStream out) throws IOException {
        Instant now = clock.instant();
        Listing listing = listing(learnerId, now);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        JsonArrayBuilder files = Jsons.PROVIDER.createArrayBuilder();
        for (UUID id : listing.credentials()) {
            Optional<StoredCredential> stored =
                    jdbi.withHandle(handle -> store.entry(handle, learnerId, id));
            if (stored.isPresent()) {
                files.add(credential(zip, wallet.verified(stored.get(), listing.verified())));
            }
        }
        for (UUID id : listing.transcripts()) {
            Optional<WalletTranscript> transcript =
                    jdbi.withHandle(handle -> transcripts.find(handle, learnerId, id));
            if (transcript.isPresent()) {
                files.add(transcript(zip, transcript.get()));
            }
        }
        JsonObject manifest =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("exportedAt", now.toString())
                        .add(
                                "learner",
                                Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("name", listing.profile().displayName())
                                        .add("email", listing.profile().email()))
                        .add("identifiers", identifiers(listing.identifiers()))
                        .add("files", files)
                        .build();
        entry(zip, "manifest.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
        zip.flush();
    }

    private Listing listing(UUID learnerId, Instant now) {
        return jdbi.inTransaction(
                handle ->
                        new Listing(
                                learners.profile(handle, learnerId)
                                        .orElseThrow(() -> AppException.notFound("Learner")),
                                learners.identifiers(handle, learnerId, now),
                                learners.verified(handle, learnerId),
                                store.ids(handle, learnerId),
                                transcripts.ids(handle, learnerId)));
    }

    private static JsonObjectBuilder credential(ZipOutputStream zip, WalletEntry entry)
            throws IOException {
        String document = entry.document();
        boolean jwt = !document.startsWith("{");
        String path = "credentials/" + entry.id() + (jwt ? ".jwt" : ".json");
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        entry(zip, path, bytes);
        JsonObjectBuilder file =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("path", path)
                        .add("kind", "credential")
                        .add("id", entry.id().toString())
                        .add("source", entry.source().name().toLowerCase(Locale.ROOT))
                        .add("issuer", entry.facts().issuerName())
                        .add("achievement", entry.facts().title());
        entry.sourceUrl().ifPresent(url -> file.add("sourceUrl", url));
        entry.facts().validFrom().ifPresent(date -> file.add("issued", date.toString()));
        return file.add("verdict", entry.verdict().name()).add("sha256", sha256(bytes));
    }

    private JsonObjectBuilder transcript(ZipOutputStream zip, WalletTranscript transcript)
            throws IOException {
        String path = "transcripts/" + transcript.id() + ".json";
        byte[] bytes = transcript.document().getBytes(StandardCharsets.UTF_8);
        entry(zip, path, bytes);
        VerificationReport report = verification.verify(bytes, VerifyOptions.DEFAULT);
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("path", path)
                .add("kind", "transcript")
                .add("id", transcript.id().toString())
                .add("source", "platform")
                .add("name", transcript.name())
                .add("credentials", transcript.credentialCount())
                .add("issued", transcript.createdAt().toString())
                .add("verdict", report.verdict().name())
                .add("sha256", sha256(bytes));
    }

    private static JsonArrayBuilder identifiers(List<LearnerIdentifier> identifiers) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (LearnerIdentifier identifier : identifiers) {
            array.add(
                    Jsons.PROVIDER
                            .createObjectBuilder()
                            .add("kind", identifier.kind().value())
                            .add("value", identifier.value())
                            .add("verified", identifier.verified()));
        }
        return array;
    }

    private static void entry(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

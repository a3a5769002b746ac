package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletFiles;
import org.credence.app.wallet.WalletService;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;

/**
 * {@code /wallet/credentials/{id}/download/{format}}: any wallet credential as stored ({@code
 * json}: JSON or a VC-JWT) or baked into a badge image ({@code png}, {@code svg}). The printable
 * PDF is {@code POST /wallet/credentials/{id}/certificate} ({@link SharePages}): it makes a share
 * link for an import's QR code.
 */
public final class WalletDownloads {

    private final WalletService wallet;
    private final WalletFiles files;

    public WalletDownloads(WalletService wallet, WalletFiles files) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.files = Objects.requireNonNull(files, "files");
    }

    public void register(Routes routes) {
        routes.learnerPage(
                HandlerType.GET, "/wallet/credentials/{id}/download/{format}", this::download);
    }

    private void download(Context ctx, LearnerSession learner) {
        WalletEntry entry = wallet.entry(learner.learnerId(), Forms.id(ctx, "id", "Credential"));
        switch (ctx.pathParam("format")) {
            case "json" -> document(ctx, entry);
            case "png" ->
                    attach(ctx, entry, "png")
                            .contentType("image/png")
                            .result(files.bakedPng(entry));
            case "svg" ->
                    attach(ctx, entry, "svg")
                            .contentType("image/svg+xml")
                            .result(files.bakedSvg(entry).getBytes(StandardCharsets.UTF_8));
            default -> throw AppException.notFound("Download");
        }
    }

    /** The credential as stored: JSON, or a VC-JWT as {@code application/vc+jwt}. */
    static void document(Context ctx, WalletEntry entry) {
        boolean jwt = WalletFiles.isJwt(entry);
        attach(ctx, entry, jwt ? "jwt" : "json")
                .contentType(jwt ? "application/vc+jwt" : "application/json")
                .result(entry.document().getBytes(StandardCharsets.UTF_8));
    }

    private static Context attach(Context ctx, WalletEntry entry, String extension) {
        return ctx.header(
                "Content-Disposition",
                "attachment; filename=\"credential-" + entry.id() + "." + extension + "\"");
    }
}

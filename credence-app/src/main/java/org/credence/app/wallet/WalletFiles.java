package org.credence.app.wallet;

import java.util.Optional;
import org.credence.app.credential.BadgeImages;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.model.Image;
import org.credence.core.model.OpenBadgeCredential;

/**
 * The files a learner downloads of any wallet credential, issued here or imported: the credential
 * as stored, and baked into a PNG or SVG badge (the achievement's own image when it is a {@code
 * data:} URL of the right type, else a generated badge; nothing is fetched), as the public
 * downloads of credentials issued here are made. Stateless and thread-safe.
 */
public final class WalletFiles {

    private final BadgeBaker baker = new BadgeBaker();

    /** Whether the stored text is a compact JWS (a VC-JWT) rather than JSON. */
    public static boolean isJwt(WalletEntry entry) {
        return !entry.document().startsWith("{");
    }

    public byte[] bakedPng(WalletEntry entry) {
        return baker.bakePng(
                BadgeImages.png(image(entry), entry.facts().title()), entry.document());
    }

    public String bakedSvg(WalletEntry entry) {
        return baker.bakeSvg(
                BadgeImages.svg(image(entry), entry.facts().title()), entry.document());
    }

    private static Optional<String> image(WalletEntry entry) {
        // Not an Open Badge 3.0, or no image: a generated badge.
        return entry.report()
                .credential()
                .flatMap(OpenBadgeCredential::tryOf)
                .flatMap(badge -> badge.achievement().image())
                .map(Image::id);
    }
}

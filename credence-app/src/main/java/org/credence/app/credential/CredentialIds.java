package org.credence.app.credential;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of a credential's id that carry Credence's own public id: {@code
 * <base>/credentials/<uuid>}, {@code urn:uuid:<uuid>} and, where a caller names a credential rather
 * than writes one, the bare UUID. Stateless.
 */
public final class CredentialIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CredentialIds() {}

    /** The public id in {@code <base>/credentials/<uuid>} or {@code urn:uuid:<uuid>}. */
    public static Optional<UUID> ownId(String id, String baseUrl) {
        String own = baseUrl + "/credentials/";
        if (id.startsWith(own)) {
            return uuid(id.substring(own.length()));
        }
        return id.startsWith("urn:uuid:")
                ? uuid(id.substring("urn:uuid:".length()))
                : Optional.empty();
    }

    /** As {@link #ownId}, and also the bare UUID. */
    public static Optional<UUID> ownIdOrUuid(String id, String baseUrl) {
        return ownId(id, baseUrl).or(() -> uuid(id));
    }

    private static Optional<UUID> uuid(String text) {
        Matcher matcher = UUID_TEXT.matcher(text);
        return matcher.matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}

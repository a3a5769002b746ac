package org.credence.core.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.credence.core.json.Jsons;

/** Writes a {@link Recipient} into a new credential subject. */
final class RecipientJson {

    private static final int SALT_BYTES = 16;

    private RecipientJson() {}

    /**
     * Adds the recipient's {@code identifier}s, if any: the email hashed with a fresh salt, and the
     * name as given (a name is there to be shown, so it is not hashed).
     */
    static void writeIdentifiers(
            Recipient recipient, SecureRandom random, JsonObjectBuilder subject) {
        JsonArrayBuilder identifiers = Jsons.PROVIDER.createArrayBuilder();
        recipient.email().ifPresent(email -> identifiers.add(hashedEmail(email, random).json()));
        recipient.name().ifPresent(name -> identifiers.add(nameIdentity(name)));
        JsonArray array = identifiers.build();
        if (!array.isEmpty()) {
            subject.add("identifier", array);
        }
    }

    private static IdentityObject hashedEmail(String email, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return IdentityObject.hashedEmail(email, HexFormat.of().formatHex(salt));
    }

    private static JsonObjectBuilder nameIdentity(String name) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", "IdentityObject")
                .add("identityHash", name)
                .add("identityType", "name")
                .add("hashed", false);
    }
}

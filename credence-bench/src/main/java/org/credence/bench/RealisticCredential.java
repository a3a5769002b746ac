package org.credence.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.JsonInput;

/**
 * The benchmark's subject: a realistic ~3 KB Open Badges 3.0 credential (status entry, hashed
 * recipient, two skill alignments, evidence), issued by a fresh did:key.
 */
final class RealisticCredential {

    static final String RESOURCE = "/org/credence/testing/samples/realistic-ob3-unsigned.json";

    private RealisticCredential() {}

    static String template() {
        try (InputStream in = RealisticCredential.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyFile newKey() {
        return KeyFile.generate(KeyType.ED25519, new SecureRandom());
    }

    static JsonObject unsignedFor(KeyFile key) {
        return JsonInput.DEFAULT.parseObject(
                template().replace("did:key:ISSUER", key.controller()));
    }
}

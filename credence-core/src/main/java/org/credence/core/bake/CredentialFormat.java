package org.credence.core.bake;

import java.util.regex.Pattern;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;

/** How a baked credential is serialized: a JSON(-LD) document, or a VC-JWT as compact JWS. */
public enum CredentialFormat {
    /** A JSON object, typically with a Data Integrity proof. */
    JSON,
    /** A compact JWS ({@code header.payload.signature}, base64url parts). */
    JWS;

    private static final Pattern COMPACT_JWS =
            Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

    /**
     * Detects the format of {@code credential}; a JSON value must parse as an object.
     *
     * @throws BakingException {@link BakingError#INVALID_CREDENTIAL} if it is neither
     */
    public static CredentialFormat detect(String credential) {
        String text = credential == null ? "" : credential.strip();
        if (text.startsWith("{")) {
            try {
                JsonInput.DEFAULT.parseObject(text);
                return JSON;
            } catch (InputException e) {
                throw new BakingException(
                        BakingError.INVALID_CREDENTIAL,
                        "the credential looks like JSON but does not parse: " + e.getMessage(),
                        e);
            }
        }
        if (COMPACT_JWS.matcher(text).matches()) {
            return JWS;
        }
        throw new BakingException(
                BakingError.INVALID_CREDENTIAL,
                "the credential is neither a JSON object nor a compact JWS");
    }
}

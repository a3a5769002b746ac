package org.credence.app.credential;

import java.util.Arrays;
import org.credence.app.AppException;

/** How an issued credential is secured: a Data Integrity proof (the default) or a VC-JWT. */
public enum SecuringFormat {
    /** JSON with an {@code eddsa-rdfc-2022} proof. */
    DATA_INTEGRITY("data-integrity"),
    /** A compact JWS (Open Badges 3.0 VC-JWT) signed with the issuer's Ed25519 key. */
    VC_JWT("vc-jwt");

    private final String value;

    SecuringFormat(String value) {
        this.value = value;
    }

    /** The name stored in the database and used in APIs. */
    public String value() {
        return value;
    }

    public static SecuringFormat fromValue(String value) {
        return Arrays.stream(values())
                .filter(format -> format.value.equals(value))
                .findFirst()
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        "format: must be data-integrity or vc-jwt, not " + value));
    }
}

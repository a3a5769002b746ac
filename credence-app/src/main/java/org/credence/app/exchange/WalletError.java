package org.credence.app.exchange;

/**
 * The error codes of OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3.1) and OpenID for Verifiable Credential
 * Issuance 1.0 (§8.3.1.2) that the wallet endpoints answer, with the HTTP status each takes.
 */
public enum WalletError {
    /** A malformed request: missing or repeated parameters. */
    INVALID_REQUEST("invalid_request", 400),
    /** The pre-authorised code is unknown, expired or already used. */
    INVALID_GRANT("invalid_grant", 400),
    /** Only the pre-authorised code grant is offered. */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    /** The access token is missing, unknown or expired. */
    INVALID_TOKEN("invalid_token", 401),
    /** The credential request is malformed. */
    INVALID_CREDENTIAL_REQUEST("invalid_credential_request", 400),
    /** The credential configuration is not the one offered. */
    UNKNOWN_CREDENTIAL_CONFIGURATION("unknown_credential_configuration", 400),
    /** The key proof is missing, malformed or its signature or claims are wrong. */
    INVALID_PROOF("invalid_proof", 400),
    /** The key proof's {@code nonce} is not a fresh {@code c_nonce}: get a new one and retry. */
    INVALID_NONCE("invalid_nonce", 400);

    private final String code;
    private final int status;

    WalletError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The {@code error} value on the wire. */
    public String code() {
        return code;
    }

    /** The HTTP status of the error response. */
    public int status() {
        return status;
    }
}

package org.credence.core.did;

/**
 * Why a verification method could not be resolved. Names follow the DID Resolution spec's error
 * codes where one exists ({@code notFound}, {@code invalidDid}, {@code methodNotSupported}, …).
 */
public enum ResolutionError {
    /** The DID or document exists but has no such verification method, or the URL is unknown. */
    NOT_FOUND,
    /** The DID method or URL scheme is not supported by this resolver. */
    UNSUPPORTED_METHOD,
    /** The DID or verification method URL is malformed. */
    INVALID_DID,
    /** The fetched document is malformed, or its key is in an unsupported or broken format. */
    INVALID_DOCUMENT,
    /** The document could not be fetched (offline, timeout, server error): could not check. */
    NETWORK_UNAVAILABLE,
    /** The method exists but is not authorized for assertions (not in {@code assertionMethod}). */
    NOT_AUTHORIZED,
    /**
     * The fetcher refused the URL on safety grounds (a private, loopback or link-local address, a
     * scheme other than http/https, too many redirects, too large): could not check.
     */
    REFUSED
}

package org.credence.core.status;

/**
 * Why a status list or a status entry was refused. Where the W3C Bitstring Status List v1.0 names
 * the failure, the constant carries that name ({@code STATUS_LIST_LENGTH_ERROR}, {@code
 * RANGE_ERROR}, {@code STATUS_VERIFICATION_ERROR}); the others refine the spec's generic "the
 * encoded list could not be decoded".
 */
public enum StatusListError {
    /** The encoded list is not multibase base64url: it does not start with {@code u}. */
    INVALID_MULTIBASE_PREFIX,
    /** The characters after the multibase prefix are not base64url. */
    INVALID_BASE64,
    /** The decoded bytes are not a complete GZIP stream. */
    INVALID_GZIP,
    /**
     * The list would decompress to more than {@link BitstringStatusList#MAX_DECOMPRESSED_BYTES}.
     */
    DECOMPRESSED_TOO_LARGE,
    /** The list is empty, shorter than the spec's minimum on creation, or not whole bytes. */
    STATUS_LIST_LENGTH_ERROR,
    /** An index points outside the list. */
    RANGE_ERROR,
    /** A status entry is missing a member or a member has the wrong shape. */
    MALFORMED_STATUS_ENTRY,
    /** {@code statusListIndex} is not the decimal string of a non-negative integer. */
    INVALID_STATUS_LIST_INDEX,
    /** The status entry type is neither BitstringStatusListEntry nor StatusList2021Entry. */
    UNSUPPORTED_STATUS_TYPE,
    /** {@code statusSize} other than 1: multi-bit status messages are not supported yet. */
    UNSUPPORTED_STATUS_SIZE,
    /** {@code statusPurpose} is not one the spec defines. */
    UNKNOWN_STATUS_PURPOSE,
    /** A status list credential is missing a member or has the wrong type. */
    MALFORMED_STATUS_LIST_CREDENTIAL,
    /** The entry and the list it points at disagree (purpose, or list URL). */
    STATUS_VERIFICATION_ERROR
}

package org.credence.app.status;

import java.util.Arrays;
import org.credence.app.AppException;

/**
 * Which status entries an achievement's credentials carry in {@code credentialStatus}.
 *
 * <p>Open Badges 3.0 allows one {@code credentialStatus} (its JSON Schema wants an object), while
 * VC 2.0 allows several. {@link #REVOCABLE}, the default, writes one revocation entry and is OB 3.0
 * conformant. {@link #REVOCABLE_AND_SUSPENDABLE} is opt-in: an array of a revocation and a
 * suspension entry, valid VC 2.0 but outside OB 3.0's one-entry rule until OB 3.1 (1EdTech
 * openbadges-specification issue 623); only such credentials can be suspended.
 */
public enum StatusPolicy {
    /** One revocation entry, as Open Badges 3.0 allows. */
    REVOCABLE("revocable"),
    /** A revocation and a suspension entry: valid VC 2.0, beyond Open Badges 3.0's one entry. */
    REVOCABLE_AND_SUSPENDABLE("revocable-and-suspendable");

    /**
     * What choosing suspension costs, in plain words, for designers before they choose it. Open
     * Badges 3.0 allows one status entry and the one-entry alternative ({@code statusPurpose}
     * {@code message}) is not read by the reference verifiers (see {@link #SUSPENSION_DETAIL}).
     */
    public static final String SUSPENSION_COST =
            "Suspendable credentials will not pass the Open Badges 3.0 schema check in other"
                    + " verifiers: they carry two status entries where Open Badges 3.0 allows one."
                    + " Some badge platforms and validators may warn about them or refuse them."
                    + " Choose this only if you need to pause credentials and resume them later;"
                    + " every credential can be revoked either way.";

    /** The technical reason behind {@link #SUSPENSION_COST}, shown behind a disclosure. */
    public static final String SUSPENSION_DETAIL =
            "Revocable: one BitstringStatusListEntry object in credentialStatus (statusPurpose"
                    + " revocation), valid Open Badges 3.0. Revocable and suspendable: an array of"
                    + " a revocation and a suspension entry, valid Verifiable Credentials 2.0, but"
                    + " the 1EdTech Open Badges 3.0 JSON Schema wants one object (Open Badges 3.1"
                    + " is expected to allow several: openbadges-specification issue 623). One"
                    + " entry with statusPurpose message and statusSize 2 would stay conformant,"
                    + " but the reference verifiers (@digitalbazaar/vc-bitstring-status-list,"
                    + " @digitalcredentials/verifier-core) ignore statusSize and would show such a"
                    + " revoked credential as valid, so Credence does not issue it.";

    private final String value;

    StatusPolicy(String value) {
        this.value = value;
    }

    /** The stored and JSON form: {@code revocable} or {@code revocable-and-suspendable}. */
    public String value() {
        return value;
    }

    /** Whether credentials carry a suspension entry (and can therefore be suspended). */
    public boolean suspendable() {
        return this == REVOCABLE_AND_SUSPENDABLE;
    }

    /**
     * The policy named {@code value}; {@link #REVOCABLE} when it is null or blank.
     *
     * @throws AppException {@code INVALID_INPUT} starting with {@code field} for another value
     */
    public static StatusPolicy parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return REVOCABLE;
        }
        return Arrays.stream(values())
                .filter(policy -> policy.value.equals(value.strip()))
                .findFirst()
                .orElseThrow(
                        () ->
                                AppException.invalid(
                                        field
                                                + ": must be revocable or"
                                                + " revocable-and-suspendable"));
    }
}

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

    /** Why a suspension entry is an opt-in, for designers. */
    public static final String EXPLANATION =
            "Adds a suspension entry: two status entries are valid Verifiable Credentials 2.0 but"
                    + " outside Open Badges 3.0's one-entry rule until Open Badges 3.1, so OB 3.0"
                    + " validators warn.";

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

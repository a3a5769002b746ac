package org.credence.core.json;

/** Why an input could not be read as a credential. */
public enum InputProblem {
    EMPTY,
    TOO_LARGE,
    TOO_DEEP,
    MALFORMED_JSON,
    DUPLICATE_KEY,
    NOT_AN_OBJECT,
    /**
     * More objects, values or array elements than any real credential needs (see JsonComplexity).
     */
    TOO_COMPLEX,
    UNRECOGNISED_FORMAT
}

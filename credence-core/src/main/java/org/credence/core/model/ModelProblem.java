package org.credence.core.model;

/** Why a JSON object is not a valid Open Badges 3.0 / CLR 2.0 model object. */
public enum ModelProblem {
    /** A property the data model requires is absent (or JSON {@code null}). */
    MISSING_PROPERTY,
    /** A property has the wrong JSON type, e.g. a number where a string is required. */
    WRONG_JSON_TYPE,
    /** The {@code type} property does not include the value the data model requires. */
    MISSING_TYPE,
    /** A date-time property is not an RFC 3339 / XSD dateTime with a time zone. */
    INVALID_DATE_TIME,
    /** A property has a value outside what the data model allows (e.g. an unknown enumeration). */
    INVALID_VALUE
}

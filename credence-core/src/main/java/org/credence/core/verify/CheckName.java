package org.credence.core.verify;

/** The named checks of a {@link VerificationReport}, in the order a verifier runs them. */
public enum CheckName {
    SYNTAX("syntax"),
    CONTEXTS("contexts"),
    DATA_MODEL("data model"),
    SCHEMA("schema"),
    PROOF("proof"),
    ISSUER_KEY_BINDING("issuer key binding"),
    JWT_CLAIMS("JWT claims"),
    VALIDITY("validity dates"),
    STATUS("status"),
    RECIPIENT("recipient"),
    ENDORSEMENTS("endorsements"),
    /** A presentation's proof is made with a key its holder controls. */
    HOLDER_BINDING("holder binding"),
    NESTED_CREDENTIALS("nested credentials"),
    ISSUER_TRUST("issuer trust");

    private final String label;

    CheckName(String label) {
        this.label = label;
    }

    /** Plain-language label for reports. */
    public String label() {
        return label;
    }
}

package org.credence.core.crypto;

/** The signature key types Credence signs and verifies with. */
public enum KeyType {
    /** Ed25519 (EdDSA over Curve25519), JOSE {@code EdDSA}, Data Integrity {@code eddsa-*}. */
    ED25519,
    /** ECDSA over NIST P-256 with SHA-256, JOSE {@code ES256}. */
    P256
}

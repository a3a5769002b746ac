package org.credence.core.proof;

import jakarta.json.JsonObject;

/** The Data Integrity proof kinds Credence recognises. */
enum Cryptosuite {
    /** {@code DataIntegrityProof} with {@code cryptosuite: eddsa-rdfc-2022} (W3C REC). */
    EDDSA_RDFC_2022,
    /**
     * The legacy {@code Ed25519Signature2020} suite (verify only): same hashing, older proof shape.
     */
    ED25519_SIGNATURE_2020,
    UNSUPPORTED;

    static Cryptosuite of(JsonObject proof) {
        String type = proof.getString("type", "");
        if ("DataIntegrityProof".equals(type)) {
            return "eddsa-rdfc-2022".equals(proof.getString("cryptosuite", ""))
                    ? EDDSA_RDFC_2022
                    : UNSUPPORTED;
        }
        return "Ed25519Signature2020".equals(type) ? ED25519_SIGNATURE_2020 : UNSUPPORTED;
    }

    static String describe(JsonObject proof) {
        String type = proof.getString("type", "(no type)");
        return proof.containsKey("cryptosuite")
                ? type + " / " + proof.getString("cryptosuite", "?")
                : type;
    }
}

package org.credence.app.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Small unsigned Open Badges 3.0 credentials, as a VC-API client or a foreign issuer writes them.
 */
public final class UnsignedCredentials {

    private UnsignedCredentials() {}

    /** "Wound Care" by a "School of Nursing" {@code issuerDid} to {@code recipient}, no dates. */
    public static JsonObject woundCare(String issuerDid, String recipient) {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuerDid)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "School of Nursing"))
                .add("name", "Wound Care")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", recipient)
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "id",
                                                        "https://partner.example.org/badges/wound-care")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Wound Care")
                                                .add("description", "Dresses wounds aseptically.")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "narrative",
                                                                        "Observed twice."))))
                .build();
    }
}

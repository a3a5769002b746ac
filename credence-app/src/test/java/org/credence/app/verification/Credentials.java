package org.credence.app.verification;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A small unsigned Open Badges 3.0 credential for verification tests. */
final class Credentials {

    private Credentials() {}

    static JsonObject unsigned(String issuerId) {
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
                                .add("id", issuerId)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "School of Nursing"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Wound Care")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:learner")
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "https://example.org/badges/wound-care")
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

package org.credence.app.verification;

import jakarta.json.JsonObject;
import org.credence.app.testing.UnsignedCredentials;
import org.credence.core.json.Jsons;

/** A small unsigned Open Badges 3.0 credential for verification tests, valid from 2026. */
final class Credentials {

    private Credentials() {}

    static JsonObject unsigned(String issuerId) {
        return Jsons.PROVIDER
                .createObjectBuilder(UnsignedCredentials.woundCare(issuerId, "did:example:learner"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .build();
    }
}

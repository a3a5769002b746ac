package org.credence.cli.interop;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded Open Badges 3.0 credentials full of blank nodes that first-degree hashing cannot tell
 * apart: nested nodes without ids drawn from small pools of values (so siblings often coincide),
 * and endorsements whose proofs are blank graphs, sometimes identical (like 1EdTech's {@code
 * complete.json}). The same seed always gives the same credential.
 */
final class BlankNodeHeavyCredentials {

    private static final String[] NAMES = {"Data", "Data", "Safety", "Care"};
    private static final String[] URLS = {
        "https://frameworks.example/1", "https://frameworks.example/2"
    };

    private BlankNodeHeavyCredentials() {}

    static JsonObject credential(long seed) {
        Random random = new Random(seed);
        JsonObjectBuilder credential =
                Json.createObjectBuilder()
                        .add(
                                "@context",
                                Json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2")
                                        .add(
                                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                        .add("id", "urn:uuid:" + new UUID(seed, seed))
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add("issuer", profile("did:example:issuer", "Issuer"))
                        .add("validFrom", "2025-01-01T00:00:00Z")
                        .add("name", pick(random, NAMES))
                        .add("credentialSubject", subject(random));
        if (random.nextBoolean()) {
            credential.add("evidence", repeat(random, 3, () -> named(random, "Evidence")));
        }
        if (random.nextBoolean()) {
            JsonObject proof = proof(random);
            credential.add(
                    "endorsement",
                    repeat(
                            random,
                            3,
                            () ->
                                    endorsement(
                                            random, random.nextBoolean() ? proof : proof(random))));
        }
        return credential.build();
    }

    private static JsonObjectBuilder subject(Random random) {
        JsonObjectBuilder subject =
                Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                        .add("achievement", achievement(random));
        if (random.nextBoolean()) {
            subject.add("id", "did:example:learner");
        }
        if (random.nextBoolean()) {
            subject.add(
                    "result",
                    repeat(
                            random,
                            3,
                            () ->
                                    Json.createObjectBuilder()
                                            .add("type", Json.createArrayBuilder().add("Result"))
                                            .add("value", pick(random, NAMES))
                                            .add(
                                                    "alignment",
                                                    repeat(random, 2, () -> alignment(random)))));
        }
        return subject;
    }

    private static JsonObjectBuilder achievement(Random random) {
        JsonObjectBuilder achievement =
                named(random, "Achievement")
                        .add(
                                "criteria",
                                Json.createObjectBuilder().add("narrative", pick(random, NAMES)))
                        .add("alignment", repeat(random, 3, () -> alignment(random)));
        if (random.nextBoolean()) {
            achievement.add(
                    "resultDescription",
                    repeat(
                            random,
                            3,
                            () -> named(random, "ResultDescription").add("resultType", "Status")));
        }
        return achievement;
    }

    private static JsonObjectBuilder endorsement(Random random, JsonObject proof) {
        JsonObjectBuilder endorsement =
                Json.createObjectBuilder()
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("EndorsementCredential"))
                        .add(
                                "issuer",
                                profile("did:example:endorser" + random.nextInt(2), "Endorser"))
                        .add("validFrom", "2025-01-01T00:00:00Z")
                        .add("name", pick(random, NAMES))
                        .add(
                                "credentialSubject",
                                Json.createObjectBuilder()
                                        .add("id", "did:example:issuer")
                                        .add(
                                                "type",
                                                Json.createArrayBuilder().add("EndorsementSubject"))
                                        .add("endorsementComment", pick(random, NAMES)))
                        .add("proof", proof);
        if (random.nextInt(3) == 0) {
            endorsement.add("id", "urn:uuid:" + new UUID(random.nextLong(), 1));
        }
        return endorsement;
    }

    private static JsonObject proof(Random random) {
        return Json.createObjectBuilder()
                .add("type", "DataIntegrityProof")
                .add("cryptosuite", "eddsa-rdfc-2022")
                .add("created", "2025-01-0" + (1 + random.nextInt(2)) + "T00:00:00Z")
                .add("verificationMethod", "did:example:endorser#key-1")
                .add("proofPurpose", "assertionMethod")
                .add("proofValue", "z" + random.nextInt(2))
                .build();
    }

    private static JsonObjectBuilder alignment(Random random) {
        return Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("Alignment"))
                .add("targetName", pick(random, NAMES))
                .add("targetUrl", pick(random, URLS));
    }

    private static JsonObjectBuilder named(Random random, String type) {
        return Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add(type))
                .add("name", pick(random, NAMES));
    }

    private static JsonObjectBuilder profile(String id, String name) {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", name);
    }

    private static JsonArrayBuilder repeat(
            Random random, int max, java.util.function.Supplier<JsonObjectBuilder> item) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0, n = 1 + random.nextInt(max); i < n; i++) {
            items.add(item.get());
        }
        return items;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}

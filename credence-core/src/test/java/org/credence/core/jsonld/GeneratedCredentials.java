package org.credence.core.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Random;

/**
 * Seeded generator of Open Badges 3.0 credentials that vary in every dimension the JSON-LD paths
 * care about: optional members, arrays vs single values, nested nodes with and without ids (blank
 * nodes), numbers, dates, non-ASCII and control characters in text, extra contexts. The same seed
 * always gives the same credential, so a failure names a case that replays exactly.
 */
public final class GeneratedCredentials {

    private static final String[] WORDS = {
        "data", "literacy", "cyber", "risk", "payroll", "AI", "reporting", "care", "équipe",
        "données", "数据", "素养", "البيانات", "مهارة", "Zoë", "naïve", "tab\there", "line\nbreak",
        "quote\"d", "back\\slash", "bell\u0007", "del\u007f", "emoji 🎓"
    };

    private GeneratedCredentials() {}

    public static JsonObject credential(long seed, String issuerId) {
        Random random = new Random(seed);
        JsonObjectBuilder credential =
                Json.createObjectBuilder()
                        .add("@context", contexts(random))
                        .add("id", "urn:uuid:" + new java.util.UUID(random.nextLong(), seed))
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add(
                                                random.nextBoolean()
                                                        ? "OpenBadgeCredential"
                                                        : "AchievementCredential"))
                        .add("issuer", issuer(random, issuerId))
                        .add("validFrom", date(random))
                        .add("name", text(random, 1 + random.nextInt(5)))
                        .add("credentialSubject", subject(random));
        if (random.nextBoolean()) {
            credential.add("validUntil", "2099-12-31T23:59:59Z");
        }
        if (random.nextBoolean()) {
            credential.add("description", text(random, 3 + random.nextInt(20)));
        }
        if (random.nextInt(3) == 0) {
            credential.add("credentialStatus", status(random));
        }
        if (random.nextInt(3) == 0) {
            JsonArrayBuilder evidence = Json.createArrayBuilder();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                JsonObjectBuilder item =
                        Json.createObjectBuilder()
                                .add("type", "Evidence")
                                .add("name", text(random, 2));
                if (random.nextBoolean()) {
                    item.add("id", "https://evidence.example/" + random.nextInt(1000));
                }
                evidence.add(item);
            }
            credential.add("evidence", evidence);
        }
        return credential.build();
    }

    private static JsonArrayBuilder contexts(Random random) {
        JsonArrayBuilder contexts =
                Json.createArrayBuilder()
                        .add("https://www.w3.org/ns/credentials/v2")
                        .add(
                                random.nextInt(4) == 0
                                        ? "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"
                                        : "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        if (random.nextInt(5) == 0) {
            contexts.add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        }
        return contexts;
    }

    private static JsonObjectBuilder issuer(Random random, String issuerId) {
        JsonObjectBuilder issuer =
                Json.createObjectBuilder()
                        .add("id", issuerId)
                        .add("type", Json.createArrayBuilder().add("Profile"))
                        .add("name", text(random, 2 + random.nextInt(3)));
        if (random.nextBoolean()) {
            issuer.add("url", "https://issuer.example/" + random.nextInt(100));
        }
        if (random.nextBoolean()) {
            issuer.add("email", "badges" + random.nextInt(10) + "@issuer.example");
        }
        return issuer;
    }

    private static JsonObjectBuilder subject(Random random) {
        JsonObjectBuilder subject =
                Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                        .add("achievement", achievement(random));
        if (random.nextBoolean()) {
            subject.add("id", "did:example:learner" + random.nextInt(100_000));
        }
        if (random.nextBoolean()) {
            subject.add(
                    "identifier",
                    Json.createArrayBuilder()
                            .add(
                                    Json.createObjectBuilder()
                                            .add("type", "IdentityObject")
                                            .add(
                                                    "identityHash",
                                                    "sha256$" + Long.toHexString(random.nextLong()))
                                            .add("identityType", "emailAddress")
                                            .add("hashed", true)
                                            .add("salt", Long.toHexString(random.nextLong()))));
        }
        if (random.nextBoolean()) {
            subject.add("creditsEarned", random.nextInt(40) / 4.0);
        }
        if (random.nextInt(3) == 0) {
            subject.add(
                    "result",
                    Json.createArrayBuilder()
                            .add(
                                    Json.createObjectBuilder()
                                            .add("type", Json.createArrayBuilder().add("Result"))
                                            .add("value", text(random, 1))));
        }
        return subject;
    }

    private static JsonObjectBuilder achievement(Random random) {
        JsonObjectBuilder achievement =
                Json.createObjectBuilder()
                        .add("id", "https://issuer.example/achievements/" + random.nextInt(1000))
                        .add("type", Json.createArrayBuilder().add("Achievement"))
                        .add("name", text(random, 1 + random.nextInt(4)))
                        .add("description", text(random, 2 + random.nextInt(12)))
                        .add(
                                "criteria",
                                Json.createObjectBuilder().add("narrative", text(random, 5)));
        if (random.nextBoolean()) {
            achievement.add("achievementType", random.nextBoolean() ? "MicroCredential" : "Badge");
        }
        if (random.nextBoolean()) {
            achievement.add("creditsAvailable", 1 + random.nextInt(6));
        }
        if (random.nextBoolean()) {
            JsonArrayBuilder tags = Json.createArrayBuilder();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                tags.add(text(random, 1));
            }
            achievement.add("tag", tags);
        }
        if (random.nextBoolean()) {
            JsonArrayBuilder alignments = Json.createArrayBuilder();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                alignments.add(
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("Alignment"))
                                .add("targetName", text(random, 2))
                                .add("targetUrl", "https://skills.example/" + random.nextInt(500))
                                .add("targetFramework", random.nextBoolean() ? "ESCO" : "O*NET"));
            }
            achievement.add("alignment", alignments);
        }
        return achievement;
    }

    private static JsonObjectBuilder status(Random random) {
        int index = random.nextInt(131_072);
        return Json.createObjectBuilder()
                .add("id", "https://status.example/1#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", random.nextBoolean() ? "revocation" : "suspension")
                .add("statusListIndex", Integer.toString(index))
                .add("statusListCredential", "https://status.example/1");
    }

    private static String date(Random random) {
        return java.time.Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000))
                .toString();
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}

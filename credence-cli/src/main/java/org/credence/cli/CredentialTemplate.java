package org.credence.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.credence.core.json.Jsons;
import org.credence.core.model.IdentityHash;
import org.credence.core.status.StatusListEntry;
import org.credence.core.status.StatusPurpose;

/**
 * Builds the unsigned Open Badges 3.0 {@code OpenBadgeCredential} the CLI issues, from a {@link
 * CredentialRequest}. Recipient emails are published only as salted SHA-256 identity hashes of the
 * address in lower case (verifiers compare the lower-cased address too).
 *
 * <p>Thread-safe: the random source is the only state.
 */
final class CredentialTemplate {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private static final int SALT_BYTES = 16;

    private final SecureRandom random;

    CredentialTemplate(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    JsonObject unsigned(CredentialRequest request) {
        checkAchievement(request.achievement());
        JsonObjectBuilder credential =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "@context",
                                Jsons.PROVIDER.createArrayBuilder().add(VC_CONTEXT).add(OB_CONTEXT))
                        .add("id", "urn:uuid:" + randomUuid())
                        .add(
                                "type",
                                Jsons.PROVIDER
                                        .createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add("issuer", issuer(request))
                        .add("validFrom", request.validity().from().toString());
        request.validity()
                .until()
                .ifPresent(until -> credential.add("validUntil", until.toString()));
        credential
                .add("name", request.achievement().getString("name"))
                .add("credentialSubject", subject(request));
        request.status()
                .ifPresent(status -> credential.add("credentialStatus", statusEntry(status)));
        return credential.build();
    }

    /**
     * Checks the members Open Badges 3.0 requires of an {@code Achievement}.
     *
     * @throws CliException naming every missing or malformed member
     */
    static void checkAchievement(JsonObject achievement) {
        List<String> problems = new ArrayList<>();
        if (!(achievement.get("id") instanceof JsonString id) || !isAbsoluteUri(id.getString())) {
            problems.add("\"id\" must be an absolute URI");
        }
        if (!types(achievement.get("type")).contains("Achievement")) {
            problems.add("\"type\" must include \"Achievement\"");
        }
        if (!(achievement.get("name") instanceof JsonString name) || name.getString().isBlank()) {
            problems.add("\"name\" must be a non-empty string");
        }
        if (!(achievement.get("description") instanceof JsonString)) {
            problems.add("\"description\" must be a string");
        }
        if (!(achievement.get("criteria") instanceof JsonObject criteria)
                || !(criteria.containsKey("id") || criteria.containsKey("narrative"))) {
            problems.add("\"criteria\" must be an object with an \"id\" or a \"narrative\"");
        }
        if (!problems.isEmpty()) {
            throw new CliException("the achievement is not valid: " + String.join("; ", problems));
        }
    }

    private static JsonObject issuer(CredentialRequest request) {
        JsonObjectBuilder issuer =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("id", request.issuerId())
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("Profile"));
        request.issuerName().ifPresent(name -> issuer.add("name", name));
        return issuer.build();
    }

    private JsonObject subject(CredentialRequest request) {
        JsonObjectBuilder subject =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", Jsons.PROVIDER.createArrayBuilder().add("AchievementSubject"));
        CredentialRequest.Recipient recipient = request.recipient();
        recipient.id().ifPresent(id -> subject.add("id", id.toString()));
        recipient
                .email()
                .ifPresent(
                        email ->
                                subject.add(
                                        "identifier",
                                        Jsons.PROVIDER.createArrayBuilder().add(identity(email))));
        return subject.add("achievement", request.achievement()).build();
    }

    private JsonObject identity(String email) {
        byte[] saltBytes = new byte[SALT_BYTES];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("type", "IdentityObject")
                .add("identityHash", IdentityHash.sha256(normalized, salt))
                .add("identityType", "emailAddress")
                .add("hashed", true)
                .add("salt", salt)
                .build();
    }

    private static JsonObject statusEntry(CredentialRequest.StatusReference status) {
        String index = Integer.toString(status.index());
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", status.list() + "#" + index)
                .add("type", StatusListEntry.BITSTRING_STATUS_LIST_ENTRY)
                .add("statusPurpose", StatusPurpose.REVOCATION.value())
                .add("statusListIndex", index)
                .add("statusListCredential", status.list().toString())
                .build();
    }

    private UUID randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static List<String> types(JsonValue type) {
        if (type instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (type != null && type.getValueType() == JsonValue.ValueType.ARRAY) {
            return type.asJsonArray().stream()
                    .filter(JsonString.class::isInstance)
                    .map(item -> ((JsonString) item).getString())
                    .toList();
        }
        return List.of();
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

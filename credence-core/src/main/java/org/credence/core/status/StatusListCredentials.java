package org.credence.core.status;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import org.credence.core.json.Jsons;

/**
 * Builds unsigned {@code BitstringStatusListCredential}s (VC 2.0) and reads published ones back.
 * Signing happens elsewhere, like for any other credential.
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusListCredentials {

    public static final String VC_2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    private static final Set<String> CREDENTIAL_TYPES =
            Set.of("BitstringStatusListCredential", "StatusList2021Credential");
    private static final Set<String> SUBJECT_TYPES =
            Set.of("BitstringStatusList", "StatusList2021");

    private final Clock clock;

    /**
     * @param clock gives {@code validFrom} of the credentials built
     */
    public StatusListCredentials(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An unsigned status list credential publishing {@code list} at {@code id}; its subject is
     * {@code <id>#list} and {@code validFrom} is now, to the second.
     */
    public JsonObject unsigned(
            URI id, String issuer, StatusPurpose purpose, BitstringStatusList list) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(purpose, "purpose");
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("@context", Jsons.PROVIDER.createArrayBuilder().add(VC_2_CONTEXT))
                .add("id", id.toString())
                .add(
                        "type",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("BitstringStatusListCredential"))
                .add("issuer", issuer)
                .add("validFrom", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .add(
                        "credentialSubject",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("id", id + "#list")
                                .add("type", "BitstringStatusList")
                                .add("statusPurpose", purpose.value())
                                .add("encodedList", list.encode()))
                .build();
    }

    /**
     * Reads a published status list credential (its proof is checked elsewhere). Accepts the older
     * StatusList2021 types too.
     *
     * @throws StatusListException {@link StatusListError#MALFORMED_STATUS_LIST_CREDENTIAL} when a
     *     member is missing or of the wrong type, or the list's own decoding errors
     */
    public static PublishedStatusList read(JsonObject credential) {
        if (!hasType(credential, CREDENTIAL_TYPES)) {
            throw malformed("the credential is not a BitstringStatusListCredential");
        }
        JsonValue subject = credential.get("credentialSubject");
        if (subject == null || subject.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("credentialSubject must be an object");
        }
        JsonObject subjectObject = subject.asJsonObject();
        if (!hasType(subjectObject, SUBJECT_TYPES)) {
            throw malformed("credentialSubject is not a BitstringStatusList");
        }
        return new PublishedStatusList(
                string(credential, "id"),
                StatusPurpose.fromValue(string(subjectObject, "statusPurpose")),
                BitstringStatusList.decode(string(subjectObject, "encodedList")));
    }

    private static boolean hasType(JsonObject object, Set<String> accepted) {
        JsonValue type = object.get("type");
        if (type instanceof JsonString text) {
            return accepted.contains(text.getString());
        }
        if (type != null && type.getValueType() == JsonValue.ValueType.ARRAY) {
            return type.asJsonArray().stream()
                    .anyMatch(
                            item ->
                                    item instanceof JsonString text
                                            && accepted.contains(text.getString()));
        }
        return false;
    }

    private static String string(JsonObject object, String name) {
        if (object.get(name) instanceof JsonString text) {
            return text.getString();
        }
        throw malformed("the status list credential needs a string " + name);
    }

    private static StatusListException malformed(String message) {
        return new StatusListException(StatusListError.MALFORMED_STATUS_LIST_CREDENTIAL, message);
    }
}

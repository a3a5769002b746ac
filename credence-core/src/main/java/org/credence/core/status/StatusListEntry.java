package org.credence.core.status;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code credentialStatus} entry of a credential that points into a Bitstring Status List: a
 * {@code BitstringStatusListEntry}, or the older {@code StatusList2021Entry} which has the same
 * members.
 *
 * @param id the entry's {@code id}, or {@code null} (it is optional)
 * @param type the entry type as written
 * @param purpose what a set bit means
 * @param index the {@code statusListIndex}
 * @param statusListCredential the URL of the status list credential
 */
public record StatusListEntry(
        String id, String type, StatusPurpose purpose, int index, URI statusListCredential) {

    public static final String BITSTRING_STATUS_LIST_ENTRY = "BitstringStatusListEntry";
    public static final String STATUS_LIST_2021_ENTRY = "StatusList2021Entry";

    private static final Set<String> SUPPORTED_TYPES =
            Set.of(BITSTRING_STATUS_LIST_ENTRY, STATUS_LIST_2021_ENTRY);

    public StatusListEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }

    /**
     * The status list entries of a credential; {@code credentialStatus} may be one object or an
     * array. A credential without {@code credentialStatus} has none.
     *
     * @throws StatusListException if an entry is of another type or malformed: a verifier must not
     *     silently skip a status it cannot check
     */
    public static List<StatusListEntry> from(JsonObject credential) {
        JsonValue status = credential.get("credentialStatus");
        if (status == null) {
            return List.of();
        }
        List<StatusListEntry> entries = new ArrayList<>();
        if (status.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : status.asJsonArray()) {
                entries.add(read(item));
            }
        } else {
            entries.add(read(status));
        }
        return List.copyOf(entries);
    }

    /**
     * Reads one {@code credentialStatus} object.
     *
     * @throws StatusListException if it is not a supported, well-formed status list entry
     */
    public static StatusListEntry read(JsonValue entry) {
        if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("a credentialStatus entry must be an object");
        }
        JsonObject object = entry.asJsonObject();
        String type = requiredString(object, "type");
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new StatusListException(
                    StatusListError.UNSUPPORTED_STATUS_TYPE,
                    "unsupported credentialStatus type: " + type);
        }
        checkStatusSize(object);
        return new StatusListEntry(
                optionalString(object, "id"),
                type,
                StatusPurpose.fromValue(requiredString(object, "statusPurpose")),
                parseIndex(object.get("statusListIndex")),
                parseUrl(requiredString(object, "statusListCredential")));
    }

    private static int parseIndex(JsonValue value) {
        // The spec asks for a string; issuers in the wild write a JSON integer, and the reference
        // verifiers read it. Read both, write only strings.
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigIntegerValue().signum() >= 0
                && number.bigIntegerValue().bitLength() < 32) {
            return number.intValue();
        }
        if (!(value instanceof JsonString text) || !text.getString().matches("[0-9]{1,10}")) {
            throw new StatusListException(
                    StatusListError.INVALID_STATUS_LIST_INDEX,
                    "statusListIndex must be the decimal string of a non-negative integer, got "
                            + value);
        }
        long index = Long.parseLong(text.getString());
        if (index > Integer.MAX_VALUE) {
            throw new StatusListException(
                    StatusListError.INVALID_STATUS_LIST_INDEX,
                    "statusListIndex is too large: " + index);
        }
        return (int) index;
    }

    private static void checkStatusSize(JsonObject object) {
        JsonValue size = object.get("statusSize");
        if (size == null) {
            return;
        }
        if (!(size instanceof JsonNumber number)
                || !number.isIntegral()
                || number.intValue() != 1) {
            throw new StatusListException(
                    StatusListError.UNSUPPORTED_STATUS_SIZE,
                    "only statusSize 1 is supported, got " + size);
        }
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) {
                throw malformed("statusListCredential must be an absolute URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw malformed("statusListCredential is not a URL: " + url);
        }
    }

    private static String requiredString(JsonObject object, String name) {
        String value = optionalString(object, name);
        if (value == null) {
            throw malformed("a credentialStatus entry needs a string " + name);
        }
        return value;
    }

    private static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw malformed(name + " must be a string");
    }

    private static StatusListException malformed(String message) {
        return new StatusListException(StatusListError.MALFORMED_STATUS_ENTRY, message);
    }
}

package org.credence.core.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C Verifiable Credentials Data Model MUSTs (2.0, and the same ones of 1.1) that an issuer
 * must meet before it signs, beyond the envelope rules a verifier checks ({@link
 * org.credence.core.verify.DataModelCheck}): every {@code evidence}, {@code termsOfUse}, {@code
 * refreshService}, {@code credentialSchema}, {@code credentialStatus} and {@code relatedResource}
 * object but {@code relatedResource} has a {@code type} (strings); a {@code credentialSchema} also
 * an {@code id}, a {@code relatedResource} an {@code id} and a digest; every {@code id} there is
 * one URL; every {@code credentialSubject} object makes at least one claim (an empty object is
 * none); {@code validFrom}, {@code validUntil} (and 1.1's {@code issuanceDate}, {@code
 * expirationDate}) are XML Schema dateTimeStamps, the end not before the start. Stateless.
 */
public final class IssuingRules {

    /** One broken rule: the property (a path such as {@code evidence[1].type}) and why. */
    public record Violation(String field, String reason) {
        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:\\S+$");

    /** The members whose objects are checked; all but {@code relatedResource} need a type. */
    private static final List<String> TYPED =
            List.of(
                    "evidence",
                    "termsOfUse",
                    "refreshService",
                    "credentialSchema",
                    "credentialStatus",
                    "relatedResource");

    private static final List<String> NEEDS_ID = List.of("credentialSchema", "relatedResource");
    private static final java.util.Set<String> LANGUAGE_VALUE_KEYS =
            java.util.Set.of("@value", "@language", "@direction");
    private static final List<String> DATES =
            List.of("validFrom", "validUntil", "issuanceDate", "expirationDate");

    private IssuingRules() {}

    /** The rules {@code credential} breaks, in document order; empty when it may be signed. */
    public static List<Violation> violations(JsonObject credential) {
        List<Violation> found = new ArrayList<>();
        subjects(credential, found);
        for (String property : TYPED) {
            objects(credential, property, found);
        }
        dates(credential, found);
        for (String property : List.of("name", "description")) {
            languageValue(credential.get(property), property, found);
            if (credential.get("issuer") instanceof JsonObject issuer) {
                languageValue(issuer.get(property), "issuer." + property, found);
            }
        }
        return List.copyOf(found);
    }

    /**
     * Throws for the first broken rule.
     *
     * @throws ModelException naming the property, e.g. {@code evidence[0].type}
     */
    public static void require(JsonObject credential) {
        List<Violation> found = violations(credential);
        if (!found.isEmpty()) {
            Violation first = found.get(0);
            throw new ModelException(ModelProblem.INVALID_VALUE, first.field(), first.reason());
        }
    }

    private static void subjects(JsonObject credential, List<Violation> found) {
        JsonValue value = credential.get("credentialSubject");
        List<JsonValue> subjects = list(value);
        for (int i = 0; i < subjects.size(); i++) {
            if (subjects.get(i) instanceof JsonObject subject && subject.isEmpty()) {
                found.add(
                        new Violation(
                                path("credentialSubject", i, value),
                                "is empty: every credential subject must make at least one"
                                        + " claim (VC Data Model 2.0, Credential Subject)"));
            }
        }
    }

    private static void objects(JsonObject credential, String property, List<Violation> found) {
        JsonValue value = credential.get(property);
        if (value == null) {
            return;
        }
        List<JsonValue> items = list(value);
        if (items.isEmpty()) {
            found.add(new Violation(property, "must be one or more objects, not empty"));
        }
        for (int i = 0; i < items.size(); i++) {
            String at = path(property, i, value);
            if (!(items.get(i) instanceof JsonObject item)) {
                found.add(new Violation(at, "must be an object with a type"));
                continue;
            }
            if (!property.equals("relatedResource")) {
                type(item, at, found);
            }
            id(item, at, NEEDS_ID.contains(property), found);
            if (property.equals("relatedResource")
                    && !item.containsKey("digestSRI")
                    && !item.containsKey("digestMultibase")) {
                found.add(
                        new Violation(at, "needs a digestSRI or digestMultibase of the resource"));
            }
        }
    }

    private static void type(JsonObject item, String at, List<Violation> found) {
        List<JsonValue> types = list(item.get("type"));
        if (types.isEmpty()) {
            found.add(
                    new Violation(
                            at + ".type",
                            "is required (VC Data Model 2.0: each such object must say its"
                                    + " type)"));
        } else if (types.stream().anyMatch(type -> !(type instanceof JsonString))) {
            found.add(new Violation(at + ".type", "must be a string or strings"));
        }
    }

    private static void id(JsonObject item, String at, boolean required, List<Violation> found) {
        JsonValue id = item.get("id");
        if (id == null) {
            if (required) {
                found.add(new Violation(at + ".id", "is required (a URL)"));
            }
        } else if (!(id instanceof JsonString text) || !URL.matcher(text.getString()).matches()) {
            found.add(new Violation(at + ".id", "must be one URL"));
        }
    }

    private static void dates(JsonObject credential, List<Violation> found) {
        for (String name : DATES) {
            JsonValue value = credential.get(name);
            if (value != null && date(value).isEmpty()) {
                found.add(
                        new Violation(
                                name,
                                "must be an XML Schema dateTimeStamp such as 2025-01-31T09:30:00Z"
                                        + " or 2025-01-31T03:30:00.250-06:00"));
            }
        }
        Optional<OffsetDateTime> from =
                date(credential.get("validFrom")).or(() -> date(credential.get("issuanceDate")));
        String untilName = credential.containsKey("validUntil") ? "validUntil" : "expirationDate";
        Optional<OffsetDateTime> until = date(credential.get(untilName));
        if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
            found.add(new Violation(untilName, "is before the credential's start"));
        }
    }

    /**
     * A string, a language value object ({@code @value}, {@code @language}, {@code @direction}) or
     * an array of them.
     */
    private static void languageValue(JsonValue value, String at, List<Violation> found) {
        if (value == null) {
            return;
        }
        boolean valid =
                list(value).stream()
                        .allMatch(
                                item ->
                                        item instanceof JsonString
                                                || item instanceof JsonObject object
                                                        && object.get("@value")
                                                                instanceof JsonString
                                                        && LANGUAGE_VALUE_KEYS.containsAll(
                                                                object.keySet()));
        if (!valid || list(value).isEmpty()) {
            found.add(
                    new Violation(
                            at,
                            "must be a string or a language value object (@value, @language,"
                                    + " @direction only), or an array of them"));
        }
    }

    private static Optional<OffsetDateTime> date(JsonValue value) {
        if (!(value instanceof JsonString text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.getString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<JsonValue> list(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        return value.getValueType() == JsonValue.ValueType.ARRAY
                ? value.asJsonArray()
                : List.of(value);
    }

    private static String path(String property, int index, JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.ARRAY
                ? property + "[" + index + "]"
                : property;
    }
}

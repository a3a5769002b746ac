package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;

/**
 * A registry in the Digital Credentials Consortium's JSON format, as read by {@code
 * @digitalcredentials/issuer-registry-client}: {@code {"meta": {...}, "registry": {"<did>": {"name":
 * ..., "url": ..., "location": ...}}}} (older files name the map {@code entries}). The format names no
 * registry, so the caller does (e.g. "DCC Community Registry", or the file name). Entries without a
 * name are skipped, since a check must say who the issuer is.
 *
 * <p>Immutable and thread-safe.
 */
public final class DccIssuerRegistry implements IssuerRegistry {

    private final Map<String, KnownIssuer> issuers;

    private DccIssuerRegistry(Map<String, KnownIssuer> issuers) {
        this.issuers = Map.copyOf(issuers);
    }

    /**
     * Reads a registry file's text.
     *
     * @param json the registry JSON
     * @param registryName the name checks will cite
     * @throws IllegalArgumentException when it is not JSON or has neither {@code registry} nor
     *     {@code entries} object
     */
    public static DccIssuerRegistry read(String json, String registryName) {
        Objects.requireNonNull(registryName, "registryName");
        JsonObject root;
        try {
            root = JsonInput.DEFAULT.parseObject(json);
        } catch (InputException e) {
            throw new IllegalArgumentException("not a JSON issuer registry: " + e.getMessage(), e);
        }
        JsonValue entries = root.getOrDefault("registry", root.get("entries"));
        if (!(entries instanceof JsonObject map)) {
            throw new IllegalArgumentException(
                    "not a DCC issuer registry: no \"registry\" object of issuers by DID");
        }
        Map<String, KnownIssuer> issuers = new LinkedHashMap<>();
        map.forEach(
                (id, value) -> {
                    if (value instanceof JsonObject entry && text(entry, "name").isPresent()) {
                        issuers.put(
                                id,
                                new KnownIssuer(
                                        id,
                                        text(entry, "name").orElseThrow(),
                                        text(entry, "url"),
                                        text(entry, "location"),
                                        registryName));
                    }
                });
        return new DccIssuerRegistry(issuers);
    }

    /** How many issuers the registry lists. */
    public int size() {
        return issuers.size();
    }

    @Override
    public Optional<KnownIssuer> lookup(String issuerId) {
        return Optional.ofNullable(issuers.get(issuerId));
    }

    private static Optional<String> text(JsonObject entry, String name) {
        return entry.get(name) instanceof JsonString value && !value.getString().isBlank()
                ? Optional.of(value.getString().strip())
                : Optional.empty();
    }
}

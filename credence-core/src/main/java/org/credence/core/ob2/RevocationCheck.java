package org.credence.core.ob2;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * Revocation of a signed assertion: the issuer Profile's {@code revocationList} (OB 2.0
 * §RevocationList) must not list its id (or, for legacy badges, its {@code uid}). A list that
 * cannot be fetched is "could not check", never "not revoked". Stateless.
 */
final class RevocationCheck {

    static final String UNAVAILABLE = "REVOCATION_LIST_UNAVAILABLE";

    private RevocationCheck() {}

    static Check check(JsonObject assertion, BadgeObjects.Linked linked, Fetches fetches) {
        Optional<Check> flagged = AssertionChecks.revokedFlag(assertion);
        if (flagged.isPresent()) {
            return flagged.get();
        }
        if (!linked.issuer().isFound()) {
            return Check.couldNotCheck(
                    CheckName.STATUS,
                    UNAVAILABLE,
                    "Revocation could not be checked without the issuer Profile: "
                            + linked.issuer().message());
        }
        Optional<String> listUrl = JsonValues.idOf(linked.issuer().get(), "revocationList");
        if (listUrl.isEmpty()) {
            return Check.passed(
                    CheckName.STATUS, "Not revoked: the issuer publishes no revocation list");
        }
        Resolved list = fetches.fetch(listUrl.get(), "the revocation list");
        if (!list.isFound()) {
            return Check.couldNotCheck(CheckName.STATUS, UNAVAILABLE, list.message());
        }
        String id = JsonValues.string(assertion, "id").orElse("");
        Optional<String> uid = JsonValues.string(assertion, "uid");
        for (JsonValue entry : JsonValues.list(list.get(), "revokedAssertions")) {
            if (matches(entry, id, uid)) {
                String reason =
                        entry instanceof JsonObject object
                                ? JsonValues.string(object, "revocationReason")
                                        .map(r -> ": " + r)
                                        .orElse("")
                                : "";
                return Check.failed(
                        CheckName.STATUS,
                        AssertionChecks.REVOKED,
                        "Revoked by its issuer (listed in " + listUrl.get() + ")" + reason);
            }
        }
        return Check.passed(
                CheckName.STATUS, "Not revoked: not listed in the issuer's revocation list");
    }

    private static boolean matches(JsonValue entry, String id, Optional<String> uid) {
        if (entry instanceof JsonString string) {
            return !id.isEmpty() && string.getString().equals(id);
        }
        if (entry instanceof JsonObject object) {
            Optional<String> entryId = JsonValues.string(object, "id");
            if (entryId.isPresent()) {
                return entryId.get().equals(id);
            }
            return uid.isPresent() && JsonValues.string(object, "uid").equals(uid);
        }
        return false;
    }
}

package org.credence.server.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.organization.Actor;
import org.credence.app.status.StatusListService;
import org.credence.app.status.StatusOutcome;
import org.credence.core.json.Jsons;
import org.credence.server.Services;

/**
 * Reads the VC-API's {@code updateCredentialStatus} request: {@code {credentialId,
 * credentialStatus: {type, statusPurpose}, status: true|false}} as the current draft has it ({@code
 * status} left out means {@code true}, as the Bitstring Status List suite sends it), or the earlier
 * {@code {credentialId, credentialStatus: [{type, status: "revoked"|"suspended"| "unsuspended"}]}}.
 * The credential id is the id the caller issued it under (any URL, or {@code
 * options.credentialId}), {@code <base>/credentials/<uuid>}, {@code urn:uuid:<uuid>} or the bare
 * UUID.
 */
final class CredentialStatusRequest {

    private static final Set<String> TYPES =
            Set.of("BitstringStatusListEntry", "BitstringStatusList");

    /** What to do to which credential. */
    enum Action {
        REVOKE,
        SUSPEND,
        UNSUSPEND
    }

    record Change(String credentialId, Action action) {
        JsonObject apply(Services services, Actor actor) {
            UUID id = services.credentials().idOf(actor, credentialId);
            StatusListService status = services.status();
            StatusOutcome outcome =
                    switch (action) {
                        case REVOKE -> status.revoke(actor, id, "");
                        case SUSPEND -> status.suspend(actor, id, "");
                        case UNSUSPEND -> status.unsuspend(actor, id);
                    };
            return Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("credentialId", id.toString())
                    .add("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .build();
        }
    }

    Change parse(JsonObject body) {
        String id = credentialId(body.get("credentialId"));
        JsonValue status = body.get("credentialStatus");
        if (status instanceof JsonObject entry) {
            return new Change(id, current(entry, body.get("status")));
        }
        if (status instanceof JsonArray entries
                && entries.size() == 1
                && entries.get(0) instanceof JsonObject entry) {
            type(entry);
            return new Change(id, legacy(entry.get("status")));
        }
        throw AppException.invalid(
                "credentialStatus: is required ({type, statusPurpose} with a boolean status)");
    }

    private static Action current(JsonObject entry, JsonValue status) {
        type(entry);
        String purpose = entry.getString("statusPurpose", "");
        if (status != null && status != JsonValue.TRUE && status != JsonValue.FALSE) {
            throw AppException.invalid(
                    "status: must be true (sets the status; the default) or false (clears it)");
        }
        boolean set = status != JsonValue.FALSE;
        return switch (purpose) {
            case "revocation" -> {
                if (!set) {
                    throw new AppException(
                            Problem.INVALID_INPUT,
                            "status: revocation is final, it cannot be cleared");
                }
                yield Action.REVOKE;
            }
            case "suspension" -> set ? Action.SUSPEND : Action.UNSUSPEND;
            default ->
                    throw AppException.invalid(
                            "credentialStatus.statusPurpose: must be revocation or suspension");
        };
    }

    private static Action legacy(JsonValue status) {
        String value = status instanceof JsonString text ? text.getString() : "";
        return switch (value) {
            case "revoked" -> Action.REVOKE;
            case "suspended" -> Action.SUSPEND;
            case "unsuspended" -> Action.UNSUSPEND;
            default ->
                    throw AppException.invalid(
                            "credentialStatus[0].status: must be revoked, suspended or"
                                    + " unsuspended");
        };
    }

    private static void type(JsonObject entry) {
        if (!TYPES.contains(entry.getString("type", ""))) {
            throw AppException.invalid(
                    "credentialStatus.type: must be BitstringStatusListEntry (Credence's status"
                            + " method)");
        }
    }

    private static String credentialId(JsonValue value) {
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        throw AppException.invalid(
                "credentialId: is required (the credential's id, or the UUID of its Credence"
                        + " page)");
    }
}

package org.credence.core.ob2;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.core.json.JsonValues;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;

/**
 * The BadgeClass and issuer Profile of an assertion, and the DATA_MODEL check over all three.
 *
 * <p>Which copy is trusted follows the OB 2.0 examples' notes: the issuer Profile is always taken
 * from its HTTP id (an embedded Profile's keys and verification policy are the claimant's word, not
 * the issuer's); an embedded BadgeClass is kept for signed assertions (the issuer signed it) and
 * re-fetched from its HTTP id for hosted ones. Stateless.
 */
final class BadgeObjects {

    static final String ID_MISMATCH = Fetches.ID_MISMATCH;
    static final String MISSING_PROPERTY = "MISSING_PROPERTY";
    static final String MISSING = "MISSING";

    private static final List<String> ASSERTION_REQUIRED =
            List.of("id", "type", "recipient", "badge", "issuedOn");
    private static final List<String> RECIPIENT_REQUIRED = List.of("type", "identity");
    private static final List<String> BADGE_REQUIRED =
            List.of("id", "type", "name", "description", "image", "criteria", "issuer");
    private static final List<String> ISSUER_REQUIRED =
            List.of("id", "type", "name", "url", "email");

    /** The assertion's BadgeClass and issuer Profile, each found or not. */
    record Linked(Resolved badge, Resolved issuer) {

        Optional<String> issuerId() {
            return issuer.document().flatMap(profile -> JsonValues.string(profile, "id"));
        }
    }

    private BadgeObjects() {}

    static Linked resolve(JsonObject assertion, Fetches fetches, boolean signed) {
        Resolved badge = link(assertion.get("badge"), "the BadgeClass", fetches, signed);
        if (!badge.isFound()) {
            return new Linked(
                    badge,
                    Resolved.missing(badge.code(), "The issuer is unknown: " + badge.message()));
        }
        return new Linked(
                badge, link(badge.get().get("issuer"), "the issuer Profile", fetches, false));
    }

    /**
     * A linked object: fetched when given as a URL, or embedded with an HTTP id the embedded copy
     * may not stand for; the embedded copy otherwise.
     */
    private static Resolved link(
            JsonValue value, String what, Fetches fetches, boolean trustEmbedded) {
        if (value instanceof JsonString url) {
            return fetches.fetchObject(url.getString(), what);
        }
        if (value instanceof JsonObject embedded) {
            Optional<String> id = JsonValues.string(embedded, "id");
            if (!trustEmbedded && id.isPresent() && Fetches.isHttp(id.get())) {
                return fetches.fetchObject(id.get(), what);
            }
            return Resolved.found(embedded, "embedded");
        }
        return Resolved.missing(MISSING, "Nothing names " + what);
    }

    /**
     * The required properties of the assertion, BadgeClass and issuer Profile (OB 2.0 §Assertion,
     * §BadgeClass, §Profile "when used as a badge issuer"). A revoked assertion needs only {@code
     * id} and {@code revoked}.
     */
    static Check dataModel(JsonObject assertion, Linked linked) {
        if (AssertionChecks.isRevoked(assertion)) {
            return assertion.containsKey("id")
                    ? Check.passed(
                            CheckName.DATA_MODEL,
                            "A revoked assertion: only its id and revoked flag are required")
                    : Check.failed(
                            CheckName.DATA_MODEL, MISSING_PROPERTY, "The assertion has no id");
        }
        List<String> missing = missingProperties(assertion, linked);
        if (!missing.isEmpty()) {
            return Check.failed(
                    CheckName.DATA_MODEL,
                    MISSING_PROPERTY,
                    "Required properties are missing: " + String.join(", ", missing));
        }
        for (Resolved object : List.of(linked.badge(), linked.issuer())) {
            if (!object.isFound()) {
                return object.code().equals(ID_MISMATCH) || object.code().equals(MISSING)
                        ? Check.failed(CheckName.DATA_MODEL, object.code(), object.message())
                        : Check.couldNotCheck(
                                CheckName.DATA_MODEL, object.code(), object.message());
            }
        }
        return Check.passed(
                CheckName.DATA_MODEL,
                "An Open Badges 2.0 assertion with its BadgeClass and issuer Profile");
    }

    private static List<String> missingProperties(JsonObject assertion, Linked linked) {
        List<String> missing =
                new ArrayList<>(
                        AssertionChecks.missing("assertion", assertion, ASSERTION_REQUIRED));
        if (assertion.containsKey("type")
                && !JsonValues.strings(assertion, "type").contains("Assertion")) {
            missing.add("assertion type Assertion");
        }
        JsonValues.object(assertion, "recipient")
                .ifPresent(
                        recipient ->
                                missing.addAll(
                                        AssertionChecks.missing(
                                                "recipient", recipient, RECIPIENT_REQUIRED)));
        linked.badge()
                .document()
                .ifPresent(
                        badge ->
                                missing.addAll(
                                        AssertionChecks.missing(
                                                "BadgeClass", badge, BADGE_REQUIRED)));
        linked.issuer()
                .document()
                .ifPresent(
                        issuer ->
                                missing.addAll(
                                        AssertionChecks.missing(
                                                "issuer", issuer, ISSUER_REQUIRED)));
        return missing;
    }
}

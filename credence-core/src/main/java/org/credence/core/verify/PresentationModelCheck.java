package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.credence.core.json.JsonValues;

/**
 * The VC Data Model rules for a presentation (2.0 §4.13, 1.1 §4.10) a verifier can check on the
 * JSON itself: the base context, the {@code VerifiablePresentation} type, a {@code holder} that is
 * a URL, and credentials that are objects. Compact JWS strings are also accepted as credentials: VC
 * 1.1 VP-JWTs carry VC-JWTs that way.
 */
final class PresentationModelCheck {

    private static final String URL = "^[A-Za-z][A-Za-z0-9+.\\-]*:.+";

    private PresentationModelCheck() {}

    static Check check(JsonObject presentation) {
        List<String> problems = new ArrayList<>();
        List<JsonValue> contexts = JsonValues.list(presentation, "@context");
        String first =
                contexts.isEmpty() || !(contexts.get(0) instanceof JsonString s)
                        ? ""
                        : s.getString();
        if (!DataModelCheck.VC_V1.equals(first) && !DataModelCheck.VC_V2.equals(first)) {
            problems.add(
                    "the first @context must be "
                            + DataModelCheck.VC_V2
                            + " (or "
                            + DataModelCheck.VC_V1
                            + ")");
        }
        if (!JsonValues.strings(presentation, "type").contains("VerifiablePresentation")) {
            problems.add("type must include VerifiablePresentation");
        }
        if (presentation.containsKey("holder")) {
            String holder = JsonValues.idOf(presentation, "holder").orElse("");
            if (!holder.matches(URL)) {
                problems.add("holder must be a URL, or an object with a URL id");
            }
        }
        for (JsonValue credential : JsonValues.list(presentation, "verifiableCredential")) {
            if (!(credential instanceof JsonObject) && !isCompactJws(credential)) {
                problems.add("each verifiableCredential must be an object (or a VC-JWT)");
                break;
            }
        }
        return problems.isEmpty()
                ? Check.passed(CheckName.DATA_MODEL, "A well-formed Verifiable Presentation")
                : Check.failed(
                        CheckName.DATA_MODEL, DataModelCheck.CODE, String.join("; ", problems));
    }

    static boolean isCompactJws(JsonValue value) {
        return value instanceof JsonString text
                && text.getString().chars().filter(ch -> ch == '.').count() == 2
                && !text.getString().contains(" ");
    }
}

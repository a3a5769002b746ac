package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.credence.core.json.JsonValues;

/**
 * The W3C Verifiable Credentials Data Model rules a verifier can check on the JSON itself (v1.1 and
 * v2.0): the base context first and every context a URL or an object, {@code type} strings
 * including {@code VerifiableCredential}, an issuer URL (or object with one), and one or more
 * credential subjects, each an object. Public so that issuers refuse what verifiers would.
 * Stateless.
 */
public final class DataModelCheck {

    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String CODE = "VC_DATA_MODEL_ERROR";

    private DataModelCheck() {}

    static Check check(JsonObject credential) {
        List<String> problems = problems(credential);
        return problems.isEmpty()
                ? Check.passed(CheckName.DATA_MODEL, "A well-formed Verifiable Credential")
                : Check.failed(CheckName.DATA_MODEL, CODE, String.join("; ", problems));
    }

    /** The rules the credential breaks, in plain language; empty for a well-formed one. */
    public static List<String> problems(JsonObject credential) {
        List<String> problems = new ArrayList<>();
        List<JsonValue> contexts = JsonValues.list(credential, "@context");
        String first =
                contexts.isEmpty() || !(contexts.get(0) instanceof JsonString s)
                        ? ""
                        : s.getString();
        if (!VC_V1.equals(first) && !VC_V2.equals(first)) {
            problems.add("the first @context must be " + VC_V2 + " (or " + VC_V1 + ")");
        }
        if (contexts.stream().anyMatch(context -> !isStringOrObject(context))) {
            problems.add("every @context entry must be a URL or an object");
        }
        List<JsonValue> types = JsonValues.list(credential, "type");
        if (!JsonValues.strings(credential, "type").contains("VerifiableCredential")) {
            problems.add("type must include VerifiableCredential");
        } else if (types.stream().anyMatch(type -> !(type instanceof JsonString))) {
            problems.add("every type must be a string");
        }
        String issuer = JsonValues.idOf(credential, "issuer").orElse("");
        if (issuer.isEmpty()) {
            problems.add("issuer is missing (a URL, or an object with an id)");
        } else if (!issuer.matches("^[A-Za-z][A-Za-z0-9+.\\-]*:.+")) {
            problems.add("issuer id \"" + issuer + "\" is not a URL");
        }
        List<JsonValue> subjects = JsonValues.list(credential, "credentialSubject");
        if (subjects.isEmpty()) {
            problems.add("credentialSubject is missing");
        } else if (subjects.stream().anyMatch(subject -> !(subject instanceof JsonObject))) {
            problems.add("credentialSubject must be an object (or an array of objects)");
        }
        if (VC_V1.equals(first) && !credential.containsKey("issuanceDate")) {
            problems.add("a VC 1.1 credential needs issuanceDate");
        }
        return problems;
    }

    private static boolean isStringOrObject(JsonValue value) {
        return value instanceof JsonString || value instanceof JsonObject;
    }
}

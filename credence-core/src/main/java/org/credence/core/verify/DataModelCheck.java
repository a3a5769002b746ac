package org.credence.core.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.credence.core.json.JsonValues;

/** The W3C Verifiable Credentials Data Model rules a verifier can check on the JSON itself. */
final class DataModelCheck {

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

    static List<String> problems(JsonObject credential) {
        List<String> problems = new ArrayList<>();
        List<JsonValue> contexts = JsonValues.list(credential, "@context");
        String first =
                contexts.isEmpty() || !(contexts.get(0) instanceof JsonString s)
                        ? ""
                        : s.getString();
        if (!VC_V1.equals(first) && !VC_V2.equals(first)) {
            problems.add("the first @context must be " + VC_V2 + " (or " + VC_V1 + ")");
        }
        if (!JsonValues.strings(credential, "type").contains("VerifiableCredential")) {
            problems.add("type must include VerifiableCredential");
        }
        String issuer = JsonValues.idOf(credential, "issuer").orElse("");
        if (issuer.isEmpty()) {
            problems.add("issuer is missing (a URL, or an object with an id)");
        } else if (!issuer.matches("^[A-Za-z][A-Za-z0-9+.\\-]*:.+")) {
            problems.add("issuer id \"" + issuer + "\" is not a URL");
        }
        if (JsonValues.list(credential, "credentialSubject").isEmpty()) {
            problems.add("credentialSubject is missing");
        }
        if (VC_V1.equals(first) && !credential.containsKey("issuanceDate")) {
            problems.add("a VC 1.1 credential needs issuanceDate");
        }
        return problems;
    }
}

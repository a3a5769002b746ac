package org.credence.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.credence.core.json.ContentMemo;
import org.credence.core.json.JsonValues;

/**
 * The Open Badges 3.0 JSON Schema (bundled, self-contained). A credential that is a valid VC but
 * not conformant to the schema gets a warning, as the reference verifiers do: its signature and
 * status still decide whether it is verified.
 *
 * <p>Immutable and thread-safe (the compiled schema is shared).
 */
final class SchemaCheck {

    static final String CODE = "OB3_SCHEMA_NONCONFORMANT";
    private static final String SCHEMA =
            "/org/credence/core/schemas/ob_v3p0_achievementcredential_schema.json";
    private static final int MAX_REPORTED = 5;

    /** Credentials already checked: the schema's verdict depends on nothing else. */
    private static final int REMEMBERED = 2048;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ContentMemo<Check> results = new ContentMemo<>(REMEMBERED);
    private final JsonSchema achievementCredential;

    SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA)) {
            this.achievementCredential =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Check check(JsonObject credential) {
        List<String> types = JsonValues.strings(credential, "type");
        if (!types.contains("OpenBadgeCredential") && !types.contains("AchievementCredential")) {
            return Check.notApplicable(
                    CheckName.SCHEMA, "No bundled JSON Schema for " + String.join(", ", types));
        }
        String text = credential.toString();
        return results.get(text, () -> validate(text));
    }

    private Check validate(String credentialJson) {
        Set<ValidationMessage> messages = achievementCredential.validate(toNode(credentialJson));
        if (messages.isEmpty()) {
            return Check.passed(CheckName.SCHEMA, "Conforms to the Open Badges 3.0 JSON Schema");
        }
        String listed =
                messages.stream()
                        .limit(MAX_REPORTED)
                        .map(ValidationMessage::getMessage)
                        .collect(Collectors.joining("; "));
        return Check.warning(
                CheckName.SCHEMA,
                CODE,
                "Not conformant to the Open Badges 3.0 JSON Schema ("
                        + messages.size()
                        + " issue(s)): "
                        + listed);
    }

    private JsonNode toNode(String credentialJson) {
        try {
            return mapper.readTree(credentialJson);
        } catch (IOException e) {
            throw new UncheckedIOException("jakarta.json output is always valid JSON", e);
        }
    }
}

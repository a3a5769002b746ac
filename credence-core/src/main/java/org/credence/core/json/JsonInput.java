package org.credence.core.json;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads untrusted JSON with limits: total size, nesting depth, and no duplicate keys (a duplicate
 * key lets two parsers see two different credentials behind one signature).
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonInput {

    /** 4 MiB: a CLR transcript with a hundred credentials and images fits; 5 MB does not. */
    public static final JsonInput DEFAULT = new JsonInput(4 * 1024 * 1024, 100);

    private final int maxChars;
    private final int maxDepth;
    private final JsonReaderFactory readerFactory;

    /**
     * @param maxChars the largest input accepted, in characters
     * @param maxDepth the deepest nesting accepted
     */
    public JsonInput(int maxChars, int maxDepth) {
        if (maxChars <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
        this.readerFactory =
                JsonProvider.provider()
                        .createReaderFactory(
                                Map.of(
                                        "org.eclipse.parsson.maxDepth",
                                        maxDepth,
                                        "org.eclipse.parsson.rejectDuplicateKeys",
                                        true,
                                        JsonConfig.KEY_STRATEGY,
                                        JsonConfig.KeyStrategy.NONE));
    }

    public int maxChars() {
        return maxChars;
    }

    /** Parses one JSON object or fails with a clear {@link InputException}. */
    public JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new InputException(InputProblem.EMPTY, "The input is empty");
        }
        if (text.length() > maxChars) {
            throw new InputException(
                    InputProblem.TOO_LARGE,
                    "The input is "
                            + text.length()
                            + " characters; at most "
                            + maxChars
                            + " are accepted");
        }
        JsonStructure structure;
        try (JsonReader reader = readerFactory.createReader(new StringReader(text))) {
            structure = reader.read();
        } catch (RuntimeException e) {
            // Parsson signals its depth limit with a bare RuntimeException; every failure of
            // reading untrusted text becomes an InputException.
            throw classify(e);
        }
        if (!(structure instanceof JsonObject object)) {
            throw new InputException(
                    InputProblem.NOT_AN_OBJECT, "Expected a JSON object, found a JSON array");
        }
        return object;
    }

    private InputException classify(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("depth") || lower.contains("deeply nested")) {
            return new InputException(
                    InputProblem.TOO_DEEP, "The JSON nests deeper than " + maxDepth + " levels", e);
        }
        if (lower.contains("duplicate")) {
            return new InputException(
                    InputProblem.DUPLICATE_KEY, "The JSON has a duplicate key: " + message, e);
        }
        return new InputException(InputProblem.MALFORMED_JSON, "Malformed JSON: " + message, e);
    }
}

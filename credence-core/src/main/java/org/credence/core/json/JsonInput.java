package org.credence.core.json;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.Objects;

/**
 * Reads untrusted JSON with limits: total size, nesting depth, no duplicate keys (a duplicate key
 * lets two parsers see two different credentials behind one signature), and the {@link
 * JsonComplexity} counts (objects, values, array width) that bound JSON-LD work.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonInput {

    /** 4 MiB: a CLR transcript with a hundred credentials and images fits; 5 MB does not. */
    public static final JsonInput DEFAULT = new JsonInput(4 * 1024 * 1024, 100);

    private final int maxChars;
    private final int maxDepth;
    private final JsonComplexity complexity;
    private final JsonReaderFactory readerFactory;

    /**
     * @param maxChars the largest input accepted, in characters
     * @param maxDepth the deepest nesting accepted
     */
    public JsonInput(int maxChars, int maxDepth) {
        this(maxChars, maxDepth, JsonComplexity.DEFAULT);
    }

    /**
     * @param maxChars the largest input accepted, in characters
     * @param maxDepth the deepest nesting accepted
     * @param complexity the most objects, values and array elements accepted
     */
    public JsonInput(int maxChars, int maxDepth, JsonComplexity complexity) {
        if (maxChars <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
        this.complexity = Objects.requireNonNull(complexity, "complexity");
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

    /**
     * The same size and depth limits with other complexity limits. {@link JsonComplexity#UNBOUNDED}
     * is for an envelope whose content is bounded again where it is used (a VC-API verification
     * request: the verifier reports a too complex credential as a check, not as a bad request).
     */
    public JsonInput withComplexity(JsonComplexity limits) {
        return new JsonInput(maxChars, maxDepth, limits);
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
        complexity.check(object);
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

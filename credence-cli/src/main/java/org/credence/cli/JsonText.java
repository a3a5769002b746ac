package org.credence.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;

/** JSON in and out of the CLI: size- and depth-limited parsing, pretty printing. */
final class JsonText {

    /** The nesting limit of the core's {@code JsonInput.DEFAULT}. */
    static final int JSON_MAX_DEPTH = 100;

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonText() {}

    /** Pretty-printed JSON without a leading newline. */
    static String pretty(JsonObject object) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().strip();
    }

    /** The JSON object in {@code file}, read with the verifier's limits. */
    static JsonObject readObject(Path file, String what) {
        String text = CliFiles.readText(file);
        try {
            return guardingDepth(what + " " + file, () -> JsonInput.DEFAULT.parseObject(text));
        } catch (InputException e) {
            throw new CliException(what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code parse}, turning Parsson's depth-limit error into a {@link CliException}. Parsson
     * reports its {@code maxDepth} as a bare {@code RuntimeException}, which the core's {@link
     * JsonInput} does not translate into {@code InputProblem.TOO_DEEP}, so it would otherwise
     * escape {@code Verifier.verify} as an unexpected error.
     */
    static <T> T guardingDepth(String source, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            if (e.getClass() == RuntimeException.class
                    && String.valueOf(e.getMessage()).contains("too deeply nested")) {
                throw new CliException(
                        source
                                + ": the JSON nests deeper than the "
                                + JSON_MAX_DEPTH
                                + " levels accepted",
                        e);
            }
            throw e;
        }
    }
}

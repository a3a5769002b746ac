package org.credence.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;

/** JSON in and out of the CLI: size- and depth-limited parsing, pretty printing. */
final class JsonText {

    /** The nesting limit of the core's {@code JsonInput.DEFAULT}. */
    private static final JsonWriterFactory PRETTY =
            Jsons.PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

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
            return JsonInput.DEFAULT.parseObject(text);
        } catch (InputException e) {
            throw new CliException(what + " " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.credence.server.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.AppException;
import org.credence.app.Problem;

/**
 * What a form shows: the values entered (or stored) and the errors to show next to their fields. A
 * refused submission is shown again with what was typed, so nothing is lost. Immutable.
 *
 * @param values field name to its values (checkboxes may have several)
 * @param errors field name to the message shown next to it
 * @param message a message about the whole form (when the service named no field), or null
 */
public record FormState(
        Map<String, List<String>> values, Map<String, String> errors, String message) {

    private static final Pattern FIELD =
            Pattern.compile("([A-Za-z][A-Za-z0-9_]{0,63}): (.+)", Pattern.DOTALL);

    public FormState {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    public static FormState empty() {
        return new FormState(Map.of(), Map.of(), null);
    }

    /** The submitted fields of a (url-encoded or multipart) form, without the CSRF token. */
    public static FormState of(Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>(ctx.formParamMap());
        values.remove(Auth.CSRF_FIELD);
        return new FormState(values, Map.of(), null);
    }

    /** A form showing these single values. */
    public static FormState of(Map<String, String> values) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        values.forEach((name, value) -> all.put(name, List.of(value)));
        return new FormState(all, Map.of(), null);
    }

    /** The first value of a field, empty when absent. */
    public String value(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        return list.isEmpty() ? "" : list.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    /** The error next to a field, or null. */
    public String error(String name) {
        return errors.get(name);
    }

    public boolean invalid() {
        return !errors.isEmpty() || message != null;
    }

    /** This form with one more value. */
    public FormState with(String name, String value) {
        Map<String, List<String>> all = new LinkedHashMap<>(values);
        all.put(name, List.of(value));
        return new FormState(all, errors, message);
    }

    /**
     * This form with the refusal shown: next to the field its message names (the services start
     * messages with the field), else above the form. Only invalid input and conflicts are shown on
     * the form; any other problem is thrown again for the error page.
     *
     * @param fieldNames service field name to the form's field name, for names that differ
     */
    public FormState refused(AppException e, Map<String, String> fieldNames) {
        if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT) {
            throw e;
        }
        Matcher field = FIELD.matcher(Objects.requireNonNullElse(e.getMessage(), ""));
        if (field.matches()) {
            String name = fieldNames.getOrDefault(field.group(1), field.group(1));
            Map<String, String> all = new LinkedHashMap<>(errors);
            all.putIfAbsent(name, field.group(2));
            return new FormState(values, all, message);
        }
        return new FormState(values, errors, e.getMessage());
    }

    /** The HTTP status of a refused form. */
    public static int status(AppException e) {
        return ErrorMapper.status(e.problem());
    }

    /** The uploaded file's bytes, if a non-empty one was sent. */
    public static Optional<byte[]> upload(Context ctx, String name) {
        if (!ctx.isMultipartFormData()) {
            return Optional.empty();
        }
        var file = ctx.uploadedFile(name);
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(
                file.contentAndClose(
                        stream -> {
                            try {
                                return stream.readAllBytes();
                            } catch (java.io.IOException ex) {
                                throw new java.io.UncheckedIOException(ex);
                            }
                        }));
    }
}

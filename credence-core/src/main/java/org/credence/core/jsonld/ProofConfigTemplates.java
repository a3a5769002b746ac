package org.credence.core.jsonld;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.credence.core.json.Jsons;

/**
 * Fast path for the most frequent document of all: a Data Integrity proof configuration
 * ({@code @context, type, cryptosuite, created, verificationMethod, proofPurpose}), canonicalized
 * once for every proof signed or verified.
 *
 * <p>Such a document is one blank node with five properties. Its canonical N-Quads depend on the
 * values of {@code created} (a literal) and {@code verificationMethod} (an IRI) only by copying
 * them: lines are sorted by predicate, which differ, and the single blank node is always labelled
 * {@code _:c14n0}. So the general path canonicalizes each shape once with placeholder values, and
 * later documents of that shape are filled in. A shape is the context, type, cryptosuite, proof
 * purpose and the verification method's scheme (in case a context defines it as a prefix); when a
 * placeholder does not come through verbatim the shape is marked unusable and always takes the
 * general path. {@code ProofConfigTemplateTest} checks equality with the general path on generated
 * values, including hostile ones.
 *
 * <p>Thread-safe.
 */
final class ProofConfigTemplates {

    private static final Set<String> SHAPE_KEYS =
            Set.of(
                    "@context",
                    "type",
                    "cryptosuite",
                    "created",
                    "verificationMethod",
                    "proofPurpose");
    private static final String CREATED = "0000-00-00T00:00:00Z-credence-placeholder";
    private static final String METHOD_PATH = "credence-placeholder-method";
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final int MAX_SHAPES = 256;
    private static final Optional<Template> UNUSABLE = Optional.empty();

    private final Map<String, Optional<Template>> templates = new ConcurrentHashMap<>();

    /**
     * The canonical N-Quads of a proof configuration, or empty when the document is not of the
     * template shape (the caller then takes the general path).
     */
    Optional<String> canonicalize(JsonObject document, Function<JsonObject, String> generalPath) {
        if (!document.keySet().equals(SHAPE_KEYS)) {
            return Optional.empty();
        }
        for (String key : SHAPE_KEYS) {
            if (!key.equals("@context") && !(document.get(key) instanceof JsonString)) {
                return Optional.empty();
            }
        }
        String method = document.getString("verificationMethod");
        var scheme = SCHEME.matcher(method);
        if (!scheme.find() || !SafeMode.isWellFormedIri(method)) {
            return Optional.empty();
        }
        String key =
                String.join(
                        "\n",
                        document.get("@context").toString(),
                        document.getString("type"),
                        document.getString("cryptosuite"),
                        document.getString("proofPurpose"),
                        scheme.group(1));
        Optional<Template> template = templates.get(key);
        if (template == null) {
            template = build(document, scheme.group(1), generalPath);
            if (templates.size() < MAX_SHAPES) {
                templates.putIfAbsent(key, template);
            }
        }
        return template.map(t -> t.fill(document.getString("created"), method));
    }

    private static Optional<Template> build(
            JsonObject document, String scheme, Function<JsonObject, String> generalPath) {
        String placeholderMethod = scheme + ":" + METHOD_PATH;
        JsonObject placeholder =
                Jsons.PROVIDER
                        .createObjectBuilder(document)
                        .add("created", CREATED)
                        .add("verificationMethod", placeholderMethod)
                        .build();
        String nquads;
        try {
            nquads = generalPath.apply(placeholder);
        } catch (JsonLdException e) {
            return UNUSABLE;
        }
        String createdLiteral = "\"" + CREATED + "\"";
        String methodIri = "<" + placeholderMethod + ">";
        if (count(nquads, createdLiteral) != 1 || count(nquads, methodIri) != 1) {
            return UNUSABLE;
        }
        return Optional.of(new Template(nquads, createdLiteral, methodIri));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The general path's output cut at the two placeholders, filled by position. */
    private record Template(String nquads, String createdLiteral, String methodIri) {
        String fill(String created, String method) {
            int createdAt = nquads.indexOf(createdLiteral);
            int methodAt = nquads.indexOf(methodIri);
            String createdText = "\"" + CanonicalNQuadsWriter.escaped(created) + "\"";
            String methodText = "<" + method + ">";
            StringBuilder out =
                    new StringBuilder(nquads.length() + created.length() + method.length());
            if (createdAt < methodAt) {
                out.append(nquads, 0, createdAt)
                        .append(createdText)
                        .append(nquads, createdAt + createdLiteral.length(), methodAt)
                        .append(methodText)
                        .append(nquads, methodAt + methodIri.length(), nquads.length());
            } else {
                out.append(nquads, 0, methodAt)
                        .append(methodText)
                        .append(nquads, methodAt + methodIri.length(), createdAt)
                        .append(createdText)
                        .append(nquads, createdAt + createdLiteral.length(), nquads.length());
            }
            return out.toString();
        }
    }
}

package org.credence.core.jsonld;

import com.apicatalog.rdf.api.RdfQuadConsumer;

/**
 * A quad with each term already in canonical N-Quads form ({@code <iri>}, {@code _:label}, or a
 * quoted literal), so that hashing and output only concatenate. Equal quads are equal records,
 * which deduplicates the dataset.
 *
 * @param graph null for the default graph
 */
record Rdfc10Quad(String subject, String predicate, String object, String graph) {

    static Rdfc10Quad of(
            String subject,
            String predicate,
            String object,
            String datatype,
            String language,
            String direction,
            String graph) {
        return new Rdfc10Quad(
                CanonicalNQuadsWriter.iriOrBlankNode(subject),
                CanonicalNQuadsWriter.iriOrBlankNode(predicate),
                RdfQuadConsumer.isLiteral(datatype, language, direction)
                        ? CanonicalNQuadsWriter.literalTerm(object, datatype, language, direction)
                        : CanonicalNQuadsWriter.iriOrBlankNode(object),
                graph == null ? null : CanonicalNQuadsWriter.iriOrBlankNode(graph));
    }

    static boolean isBlankNode(String term) {
        return term != null && term.startsWith("_:");
    }

    /** The term at a position: {@code s}ubject, {@code o}bject or {@code g}raph (maybe null). */
    String term(char position) {
        return switch (position) {
            case 's' -> subject;
            case 'o' -> object;
            case 'g' -> graph;
            default -> throw new IllegalArgumentException("position " + position);
        };
    }

    /** The N-Quads line with blank nodes as {@code _:a} (the reference one) or {@code _:z}. */
    String firstDegreeLine(String reference, StringBuilder buffer) {
        buffer.setLength(0);
        return line(
                buffer,
                firstDegree(subject, reference),
                firstDegree(object, reference),
                firstDegree(graph, reference));
    }

    /** The N-Quads line with every blank node relabelled by the issuer. */
    String relabelledLine(BlankNodeIssuer labels, StringBuilder buffer) {
        buffer.setLength(0);
        return line(
                buffer,
                relabelled(subject, labels),
                relabelled(object, labels),
                relabelled(graph, labels));
    }

    private String line(
            StringBuilder buffer, String subjectTerm, String objectTerm, String graphTerm) {
        buffer.append(subjectTerm).append(' ').append(predicate).append(' ').append(objectTerm);
        if (graphTerm != null) {
            buffer.append(' ').append(graphTerm);
        }
        return buffer.append(" .\n").toString();
    }

    private static String firstDegree(String term, String reference) {
        if (!isBlankNode(term)) {
            return term;
        }
        return term.equals(reference) ? "_:a" : "_:z";
    }

    private static String relabelled(String term, BlankNodeIssuer labels) {
        return isBlankNode(term) ? labels.issue(term) : term;
    }
}

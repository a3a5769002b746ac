package org.credence.core.jsonld;

import java.util.LinkedHashMap;
import java.util.Set;

/**
 * RDFC-1.0's identifier issuer: issues {@code prefix + counter} to blank nodes, remembering the
 * order of issue. Identifiers include the {@code _:} prefix. Not thread-safe.
 */
final class BlankNodeIssuer {

    private final String prefix;
    private final LinkedHashMap<String, String> issued;
    private int counter;

    BlankNodeIssuer(String prefix) {
        this(prefix, new LinkedHashMap<>(), 0);
    }

    private BlankNodeIssuer(String prefix, LinkedHashMap<String, String> issued, int counter) {
        this.prefix = prefix;
        this.issued = issued;
        this.counter = counter;
    }

    /** The identifier issued for a blank node, issuing the next one if there is none yet. */
    String issue(String blankNode) {
        String existing = issued.get(blankNode);
        if (existing != null) {
            return existing;
        }
        String identifier = prefix + counter++;
        issued.put(blankNode, identifier);
        return identifier;
    }

    /** The identifier issued for a blank node, or null. */
    String issued(String blankNode) {
        return issued.get(blankNode);
    }

    boolean hasIssued(String blankNode) {
        return issued.containsKey(blankNode);
    }

    /** The blank nodes that have identifiers, in the order they were issued. */
    Set<String> blankNodesInIssueOrder() {
        return issued.keySet();
    }

    BlankNodeIssuer copy() {
        return new BlankNodeIssuer(prefix, new LinkedHashMap<>(issued), counter);
    }
}

package org.credence.core.jsonld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RDFC-1.0 §4.8 Hash N-Degree Quads, with §4.7 Hash Related Blank Node, as rdf-canonize computes
 * them: the related blank nodes of a hash keep one entry per quad that relates them (a list, not a
 * set), so a node related through six quads appears six times in each permutation. Not thread-safe:
 * one per canonicalization.
 */
final class HashNDegreeQuads {

    /** The hash of a blank node's n-degree neighbourhood and the labels issued to reach it. */
    record Result(String hash, BlankNodeIssuer issuer) {}

    /** A path through related blank nodes and the labels issued along it. */
    private record Path(String path, BlankNodeIssuer issuer) {}

    private static final char[] POSITIONS = {'s', 'o', 'g'};

    private final Map<String, Rdfc10.BlankNode> blankNodes;
    private final BlankNodeIssuer canonicalIssuer;
    private final Sha256 sha256;
    private final WorkBudget.Meter meter;

    HashNDegreeQuads(
            Map<String, Rdfc10.BlankNode> blankNodes,
            BlankNodeIssuer canonicalIssuer,
            Sha256 sha256,
            WorkBudget.Meter meter) {
        this.blankNodes = blankNodes;
        this.canonicalIssuer = canonicalIssuer;
        this.sha256 = sha256;
        this.meter = meter;
    }

    Result hash(String blankNode, BlankNodeIssuer issuer) {
        meter.deepIteration();
        Map<String, List<String>> hashToRelated = hashToRelated(blankNode, issuer);
        List<String> hashes = new ArrayList<>(hashToRelated.keySet());
        hashes.sort(null);
        StringBuilder dataToHash = new StringBuilder();
        for (String relatedHash : hashes) {
            dataToHash.append(relatedHash);
            Path chosen = choosePath(hashToRelated.get(relatedHash), issuer);
            dataToHash.append(chosen.path());
            issuer = chosen.issuer();
        }
        return new Result(sha256.hex(dataToHash), issuer);
    }

    /** Steps 5.2–5.4: the smallest path over the permutations. */
    private Path choosePath(List<String> related, BlankNodeIssuer issuer) {
        String chosenPath = null;
        BlankNodeIssuer chosenIssuer = null;
        Permuter permuter = new Permuter(related);
        while (permuter.hasNext()) {
            String[] permutation = permuter.next();
            meter.step();
            Path path = path(permutation, issuer.copy(), chosenPath);
            if (path != null && (chosenPath == null || path.path().compareTo(chosenPath) < 0)) {
                chosenPath = path.path();
                chosenIssuer = path.issuer();
            }
        }
        return new Path(chosenPath, chosenIssuer);
    }

    /** Steps 5.4.2–5.4.5: one permutation's path, or null once it exceeds the chosen path. */
    private Path path(String[] permutation, BlankNodeIssuer issuerCopy, String chosenPath) {
        StringBuilder path = new StringBuilder();
        List<String> recursionList = new ArrayList<>();
        for (String related : permutation) {
            String canonical = canonicalIssuer.issued(related);
            if (canonical != null) {
                path.append(canonical);
            } else {
                if (!issuerCopy.hasIssued(related)) {
                    recursionList.add(related);
                }
                path.append(issuerCopy.issue(related));
            }
            if (exceeds(path, chosenPath)) {
                return null;
            }
        }
        for (String related : recursionList) {
            Result result = hash(related, issuerCopy);
            path.append(issuerCopy.issue(related)).append('<').append(result.hash()).append('>');
            issuerCopy = result.issuer();
            if (exceeds(path, chosenPath)) {
                return null;
            }
        }
        return new Path(path.toString(), issuerCopy);
    }

    private static boolean exceeds(CharSequence path, String chosenPath) {
        return chosenPath != null && CharSequence.compare(path, chosenPath) > 0;
    }

    /** Steps 1–3: related blank nodes by the hash of how they relate, one entry per quad. */
    private Map<String, List<String>> hashToRelated(String blankNode, BlankNodeIssuer issuer) {
        Map<String, List<String>> hashToRelated = new HashMap<>();
        for (Rdfc10Quad quad : blankNodes.get(blankNode).quads()) {
            for (char position : POSITIONS) {
                String related = quad.term(position);
                if (Rdfc10Quad.isBlankNode(related) && !related.equals(blankNode)) {
                    String hash = hashRelated(related, quad, position, issuer);
                    hashToRelated.computeIfAbsent(hash, key -> new ArrayList<>(2)).add(related);
                }
            }
        }
        return hashToRelated;
    }

    /** §4.7 Hash Related Blank Node. */
    private String hashRelated(
            String related, Rdfc10Quad quad, char position, BlankNodeIssuer issuer) {
        meter.step();
        String identifier = canonicalIssuer.issued(related);
        if (identifier == null) {
            identifier = issuer.issued(related);
        }
        if (identifier == null) {
            identifier = blankNodes.get(related).firstDegreeHash();
        }
        StringBuilder input = new StringBuilder(100).append(position);
        if (position != 'g') {
            input.append(quad.predicate());
        }
        return sha256.hex(input.append(identifier));
    }
}

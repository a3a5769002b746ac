package org.credence.core.jsonld;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.core.work.Deadline;

/**
 * RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation) with SHA-256, computing exactly what
 * the reference implementation rdf-canonize computes, including its work limit. Receives the
 * dataset as quads (from titanium's {@code ToRdfProcessor}), then {@link #canonicalNQuads()} labels
 * the blank nodes and returns the canonical N-Quads.
 *
 * <p>Written because titanium-rdfc 2.0.0 relates blank nodes through a set where RDFC-1.0 and
 * rdf-canonize use a list (one entry per quad), which labels some signed credentials differently.
 * Lines are sorted in code point order, as the specification requires.
 *
 * <p>Not thread-safe: one instance per canonicalization.
 */
final class Rdfc10 implements RdfQuadConsumer {

    /** The quads mentioning a blank node, in dataset order, and its first-degree hash. */
    static final class BlankNode {
        private final List<Rdfc10Quad> quads = new ArrayList<>(4);
        private String firstDegreeHash;

        List<Rdfc10Quad> quads() {
            return quads;
        }

        String firstDegreeHash() {
            return firstDegreeHash;
        }
    }

    /** How often the thread's deadline is looked at: every 4,096 quads or steps. */
    static final int DEADLINE_EVERY = 4095;

    private final WorkBudget.Meter meter;
    private final Set<Rdfc10Quad> dataset = new HashSet<>();
    private final List<Rdfc10Quad> quads = new ArrayList<>();
    private final Map<String, BlankNode> blankNodes = new LinkedHashMap<>();
    private final BlankNodeIssuer canonicalIssuer = new BlankNodeIssuer("_:c14n");
    private final Sha256 sha256 = new Sha256();
    private final StringBuilder buffer = new StringBuilder(256);

    Rdfc10(WorkBudget budget) {
        this.meter = budget.newMeter();
    }

    @Override
    public RdfQuadConsumer quad(
            String subject,
            String predicate,
            String object,
            String datatype,
            String language,
            String direction,
            String graph) {
        Rdfc10Quad quad =
                Rdfc10Quad.of(subject, predicate, object, datatype, language, direction, graph);
        if (dataset.add(quad)) {
            quads.add(quad);
            if ((quads.size() & DEADLINE_EVERY) == 0) {
                Deadline.checkCurrent("canonicalizing");
            }
            mention(quad.subject(), quad);
            mention(quad.object(), quad);
            mention(quad.graph(), quad);
        }
        return this;
    }

    private void mention(String term, Rdfc10Quad quad) {
        if (Rdfc10Quad.isBlankNode(term)) {
            List<Rdfc10Quad> mentions =
                    blankNodes.computeIfAbsent(term, key -> new BlankNode()).quads();
            if (mentions.isEmpty() || mentions.get(mentions.size() - 1) != quad) {
                mentions.add(quad);
            }
        }
    }

    /**
     * The canonical N-Quads: one line per quad, each ending in a newline, in code point order.
     *
     * @throws WorkBudget.ExceededException when the blank nodes are too symmetric (poison graph)
     */
    String canonicalNQuads() {
        Deadline.checkCurrent("canonicalizing");
        List<List<String>> nonUnique = issueUniqueFirstDegreeHashes();
        meter.start(quads.size(), nonUnique.stream().mapToInt(List::size).sum());
        HashNDegreeQuads nDegree = new HashNDegreeQuads(blankNodes, canonicalIssuer, sha256, meter);
        for (List<String> sameHash : nonUnique) {
            issueByNDegreeHash(sameHash, nDegree);
        }
        List<String> lines = new ArrayList<>(quads.size());
        int length = 0;
        for (Rdfc10Quad quad : quads) {
            String line = quad.relabelledLine(canonicalIssuer, buffer);
            lines.add(line);
            length += line.length();
        }
        lines.sort(CodePointOrder.INSTANCE);
        StringBuilder out = new StringBuilder(length);
        lines.forEach(out::append);
        return out.toString();
    }

    /**
     * Steps 4–5: labels the blank nodes whose first-degree hash is unique, in hash order; returns
     * the others grouped by hash, in hash order.
     */
    private List<List<String>> issueUniqueFirstDegreeHashes() {
        Map<String, List<String>> hashToBlankNodes = new HashMap<>();
        for (Map.Entry<String, BlankNode> entry : blankNodes.entrySet()) {
            String hash = hashFirstDegreeQuads(entry.getKey(), entry.getValue());
            hashToBlankNodes.computeIfAbsent(hash, key -> new ArrayList<>(1)).add(entry.getKey());
        }
        List<String> hashes = new ArrayList<>(hashToBlankNodes.keySet());
        hashes.sort(null);
        List<List<String>> nonUnique = new ArrayList<>();
        for (String hash : hashes) {
            List<String> sameHash = hashToBlankNodes.get(hash);
            if (sameHash.size() > 1) {
                nonUnique.add(sameHash);
            } else {
                canonicalIssuer.issue(sameHash.get(0));
            }
        }
        return nonUnique;
    }

    /** §4.6 Hash First Degree Quads. */
    private String hashFirstDegreeQuads(String id, BlankNode blankNode) {
        List<Rdfc10Quad> mentions = blankNode.quads();
        String[] lines = new String[mentions.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = mentions.get(i).firstDegreeLine(id, buffer);
        }
        Arrays.sort(lines, CodePointOrder.INSTANCE);
        for (String line : lines) {
            sha256.update(line);
        }
        blankNode.firstDegreeHash = sha256.hex();
        return blankNode.firstDegreeHash;
    }

    /** Step 6: labels nodes sharing a first-degree hash in the order of their n-degree hashes. */
    private void issueByNDegreeHash(List<String> sameHash, HashNDegreeQuads nDegree) {
        List<HashNDegreeQuads.Result> results = new ArrayList<>(sameHash.size());
        for (String id : sameHash) {
            if (!canonicalIssuer.hasIssued(id)) {
                BlankNodeIssuer issuer = new BlankNodeIssuer("_:b");
                issuer.issue(id);
                results.add(nDegree.hash(id, issuer));
            }
        }
        // Stable, as in the reference: equal hashes keep the dataset's order.
        results.sort((left, right) -> left.hash().compareTo(right.hash()));
        for (HashNDegreeQuads.Result result : results) {
            for (String id : result.issuer().blankNodesInIssueOrder()) {
                canonicalIssuer.issue(id);
            }
        }
    }
}

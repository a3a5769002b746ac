package org.credence.core.jsonld;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The permutations of a list of blank nodes exactly as rdf-canonize enumerates them: sorted first,
 * then Steinhaus–Johnson–Trotter, with one direction per distinct value. A list with repeated
 * entries (one per quad relating the same node) therefore yields fewer than n! permutations, six
 * identical entries just one; matching this keeps the work limit's count equal to the reference.
 * Not thread-safe.
 */
final class Permuter {

    private final String[] current;
    private final Map<String, Boolean> leftward = new HashMap<>();
    private boolean done;

    Permuter(List<String> blankNodes) {
        this.current = blankNodes.toArray(String[]::new);
        Arrays.sort(current);
        for (String blankNode : current) {
            leftward.put(blankNode, true);
        }
    }

    boolean hasNext() {
        return !done;
    }

    String[] next() {
        String[] permutation = current.clone();
        int mobile = largestMobile();
        if (mobile < 0) {
            done = true;
            return permutation;
        }
        String moving = current[mobile];
        int swap = leftward.get(moving) ? mobile - 1 : mobile + 1;
        current[mobile] = current[swap];
        current[swap] = moving;
        for (String element : current) {
            if (element.compareTo(moving) > 0) {
                leftward.put(element, !leftward.get(element));
            }
        }
        return permutation;
    }

    /** The position of the largest element greater than the neighbour it looks at, or -1. */
    private int largestMobile() {
        String largest = null;
        int position = -1;
        for (int i = 0; i < current.length; i++) {
            String element = current[i];
            if (largest != null && element.compareTo(largest) <= 0) {
                continue;
            }
            boolean left = leftward.get(element);
            if (left
                    ? i > 0 && element.compareTo(current[i - 1]) > 0
                    : i < current.length - 1 && element.compareTo(current[i + 1]) > 0) {
                largest = element;
                position = i;
            }
        }
        return position;
    }
}

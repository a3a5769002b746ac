package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permutations rdf-canonize's Permuter yields (Steinhaus–Johnson–Trotter on a sorted list). */
class PermuterTest {

    @Test
    void should_yield_every_order_when_entries_are_distinct() {
        assertThat(permutations("_:b2", "_:b0", "_:b1"))
                .containsExactly(
                        "_:b0 _:b1 _:b2",
                        "_:b0 _:b2 _:b1",
                        "_:b2 _:b0 _:b1",
                        "_:b2 _:b1 _:b0",
                        "_:b1 _:b2 _:b0",
                        "_:b1 _:b0 _:b2");
    }

    @Test
    void should_yield_one_permutation_when_all_entries_are_the_same_node() {
        assertThat(permutations("_:b1", "_:b1", "_:b1", "_:b1", "_:b1", "_:b1"))
                .containsExactly("_:b1 _:b1 _:b1 _:b1 _:b1 _:b1");
    }

    @Test
    void should_skip_some_orders_like_the_reference_when_entries_repeat() {
        // "_:b0 _:b1 _:b1 _:b0" never comes: directions are kept per value, not per entry.
        assertThat(permutations("_:b1", "_:b0", "_:b1", "_:b0"))
                .containsExactly(
                        "_:b0 _:b0 _:b1 _:b1",
                        "_:b0 _:b1 _:b0 _:b1",
                        "_:b1 _:b0 _:b0 _:b1",
                        "_:b1 _:b0 _:b1 _:b0",
                        "_:b1 _:b1 _:b0 _:b0");
    }

    private static List<String> permutations(String... entries) {
        Permuter permuter = new Permuter(List.of(entries));
        List<String> permutations = new ArrayList<>();
        while (permuter.hasNext()) {
            permutations.add(String.join(" ", permuter.next()));
        }
        return permutations;
    }
}

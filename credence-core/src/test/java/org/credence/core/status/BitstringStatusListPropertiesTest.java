package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BitstringStatusListPropertiesTest {

    @Property(tries = 200)
    void should_read_back_exactly_the_set_indexes_when_round_tripped(
            @ForAll @Size(max = 64) Set<@IntRange(min = 0, max = 131_071) Integer> indexes) {
        // GIVEN
        BitstringStatusList.Builder builder =
                BitstringStatusList.builder(BitstringStatusList.MIN_LENGTH_BITS);
        indexes.forEach(index -> builder.set(index, true));

        // WHEN
        BitstringStatusList decoded = BitstringStatusList.decode(builder.build().encode());

        // THEN
        assertThat(decoded.setIndexes().boxed()).containsExactlyElementsOf(new TreeSet<>(indexes));
    }
}

package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: any set of indexes round-trips through encode/decode. Cases come from a seeded
 * generator, so a failure names its seed and replays exactly.
 */
class BitstringStatusListPropertiesTest {

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5eed_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void should_read_back_exactly_the_set_indexes_when_round_tripped(long seed) {
        // GIVEN
        Random random = new Random(seed);
        Set<Integer> indexes = new TreeSet<>();
        int count = random.nextInt(65);
        for (int i = 0; i < count; i++) {
            indexes.add(random.nextInt(BitstringStatusList.MIN_LENGTH_BITS));
        }
        BitstringStatusList.Builder builder =
                BitstringStatusList.builder(BitstringStatusList.MIN_LENGTH_BITS);
        indexes.forEach(index -> builder.set(index, true));

        // WHEN
        BitstringStatusList decoded = BitstringStatusList.decode(builder.build().encode());

        // THEN
        assertThat(decoded.setIndexes().boxed()).containsExactlyElementsOf(indexes);
    }
}

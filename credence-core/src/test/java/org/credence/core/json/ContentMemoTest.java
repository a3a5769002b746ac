package org.credence.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContentMemoTest {

    @Test
    void should_compute_once_per_exact_text_and_again_for_any_changed_byte() {
        // GIVEN
        ContentMemo<String> memo = new ContentMemo<>(8);
        AtomicInteger computed = new AtomicInteger();

        // WHEN
        String first = memo.get("{\"a\":1}", () -> "r" + computed.incrementAndGet());
        String again = memo.get("{\"a\":1}", () -> "r" + computed.incrementAndGet());
        String changed = memo.get("{\"a\":2}", () -> "r" + computed.incrementAndGet());

        // THEN
        assertThat(first).isEqualTo("r1");
        assertThat(again).isEqualTo("r1");
        assertThat(changed).isEqualTo("r2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void should_not_remember_failures_and_forget_the_least_recently_used_beyond_its_size() {
        // GIVEN
        ContentMemo<String> memo = new ContentMemo<>(2);
        AtomicInteger computed = new AtomicInteger();

        // WHEN a computation fails, the next call computes again
        assertThatThrownBy(
                        () ->
                                memo.get(
                                        "bad",
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");
        assertThat(memo.get("bad", () -> "fixed")).isEqualTo("fixed");
        // AND a third entry pushes out the least recently used
        memo.get("one", () -> "1:" + computed.incrementAndGet());
        memo.get("two", () -> "2:" + computed.incrementAndGet());

        // THEN "bad" was evicted, "two" was kept
        assertThat(memo.get("bad", () -> "recomputed")).isEqualTo("recomputed");
        assertThat(memo.get("two", () -> "not used")).isEqualTo("2:2");
    }
}

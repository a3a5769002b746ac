package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.junit.jupiter.api.Test;

class FetchBudgetTest {

    private static final URI URL = URI.create("https://issuer.example/status/1");

    @Test
    void should_refuse_fetches_past_the_budget_of_one_verification_and_start_afresh_for_the_next()
            throws Exception {
        // WHEN one verification (with a nested one) fetches as much as it may
        int allowed =
                FetchBudget.within(
                        () -> {
                            int count = 0;
                            try {
                                for (int i = 0; i < FetchBudget.MAX_FETCHES / 2; i++) {
                                    FetchBudget.spend(URL);
                                    count++;
                                }
                                count += FetchBudget.within(() -> spendAll());
                            } catch (ResolutionException e) {
                                throw new AssertionError(e);
                            }
                            // THEN one more is refused as "network unavailable"
                            assertThatThrownBy(() -> FetchBudget.spend(URL))
                                    .isInstanceOfSatisfying(
                                            ResolutionException.class,
                                            e ->
                                                    assertThat(e.error())
                                                            .isEqualTo(
                                                                    ResolutionError
                                                                            .NETWORK_UNAVAILABLE));
                            return count;
                        });

        // THEN the nested verification shared the budget, and the next one has its own
        assertThat(allowed).isEqualTo(FetchBudget.MAX_FETCHES);
        assertThat(FetchBudget.within(FetchBudgetTest::spendAll))
                .isEqualTo(FetchBudget.MAX_FETCHES - FetchBudget.MAX_FETCHES / 2);
        // AND outside any verification nothing is counted
        for (int i = 0; i <= FetchBudget.MAX_FETCHES; i++) {
            FetchBudget.spend(URL);
        }
    }

    /** Spends what is left of half a budget: MAX - MAX/2 fetches. */
    private static int spendAll() {
        int count = 0;
        try {
            for (int i = 0; i < FetchBudget.MAX_FETCHES - FetchBudget.MAX_FETCHES / 2; i++) {
                FetchBudget.spend(URL);
                count++;
            }
        } catch (ResolutionException e) {
            throw new AssertionError(e);
        }
        return count;
    }
}

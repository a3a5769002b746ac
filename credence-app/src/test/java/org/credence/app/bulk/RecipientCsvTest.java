package org.credence.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.credence.app.RowProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientCsvTest {

    private static BulkPlan read(String csv) {
        return RecipientCsv.read(new StringReader(csv));
    }

    @Test
    void readsEveryColumnOfAGoodRow() {
        BulkPlan plan =
                read(
                        "\uFEFFEmail,Name,narrative,result,credits-earned,evidence_url,evidence_name,"
                                + "valid_from,valid_until,idempotency_key\n"
                                + "ana@example.org,Ana Lima,\"Built a, payroll\nmodel\",A,1.5,"
                                + "https://example.org/e/1,Portfolio,2026-01-01,2026-12-31,k-1\n");

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).hasSize(1);
        BulkRow row = plan.rows().get(0);
        assertThat(row.line()).isEqualTo(3);
        assertThat(row.email()).contains("ana@example.org");
        assertThat(row.name()).contains("Ana Lima");
        assertThat(row.narrative()).contains("Built a, payroll\nmodel");
        assertThat(row.creditsEarned()).contains(new BigDecimal("1.5"));
        assertThat(row.evidence().flatMap(BulkRow.Evidence::url))
                .contains("https://example.org/e/1");
        assertThat(row.validFrom()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(row.validUntil()).contains(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(row.idempotencyKey()).contains("k-1");
    }

    @Test
    void reportsEachBadRowAndKeepsTheGoodOnes() {
        BulkPlan plan =
                read(
                        "email,identifier,credits_earned,valid_from\n"
                                + "good@example.org,,2,\n"
                                + "not-an-email,,,\n"
                                + ",,,\n"
                                + "x@example.org,,-1,\n"
                                + "y@example.org,,,30/06/2026\n"
                                + ",did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK,,\n"
                                + ",javascript:alert(1),,\n"
                                + "GOOD@example.org,,,\n");

        assertThat(plan.rows()).extracting(BulkRow::line).containsExactly(2L, 7L);
        assertThat(plan.problemCount()).isEqualTo(6);
        assertThat(plan.rowCount()).isEqualTo(8);
        assertThat(plan.problems())
                .extracting(RowProblem::line, p -> p.message().split(":")[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "email"),
                        org.assertj.core.groups.Tuple.tuple(4L, "email"),
                        org.assertj.core.groups.Tuple.tuple(5L, "credits_earned"),
                        org.assertj.core.groups.Tuple.tuple(6L, "valid_from"),
                        org.assertj.core.groups.Tuple.tuple(8L, "identifier"),
                        org.assertj.core.groups.Tuple.tuple(
                                9L,
                                "duplicate recipient good@example.org (first on line 2; give each row its own idempotency_key to award twice)"));
        assertThat(plan.refusedWhole()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "emial,name|unknown column 'emial'",
                "name,result|an 'email' or an 'identifier' column is required",
                "email,Email|column 'email' appears twice",
            })
    void refusesABadHeaderWhole(String header, String message) {
        BulkPlan plan = read(header + "\na@example.org,b\n");

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.refusedWhole()).isTrue();
        assertThat(plan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith(message));
    }

    @Test
    void unreadableCsvIsReportedNotThrown() {
        BulkPlan plan = read("email,name\na@example.org,\"unterminated\n");

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unreadable CSV"));
    }

    @Test
    void hostileCellsAreKeptAsTextAndControlCharactersRefused() {
        BulkPlan plan =
                read(
                        "email,name,narrative\n"
                                + "a@example.org,\"=HYPERLINK(\"\"http://evil\"\")\",<script>alert(1)</script>\n"
                                + "b@example.org,\"nul\u0000byte\",\n"
                                + "c@example.org,\""
                                + "x".repeat(201)
                                + "\",\n");

        assertThat(plan.rows())
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.name()).contains("=HYPERLINK(\"http://evil\")");
                            assertThat(row.narrative()).contains("<script>alert(1)</script>");
                        });
        assertThat(plan.problems())
                .extracting(RowProblem::message)
                .containsExactly(
                        "name: contains a control character (U+0000)",
                        "name: longer than 200 characters");
    }

    @Test
    void rowsWithDistinctIdempotencyKeysMayAwardTheSamePersonTwice() {
        BulkPlan plan =
                read(
                        "email,idempotency_key\na@example.org,2025\nA@example.org,2026\na@example.org,2026\n");

        assertThat(plan.rows()).hasSize(2);
        assertThat(plan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void theDerivedIdempotencyKeyDependsOnEveryValueAndTheAchievement() {
        UUID achievement = UUID.randomUUID();
        BulkRow a = read("email,name\na@example.org,Ana\n").rows().get(0);
        BulkRow sameAgain = read("name,email\nAna,a@example.org\n").rows().get(0);
        BulkRow otherName = read("email,name\na@example.org,Anna\n").rows().get(0);

        assertThat(a.idempotencyKeyFor(achievement))
                .isEqualTo(sameAgain.idempotencyKeyFor(achievement));
        assertThat(a.idempotencyKeyFor(achievement))
                .isNotEqualTo(otherName.idempotencyKeyFor(achievement));
        assertThat(a.idempotencyKeyFor(achievement))
                .isNotEqualTo(a.idempotencyKeyFor(UUID.randomUUID()));
    }

    @Test
    void refusesMoreThanTheRowLimit() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= RecipientCsv.MAX_ROWS; i++) {
            csv.append("r").append(i).append("@example.org\n");
        }
        BulkPlan plan = read(csv.toString());

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("more than 100000 rows"));
    }

    @Test
    void readsTheMaximumNumberOfRows() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < RecipientCsv.MAX_ROWS; i++) {
            csv.append("r").append(i).append("@example.org\n");
        }
        assertThat(read(csv.toString()).rows()).hasSize(RecipientCsv.MAX_ROWS);
    }
}

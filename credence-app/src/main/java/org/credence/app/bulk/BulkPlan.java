package org.credence.app.bulk;

import java.util.List;
import org.credence.app.RowProblem;

/**
 * What a dry run of a bulk-issue CSV found: the rows that will be issued and why the others will
 * not. Nothing is issued by a dry run.
 *
 * @param rows the rows that passed every check, in file order
 * @param problems the refused rows (and whole-file problems on line 1), in file order; at most
 *     {@link RecipientCsv#MAX_PROBLEMS} are listed
 * @param problemCount how many rows were refused, including those not listed
 */
public record BulkPlan(List<BulkRow> rows, List<RowProblem> problems, int problemCount) {

    public BulkPlan {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** Rows read from the file, good and bad. */
    public int rowCount() {
        return rows.size() + problemCount;
    }

    /** True when the file itself was refused (a bad header, unreadable CSV, too many rows). */
    public boolean refusedWhole() {
        return rows.isEmpty() && !problems.isEmpty() && problems.get(0).line() <= 1;
    }
}

package org.credence.app;

import java.util.Objects;

/**
 * Why one line of an import was refused.
 *
 * @param line the 1-based line in the file (1 is the header) where the record ends
 * @param message what is wrong, naming the column
 */
public record RowProblem(long line, String message) {

    public RowProblem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}

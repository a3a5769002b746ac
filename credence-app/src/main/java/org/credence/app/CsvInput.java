package org.credence.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * How Credence reads uploaded CSV (skill frameworks, bulk recipients): RFC 4180, a header row whose
 * names must be distinct, empty lines ignored, UTF-8 with or without a byte order mark.
 */
public final class CsvInput {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .get();

    private CsvInput() {}

    /**
     * A parser over {@code input}. Malformed input surfaces from commons-csv as {@link
     * IllegalArgumentException}, {@link IllegalStateException} or {@link
     * java.io.UncheckedIOException} while reading.
     */
    public static CSVParser parse(Reader input) throws IOException {
        return FORMAT.parse(withoutBom(input));
    }

    /**
     * Spreadsheet programs write UTF-8 with a byte order mark; commons-csv would read it as part of
     * the first header.
     */
    private static Reader withoutBom(Reader input) throws IOException {
        BufferedReader reader = new BufferedReader(input);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}

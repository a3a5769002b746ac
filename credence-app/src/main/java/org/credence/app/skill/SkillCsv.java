package org.credence.app.skill;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.credence.app.AppException;
import org.credence.app.CsvInput;
import org.credence.app.RowProblem;
import org.credence.app.issuer.WebReferences;

/**
 * Reads skills from CSV (RFC 4180, header row, UTF-8 with or without a byte order mark) and checks
 * every row: column count, required and overlong fields, control characters, URLs, duplicate codes.
 * Values are kept as text; nothing is ever evaluated. Stateless and thread-safe.
 */
final class SkillCsv {

    static final int MAX_ROWS = 100_000;
    static final int MAX_PROBLEMS = 200;

    /** A checked row. */
    record Row(String code, String name, Optional<String> description, Optional<String> url) {}

    /** Rows that passed and problems of those that did not. */
    record Parsed(List<Row> rows, List<RowProblem> problems) {}

    private SkillCsv() {}

    static Parsed read(Reader input, ColumnMapping mapping) {
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (CSVParser parser = CsvInput.parse(input)) {
            List<String> missing = missingColumns(parser.getHeaderNames(), mapping);
            if (!missing.isEmpty()) {
                return refused(
                        1, "missing column(s) " + missing + "; found " + parser.getHeaderNames());
            }
            int width = parser.getHeaderNames().size();
            Map<String, Long> lineOfCode = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext() && problems.size() < MAX_PROBLEMS) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() > MAX_ROWS) {
                    problems.add(new RowProblem(line, "more than " + MAX_ROWS + " rows"));
                    break;
                }
                try {
                    Row row = row(record, width, mapping);
                    Long first = lineOfCode.putIfAbsent(row.code(), line);
                    if (first != null) {
                        throw AppException.invalid(
                                mapping.code()
                                        + ": duplicate code "
                                        + row.code()
                                        + " (first on line "
                                        + first
                                        + ")");
                    }
                    rows.add(row);
                } catch (AppException e) {
                    problems.add(new RowProblem(line, e.getMessage()));
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Malformed CSV: a duplicate header, an unterminated quote …
            problems.add(new RowProblem(lastLine(problems), "unreadable CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(rows, problems);
    }

    private static Row row(CSVRecord record, int width, ColumnMapping mapping) {
        if (record.size() != width) {
            throw AppException.invalid("expected " + width + " columns, found " + record.size());
        }
        String code = WebReferences.requireText(mapping.code(), record.get(mapping.code()), 200);
        String name = WebReferences.requireText(mapping.name(), record.get(mapping.name()), 500);
        Optional<String> description =
                mapping.description()
                        .map(column -> WebReferences.optionalText(column, record.get(column), 4000))
                        .filter(text -> !text.isEmpty());
        Optional<String> url =
                mapping.url()
                        .map(
                                column ->
                                        WebReferences.optionalText(
                                                column, record.get(column), WebReferences.MAX_URL))
                        .filter(text -> !text.isEmpty())
                        .map(text -> WebReferences.requireAbsoluteUrl(mapping.url().get(), text));
        return new Row(code, name, description, url);
    }

    private static List<String> missingColumns(List<String> header, ColumnMapping mapping) {
        List<String> wanted = new ArrayList<>(List.of(mapping.code(), mapping.name()));
        mapping.description().ifPresent(wanted::add);
        mapping.url().ifPresent(wanted::add);
        return wanted.stream().filter(column -> !header.contains(column)).distinct().toList();
    }

    private static Parsed refused(long line, String message) {
        return new Parsed(List.of(), List.of(new RowProblem(line, message)));
    }

    private static long lastLine(List<RowProblem> problems) {
        return problems.isEmpty() ? 1 : problems.get(problems.size() - 1).line();
    }
}
